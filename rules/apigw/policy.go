package apigw

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/arn"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/policy"
)

// PolicyDoc is one resource policy attached to a REST API.
type PolicyDoc struct {
	Policy *policy.Policy
	// Holder is the resource whose attribute attaches the policy: the API
	// (policy or body) or an aws_api_gateway_rest_api_policy.
	Holder *Node
	// Attr is the attribute: policy, or body for x-amazon-apigateway-policy.
	Attr *hclext.Attribute
	// Document is the aws_iam_policy_document the policy is the json of.
	Document *Node
	// Where is the policy's place in a spec file ("api.yaml:10"), when
	// the body is read from one.
	Where string
}

// Label names the policy in messages.
func (d *PolicyDoc) Label() string {
	switch {
	case d.Document != nil:
		return d.Document.Address() + " (the policy of " + d.Holder.Address() + ")"
	case d.Attr.Name == "body" && d.Where != "":
		return "the " + policy.OpenAPIExtension + " (" + d.Where + ") of " + d.Holder.Address() + ".body"
	case d.Attr.Name == "body":
		return "the " + policy.OpenAPIExtension + " of " + d.Holder.Address() + ".body"
	case d.Holder.Type == RestAPIPolicy:
		return d.Holder.Address()
	}
	return d.Holder.Address() + ".policy"
}

// Range is where to report an issue about the policy as a whole.
func (d *PolicyDoc) Range() hcl.Range { return d.Attr.Range }

// Policies returns the resource policies attached to a REST API declared in
// the module. known is false when the API may have a policy the model
// cannot see: it is not declared here, or its body cannot be read.
func (g *Graph) Policies(api *API) (docs []*PolicyDoc, known bool) {
	if api == nil || api.Node == nil || api.External || api.Version != 1 {
		return nil, false
	}
	known = true
	n := api.Node
	if attr := n.Attr("policy"); g.IsSet(attr) {
		p, doc := g.policyFromExpr(attr.Expr, 0)
		docs = append(docs, &PolicyDoc{Policy: p, Holder: n, Attr: attr, Document: doc})
	}
	// The policy argument wins over the body's: the provider applies it
	// after the import.
	if attr := n.Attr("body"); g.IsSet(attr) && !g.IsSet(n.Attr("policy")) {
		p, present, where := api.specPolicy()
		switch present {
		case policy.Yes:
			docs = append(docs, &PolicyDoc{Policy: p, Holder: n, Attr: attr, Where: where})
		case policy.Maybe:
			known = false
		}
	}
	for _, m := range api.Members {
		if m.Type != RestAPIPolicy || g.NeverExists(m) {
			continue
		}
		attr := m.Attr("policy")
		if attr == nil {
			continue
		}
		p, doc := g.policyFromExpr(attr.Expr, 0)
		docs = append(docs, &PolicyDoc{Policy: p, Holder: m, Attr: attr, Document: doc})
	}
	return docs, known
}

// maxDocumentDepth bounds how far source_policy_documents are followed.
const maxDocumentDepth = 4

// readDocument reads an aws_iam_policy_document's statements, merged with
// its source and override documents the way the data source does.
func (g *Graph) readDocument(n *Node, depth int) *policy.Policy {
	if n.Expansion != 0 || depth > maxDocumentDepth {
		return policy.Unknown()
	}
	p := &policy.Policy{Known: true}
	if len(n.Blocks("dynamic")) > 0 {
		p.Partial = true
	}
	if attr := n.Attr("source_policy_documents"); g.IsSet(attr) {
		g.mergeDocuments(p, attr.Expr, depth, false)
	}
	var own []policy.Statement
	for _, b := range n.Blocks("statement") {
		own = append(own, g.documentStatement(b))
	}
	mergeStatements(p, own)
	if attr := n.Attr("override_policy_documents"); g.IsSet(attr) {
		g.mergeDocuments(p, attr.Expr, depth, true)
	}
	return p
}

// mergeDocuments adds the statements of a list of JSON documents.
func (g *Graph) mergeDocuments(p *policy.Policy, expr hcl.Expression, depth int, override bool) {
	var parts []*policy.Policy
	if list, ok := expr.(*hclsyntax.TupleConsExpr); ok {
		for _, el := range list.Exprs {
			sub, _ := g.policyFromExpr(el, depth+1)
			parts = append(parts, sub)
		}
	} else {
		v, ok := g.policyValue(expr)
		if !ok || v.IsNull() || !v.CanIterateElements() {
			p.Partial = true
			return
		}
		for it := v.ElementIterator(); it.Next(); {
			_, el := it.Element()
			parts = append(parts, policy.FromCty(el))
		}
	}
	for _, sub := range parts {
		if !sub.Known || sub.Partial {
			p.Partial = true
		}
		if override {
			mergeStatements(p, sub.Statements)
		} else {
			p.Statements = append(p.Statements, sub.Statements...)
		}
	}
}

