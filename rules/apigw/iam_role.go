package apigw

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/policy"
)

// APIGatewayService is the service principal API Gateway assumes roles as.
const APIGatewayService = "apigateway.amazonaws.com"

// RoleUse is an integration or authorizer that makes API Gateway assume a
// role of the module: its credentials name an aws_iam_role's ARN.
type RoleUse struct {
	Node *Node
	Attr *hclext.Attribute
	Role *Node
}

// credentialsAttr names, per kind, the attribute holding the role API
// Gateway assumes to call the backend or the authorizer.
var credentialsAttr = map[string]string{
	Integration:   "credentials",
	Authorizer:    "authorizer_credentials",
	V2Integration: "credentials_arn",
	V2Authorizer:  "authorizer_credentials_arn",
}

// RoleUses returns, in file order of kinds, the integrations and
// authorizers whose credentials are the ARN of an aws_iam_role of this
// module. Roles from variables, data sources or literal ARNs are left out.
func (g *Graph) RoleUses() []RoleUse {
	var out []RoleUse
	for _, kind := range []string{Integration, Authorizer, V2Integration, V2Authorizer} {
		for _, n := range g.byType[kind] {
			attr := n.Attr(credentialsAttr[kind])
			if role := g.RoleOf(exprOf(attr)); role != nil {
				out = append(out, RoleUse{Node: n, Attr: attr, Role: role})
			}
		}
	}
	return out
}

// RoleOf returns the aws_iam_role whose ARN an expression is exactly
// (aws_iam_role.x.arn, "${aws_iam_role.x.arn}", aws_iam_role.x[0].arn).
func (g *Graph) RoleOf(expr hcl.Expression) *Node {
	s, ok := g.template(expr)
	trav := singleTraversal(s)
	if !ok || trav == nil {
		return nil
	}
	ref, ok := ParseRef(trav)
	if !ok || ref.Data || ref.Type != IAMRole || ref.Attr != "arn" {
		return nil
	}
	return g.byAddr[ref.Address()]
}

// Trust is a role's trust policy (assume_role_policy).
type Trust struct {
	Role   *Node
	Attr   *hclext.Attribute
	Policy *policy.Policy
	// Document is the aws_iam_policy_document whose json the policy is.
	Document *Node
}

// TrustOf reads a role's assume_role_policy: jsonencode(...), JSON text or
// heredoc, or an aws_iam_policy_document's json. A policy the model cannot
// read is unknown.
func (g *Graph) TrustOf(role *Node) Trust {
	t := Trust{Role: role, Attr: role.Attr("assume_role_policy"), Policy: policy.Unknown()}
	if !g.IsSet(t.Attr) {
		return t
	}
	t.Policy, t.Document = g.policyFromExpr(t.Attr.Expr, 0)
	return t
}

// TrustedServices returns the expression that lists the service
// principals of the trust policy's one unconditional Allow of
// sts:AssumeRole to services, for a fix to extend: a string or a list
// literal inside jsonencode(...), or the identifiers of a policy
// document's principals block of type "Service". ok is false when there is
// no such statement, or more than one.
func (g *Graph) TrustedServices(t Trust) (expr hclsyntax.Expression, ok bool) {
	if t.Document != nil {
		return documentServices(t.Document)
	}
	call, isCall := exprOf(t.Attr).(*hclsyntax.FunctionCallExpr)
	if !isCall || call.Name != "jsonencode" || len(call.Args) != 1 {
		return nil, false
	}
	doc, isObj := call.Args[0].(*hclsyntax.ObjectConsExpr)
	if !isObj {
		return nil, false
	}
	var statements []hclsyntax.Expression
	switch st := objectItem(doc, "Statement").(type) {
	case *hclsyntax.TupleConsExpr:
		statements = st.Exprs
	case *hclsyntax.ObjectConsExpr:
		statements = []hclsyntax.Expression{st}
	default:
		return nil, false
	}
	var found hclsyntax.Expression
	for _, s := range statements {
		obj, isObj := s.(*hclsyntax.ObjectConsExpr)
		if !isObj || objectItem(obj, "Condition") != nil || !literalIs(objectItem(obj, "Effect"), "Allow") || !listHas(objectItem(obj, "Action"), policy.AssumeRoleAction) {
			continue
		}
		principal, isObj := objectItem(obj, "Principal").(*hclsyntax.ObjectConsExpr)
		if !isObj {
			continue
		}
		if services := objectItem(principal, "Service"); services != nil {
			if found != nil {
				return nil, false
			}
			found = services
		}
	}
	return found, found != nil
}

// documentServices is TrustedServices for an aws_iam_policy_document.
func documentServices(doc *Node) (hclsyntax.Expression, bool) {
	if doc.Syntax == nil || doc.Expansion != 0 {
		return nil, false
	}
	var found hclsyntax.Expression
	for _, st := range doc.Syntax.Body.Blocks {
		if st.Type == "dynamic" {
			return nil, false
		}
		if st.Type != "statement" {
			continue
		}
		attrs := st.Body.Attributes
		if e, set := attrs["effect"]; set && !literalIs(e.Expr, "Allow") {
			continue
		}
		if a, set := attrs["actions"]; !set || !listHas(a.Expr, policy.AssumeRoleAction) {
			continue
		}
		for _, b := range st.Body.Blocks {
			switch {
			case b.Type == "dynamic" || b.Type == "condition":
				return nil, false
			case b.Type == "principals" && b.Body.Attributes["type"] != nil && literalIs(b.Body.Attributes["type"].Expr, "Service"):
				ids, set := b.Body.Attributes["identifiers"]
				if !set || found != nil {
					return nil, false
				}
				found = ids.Expr
			}
		}
	}
	return found, found != nil
}

// objectItem returns the value of a literal key of an object constructor.
func objectItem(obj *hclsyntax.ObjectConsExpr, key string) hclsyntax.Expression {
	for _, it := range obj.Items {
		if k, ok := partial.ObjectKey(it.KeyExpr); ok && k == key {
			return it.ValueExpr
		}
	}
	return nil
}

// literalIs reports whether an expression is the literal string want.
func literalIs(expr hcl.Expression, want string) bool {
	if expr == nil || len(variables(expr)) > 0 {
		return false
	}
	v, diags := expr.Value(nil)
	return !diags.HasErrors() && v.IsKnown() && !v.IsNull() && v.Type() == cty.String && strings.EqualFold(v.AsString(), want)
}

// listHas reports whether an expression is the literal string want, or a
// list literal holding it.
func listHas(expr hcl.Expression, want string) bool {
	if list, ok := expr.(*hclsyntax.TupleConsExpr); ok {
		for _, e := range list.Exprs {
			if literalIs(e, want) {
				return true
			}
		}
		return false
	}
	return literalIs(expr, want)
}
