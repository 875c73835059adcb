package apigw

import (
	"strings"
)

// PrivateDNSExecuteAPI reports whether the configuration proves that a VPC
// endpoint is an execute-api interface endpoint with private DNS on: from
// its VPC every *.execute-api.<region>.amazonaws.com name then resolves to
// the endpoint, which serves private APIs only.
func (g *Graph) PrivateDNSExecuteAPI(vpce *Node) bool {
	if vpce.Type != VPCEndpoint || !g.isExecuteAPIService(vpce) {
		return false
	}
	typ, ok := g.String(vpce.Attr("vpc_endpoint_type"))
	if !ok || !strings.EqualFold(typ, "Interface") {
		return false
	}
	dns, known := g.BoolOr(vpce.Attr("private_dns_enabled"), false)
	return dns && known
}

// ExecuteAPIEndpoints returns the module's execute-api VPC endpoints that
// exist: the endpoints a private API's callers come through.
func (g *Graph) ExecuteAPIEndpoints() []*Node {
	var out []*Node
	for _, n := range g.byType[VPCEndpoint] {
		if g.isExecuteAPIService(n) && !g.NeverExists(n) {
			out = append(out, n)
		}
	}
	return out
}

// isExecuteAPIService reads service_name: a known string, a template whose
// text ends in ".execute-api" ("com.amazonaws.${var.region}.execute-api"),
// or the service_name of a data.aws_vpc_endpoint_service for "execute-api".
func (g *Graph) isExecuteAPIService(vpce *Node) bool {
	attr := vpce.Attr("service_name")
	if attr == nil {
		return false
	}
	if s, ok := g.String(attr); ok {
		return strings.HasSuffix(s, ".execute-api")
	}
	if ds := g.Resolve(attr.Expr); ds != nil && ds.Kind() == EndpointServiceD {
		s, ok := g.String(ds.Attr("service"))
		return ok && s == "execute-api"
	}
	// A template's literal tail is the same whatever its interpolations
	// evaluate to; the source text shows it in HCL and JSON alike.
	text := g.sourceText(attr.Expr.Range())
	return strings.HasPrefix(text, `"`) && strings.HasSuffix(text, `.execute-api"`)
}

// IsPublic reports whether the configuration proves that an API has a
// public (EDGE or REGIONAL) endpoint.
func (g *Graph) IsPublic(api *Node) bool {
	types, ok := g.EndpointTypes(api.API)
	if !ok {
		return false
	}
	for _, t := range types {
		if t == "EDGE" || t == "REGIONAL" {
			return true
		}
	}
	return false
}
