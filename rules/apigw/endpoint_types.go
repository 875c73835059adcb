package apigw

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// EndpointTypes returns an API's endpoint types: a REST API's
// endpoint_configuration types (EDGE when it has none), REGIONAL for an
// HTTP/WebSocket API. known is false when the module does not prove them.
func (g *Graph) EndpointTypes(api *API) (types []string, known bool) {
	if api == nil || api.Node == nil || api.External {
		return nil, false
	}
	n := api.Node
	if n.Type == V2API {
		return []string{"REGIONAL"}, true
	}
	if hasDynamic(n.Block.Body, "endpoint_configuration") {
		return nil, false
	}
	cfgs := n.Blocks("endpoint_configuration")
	if len(cfgs) == 0 {
		return []string{"EDGE"}, true
	}
	v, ok := g.Value(cfgs[0].Body.Attributes["types"])
	if !ok || v.IsNull() || !v.CanIterateElements() {
		return nil, false
	}
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if e.IsNull() || e.Type() != cty.String {
			return nil, false
		}
		types = append(types, e.AsString())
	}
	return types, true
}

// EndpointTypesExpr is the expression that writes the API's endpoint types
// (endpoint_configuration.types); nil when the API is not in this module
// or sets none.
func EndpointTypesExpr(api *API) hcl.Expression {
	if api == nil || api.Node == nil || api.Node.Type != RestAPI {
		return nil
	}
	cfgs := api.Node.Blocks("endpoint_configuration")
	if len(cfgs) == 0 {
		return nil
	}
	if attr := cfgs[0].Body.Attributes["types"]; attr != nil {
		return attr.Expr
	}
	return nil
}