// mergeStatements adds statements; one with the Sid of a statement already
// there replaces it.
func mergeStatements(p *policy.Policy, add []policy.Statement) {
	for _, s := range add {
		replaced := false
		for i := range p.Statements {
			if s.Sid != "" && p.Statements[i].Sid == s.Sid {
				p.Statements[i], replaced = s, true
				break
			}
		}
		if !replaced {
			p.Statements = append(p.Statements, s)
		}
	}
}

// documentStatement reads one statement block of an aws_iam_policy_document.
func (g *Graph) documentStatement(b *hclext.Block) policy.Statement {
	attrs := b.Body.Attributes
	s := policy.Statement{Effect: "Allow", ConditionsKnown: true}
	if sid, ok := g.String(attrs["sid"]); ok {
		s.Sid = sid
	}
	if attr := attrs["effect"]; g.IsSet(attr) {
		s.Effect = ""
		if e, ok := g.String(attr); ok && (e == "Allow" || e == "Deny") {
			s.Effect = e
		}
	}
	s.Action = g.documentList(attrs["actions"])
	s.NotAction = g.documentList(attrs["not_actions"])
	s.Resource = g.documentList(attrs["resources"])
	s.NotResource = g.documentList(attrs["not_resources"])
	dynamic := map[string]bool{}
	for _, d := range b.Body.Blocks.OfType("dynamic") {
		if len(d.Labels) == 1 {
			dynamic[d.Labels[0]] = true
		}
	}
	s.Principal = g.documentPrincipals(b.Body.Blocks.OfType("principals"), dynamic["principals"])
	s.NotPrincipal = g.documentPrincipals(b.Body.Blocks.OfType("not_principals"), dynamic["not_principals"])
	for _, c := range b.Body.Blocks.OfType("condition") {
		test, okTest := g.String(c.Body.Attributes["test"])
		key, okKey := g.String(c.Body.Attributes["variable"])
		if !okTest || !okKey {
			s.ConditionsKnown = false
			continue
		}
		values := g.documentList(c.Body.Attributes["values"])
		s.Conditions = append(s.Conditions, policy.Condition{Operator: test, Key: key, Values: values.Items, Known: values.Known, Range: c.DefRange})
	}
	if dynamic["condition"] {
		s.ConditionsKnown = false
	}
	return s
}

// documentList reads a list attribute of a statement (actions, resources).
func (g *Graph) documentList(attr *hclext.Attribute) policy.List {
	if !g.IsSet(attr) {
		return policy.List{}
	}
	return policy.ListValue(g.tree(attr.Expr))
}

// documentPrincipals reads principals blocks. Type "*" is what the data
// source renders as "Principal": "*".
func (g *Graph) documentPrincipals(blocks hclext.Blocks, dynamic bool) policy.PrincipalSet {
	if len(blocks) == 0 && !dynamic {
		return policy.PrincipalSet{}
	}
	ps := policy.PrincipalSet{Set: true, Known: !dynamic, ByType: map[string][]partial.String{}}
	for _, b := range blocks {
		typ, ok := g.String(b.Body.Attributes["type"])
		ids := g.documentList(b.Body.Attributes["identifiers"])
		if !ok || !ids.Known {
			ps.Known = false
		}
		if typ == "*" {
			for _, id := range ids.Items {
				if v, known := id.Known(); known && v == "*" {
					ps.Anyone = true
				}
			}
			continue
		}
		ps.ByType[typ] = append(ps.ByType[typ], ids.Items...)
	}
	return ps
}

// IsPrivate answers whether a REST API is PRIVATE.
func (g *Graph) IsPrivate(api *API) policy.Tri {
	types, known := g.EndpointTypes(api)
	if !known {
		return policy.Maybe
	}
	for _, t := range types {
		if t == "PRIVATE" {
			return policy.Yes
		}
	}
	return policy.No
}

// SameResource reports whether a reference's address (TYPE.NAME, possibly
// with an index) names the node.
func SameResource(refAddr string, n *Node) bool {
	return n != nil && arn.BaseAddress(refAddr) == n.Address()
}

// Holders returns the resources whose policy is the json of a document.
func (g *Graph) Holders(doc *Node) []*Node {
	var out []*Node
	for _, kind := range []string{RestAPI, RestAPIPolicy} {
		for _, n := range g.byType[kind] {
			if attr := n.Attr("policy"); attr != nil && g.documentRef(attr.Expr) == doc {
				out = append(out, n)
			}
		}
	}
	return out
}
