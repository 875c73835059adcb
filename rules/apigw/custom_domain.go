package apigw

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// DomainTarget is the attribute pair of a custom domain that DNS must
// point at: the name API Gateway serves the domain on, and its hosted zone.
type DomainTarget struct {
	// Name and Zone are attribute paths of the domain resource, such as
	// regional_domain_name or domain_name_configuration[0].target_domain_name.
	Name, Zone string
	// Endpoint is the domain's endpoint type: EDGE or REGIONAL.
	Endpoint string
}

var (
	edgeTarget     = DomainTarget{Name: "cloudfront_domain_name", Zone: "cloudfront_zone_id", Endpoint: "EDGE"}
	regionalTarget = DomainTarget{Name: "regional_domain_name", Zone: "regional_zone_id", Endpoint: "REGIONAL"}
	v2Target       = DomainTarget{Name: "domain_name_configuration[0].target_domain_name", Zone: "domain_name_configuration[0].hosted_zone_id", Endpoint: "REGIONAL"}
)

// DomainTarget returns the attribute pair DNS must use for a custom domain
// (aws_api_gateway_domain_name, aws_apigatewayv2_domain_name): the
// CloudFront pair for an EDGE domain, the regional pair for a REGIONAL one,
// the target of the domain name configuration for v2. known is false when
// the endpoint type is not proven (a variable, a dynamic block) or is one
// that DNS does not alias (PRIVATE).
func (g *Graph) DomainTarget(domain *Node) (target DomainTarget, known bool) {
	switch domain.Type {
	case V2DomainName:
		return v2Target, true
	case DomainName:
	default:
		return DomainTarget{}, false
	}
	if hasDynamic(domain.Block.Body, "endpoint_configuration") {
		return DomainTarget{}, false
	}
	cfgs := domain.Blocks("endpoint_configuration")
	if len(cfgs) == 0 {
		return edgeTarget, true // the provider's default
	}
	v, ok := g.Value(cfgs[0].Body.Attributes["types"])
	if !ok || v.IsNull() || !v.CanIterateElements() || v.LengthInt() != 1 {
		return DomainTarget{}, false
	}
	it := v.ElementIterator()
	it.Next()
	_, e := it.Element()
	if e.IsNull() || e.Type() != cty.String {
		return DomainTarget{}, false
	}
	switch e.AsString() {
	case "EDGE":
		return edgeTarget, true
	case "REGIONAL":
		return regionalTarget, true
	}
	return DomainTarget{}, false
}

// DomainAttr is an expression that is exactly one reference to an
// attribute of a custom domain of the module.
type DomainAttr struct {
	Domain *Node
	// Path is the attribute path after the domain and its instance key:
	// regional_domain_name, domain_name_configuration[0].target_domain_name.
	Path string
	// Prefix is the source text of the reference up to the path, with the
	// instance key: aws_api_gateway_domain_name.api[0]. A fix writes
	// Prefix + "." + the right path.
	Prefix string
	// Range is where the reference is written.
	Range hcl.Range
}

// DomainAttrOf reads an expression as a reference to a custom domain's
// attribute: aws_api_gateway_domain_name.X.regional_domain_name, with an
// instance key or inside "${...}". ok is false for anything else.
func (g *Graph) DomainAttrOf(expr hcl.Expression) (DomainAttr, bool) {
	if w, isWrap := expr.(*hclsyntax.TemplateWrapExpr); isWrap {
		expr = w.Wrapped
	}
	t, isTraversal := expr.(*hclsyntax.ScopeTraversalExpr)
	if !isTraversal {
		return DomainAttr{}, false
	}
	ref, ok := ParseRef(t.Traversal)
	if !ok || ref.Data || (ref.Type != DomainName && ref.Type != V2DomainName) {
		return DomainAttr{}, false
	}
	domain := g.byAddr[ref.Address()]
	if domain == nil {
		return DomainAttr{}, false
	}
	rest := t.Traversal[2:] // after TYPE and NAME
	if len(rest) > 0 {
		if _, isIndex := rest[0].(hcl.TraverseIndex); isIndex {
			rest = rest[1:]
		}
	}
	if len(rest) == 0 {
		return DomainAttr{}, false
	}
	prefix := t.Traversal[:len(t.Traversal)-len(rest)]
	path := strings.TrimPrefix(TraversalText(append(hcl.Traversal{hcl.TraverseRoot{Name: ""}}, rest...)), ".")
	return DomainAttr{Domain: domain, Path: path, Prefix: TraversalText(prefix), Range: t.Range()}, true
}

// CustomDomains returns the module's REST and HTTP/WebSocket custom domains
// in file order.
func (g *Graph) CustomDomains() []*Node {
	return append(append([]*Node{}, g.byType[DomainName]...), g.byType[V2DomainName]...)
}

// CustomDomainMapped reports whether a base path or API mapping of the
// module serves a custom domain. known is false when one may that the model cannot
// tie to a domain (its domain_name comes from a variable, a local, a
// module), or when a module call is handed the domain.
func (g *Graph) CustomDomainMapped(domain *Node) (mapped, known bool) {
	known = !g.PassedToModule(domain)
	name, nameKnown := g.String(domain.Attr("domain_name"))
	for _, m := range g.mappings() {
		attr := m.Node.Attr("domain_name")
		if attr == nil {
			attr = m.Node.Attr("domain_name_id") // private custom domains
		}
		if attr == nil {
			continue
		}
		if target := g.domainNamedBy(attr.Expr); target != nil {
			if target == domain {
				return true, true
			}
			continue
		}
		other, ok := g.String(attr)
		switch {
		case ok && nameKnown && other == name:
			return true, true
		case !ok || !nameKnown:
			known = false
		}
	}
	return false, known
}

// domainNamedBy returns the custom domain of the module an expression
// references, whatever attribute it reads (domain_name, id).
func (g *Graph) domainNamedBy(expr hcl.Expression) *Node {
	for _, ref := range RefsIn(expr) {
		if !ref.Data && (ref.Type == DomainName || ref.Type == V2DomainName) {
			if n := g.byAddr[ref.Address()]; n != nil {
				return n
			}
		}
	}
	return nil
}

// DomainServing returns the one custom domain of the module that serves a
// DNS name for an API: its domain_name is the name (the same known string,
// or the name references the domain), and a mapping of the module maps the
// API on it. nil when there is none or more than one.
func (g *Graph) DomainServing(name *hclext.Attribute, api *API) *Node {
	if name == nil || api == nil || api.Node == nil {
		return nil
	}
	want, wantKnown := g.String(name)
	var found *Node
	for _, d := range g.CustomDomains() {
		named := g.domainNamedBy(name.Expr) == d
		if !named && wantKnown {
			got, ok := g.String(d.Attr("domain_name"))
			named = ok && got == want
		}
		if !named || !g.mapsAPI(d, api) {
			continue
		}
		if found != nil {
			return nil
		}
		found = d
	}
	return found
}

// mapsAPI reports whether a mapping of the module maps the API on the domain.
func (g *Graph) mapsAPI(domain *Node, api *API) bool {
	name, nameKnown := g.String(domain.Attr("domain_name"))
	for _, m := range g.mappings() {
		attr := m.Node.Attr("domain_name")
		if m.API != api.Node || attr == nil {
			continue
		}
		if g.domainNamedBy(attr.Expr) == domain {
			return true
		}
		if other, ok := g.String(attr); ok && nameKnown && other == name {
			return true
		}
	}
	return false
}
