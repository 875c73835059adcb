package apigw

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// The response_parameters keys that send Access-Control-Allow-Origin: on a
// method or integration response, and on a gateway response.
const (
	methodAllowOrigin  = "method.response.header.Access-Control-Allow-Origin"
	gatewayAllowOrigin = "gatewayresponse.header.Access-Control-Allow-Origin"
)

// ServesCORS reports whether the configuration shows that a REST API answers
// browsers' cross-origin calls: it has an OPTIONS method, or a method or
// integration response that sends Access-Control-Allow-Origin.
func (g *Graph) ServesCORS(api *API) bool {
	if api.bodyServesCORS() {
		return true
	}
	for _, m := range api.Members {
		if g.NeverExists(m) {
			continue
		}
		switch m.Type {
		case Method:
			if method, _ := verbOf(g, m); method == "OPTIONS" {
				return true
			}
		case MethodResponse, IntegrationResponse:
			if _, ok := g.parameter(m, methodAllowOrigin); ok {
				return true
			}
		}
	}
	return false
}

// GatewayResponseInfo is what an aws_api_gateway_gateway_response says.
type GatewayResponseInfo struct {
	Node *Node
	// Type is the response_type (DEFAULT_4XX, ACCESS_DENIED...).
	Type string
	// StatusCode is the status_code it answers with; "" when it keeps the
	// type's own or the model cannot tell.
	StatusCode string
	// AllowsOrigin is true when response_parameters send
	// Access-Control-Allow-Origin.
	AllowsOrigin bool
	// FromBody: the response is an entry of the API's body's
	// x-amazon-apigateway-gateway-responses; Node is then the API's.
	FromBody bool
}

// GatewayResponses returns the gateway responses of a REST API declared in
// the module. known is false when one may belong to the API without the
// model telling its type or headers: a response_type or response_parameters
// it cannot read, or a rest_api_id from a variable, a local or a module.
func (g *Graph) GatewayResponses(api *API) (out []GatewayResponseInfo, known bool) {
	for _, n := range g.Resources(GatewayResponse) {
		if n.API == nil {
			continue
		}
		if n.API != api {
			if n.API.Node == nil && !n.API.External {
				return nil, false // may be this API
			}
			continue
		}
		if g.NeverExists(n) {
			continue
		}
		typ, ok := g.String(n.Attr("response_type"))
		if !ok {
			return nil, false
		}
		params := n.Attr("response_parameters")
		allows := false
		if g.IsSet(params) {
			entries, ok := g.objectEntries(params.Expr)
			if !ok {
				return nil, false
			}
			_, allows = lookupFold(entries, gatewayAllowOrigin)
		}
		status, _ := g.String(n.Attr("status_code"))
		out = append(out, GatewayResponseInfo{Node: n, Type: typ, StatusCode: status, AllowsOrigin: allows})
	}
	return api.withBodyResponses(out)
}

// CORSOrigin returns the Access-Control-Allow-Origin value expression the
// API's integration responses send, for a generated gateway response to
// send the same: those of OPTIONS methods first, then any other. from is
// the response it is read from; both are nil when none sends one. known is
// false when they send different values.
func (g *Graph) CORSOrigin(api *API) (origin hcl.Expression, from *Node, known bool) {
	for _, preflight := range []bool{true, false} {
		var text string
		for _, m := range api.Members {
			if m.Type != IntegrationResponse || g.NeverExists(m) {
				continue
			}
			if method, _ := verbOf(g, m); (method == "OPTIONS") != preflight {
				continue
			}
			value, ok := g.parameter(m, methodAllowOrigin)
			if !ok || value == nil {
				continue
			}
			if t := g.Text(value); origin != nil && t != text {
				return nil, nil, false
			}
			origin, from, text = value, m, g.Text(value)
		}
		if origin != nil {
			return origin, from, true
		}
	}
	return nil, nil, true
}

// parameter returns the expression a resource's response_parameters give a
// key (matched without regard to case, as header names are); the
// expression is nil when the map is only known as a value.
func (g *Graph) parameter(n *Node, key string) (hcl.Expression, bool) {
	params := n.Attr("response_parameters")
	if !g.IsSet(params) {
		return nil, false
	}
	entries, ok := g.objectEntries(params.Expr)
	if !ok {
		return nil, false
	}
	return lookupFold(entries, key)
}

func lookupFold(entries map[string]hcl.Expression, key string) (hcl.Expression, bool) {
	for k, v := range entries {
		if strings.EqualFold(k, key) {
			return v, true
		}
	}
	return nil, false
}

// objectEntries reads a map: from an object literal (HCL or JSON) its keys
// and value expressions, else the keys of the value the host evaluates
// (with nil expressions). ok is false when a key is not known.
func (g *Graph) objectEntries(expr hcl.Expression) (map[string]hcl.Expression, bool) {
	if keys, ok := g.objectKeys(expr); ok {
		pairs, _ := hcl.ExprMap(expr)
		out := make(map[string]hcl.Expression, len(keys))
		for i, k := range keys {
			out[k] = pairs[i].Value
		}
		return out, true
	}
	v, known := g.eval.value(expr)
	if !known || v.IsNull() || !(v.Type().IsObjectType() || v.Type().IsMapType()) {
		return nil, false
	}
	out := map[string]hcl.Expression{}
	for it := v.ElementIterator(); it.Next(); {
		k, _ := it.Element()
		if k.Type() != cty.String {
			return nil, false
		}
		out[k.AsString()] = nil
	}
	return out, true
}
