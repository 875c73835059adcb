package apigw

import (
	"math/big"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/ref"
)

// defaultAuthorizerTTL is what the AWS provider sets on an
// aws_api_gateway_authorizer that leaves authorizer_result_ttl_in_seconds
// out: results are cached for five minutes.
const defaultAuthorizerTTL = 300

// PolicyCache says how long a Lambda authorizer's policy is cached.
type PolicyCache struct {
	Seconds int64
	// Default is true when the TTL is not written and the provider's default applies.
	Default bool
}

// CachedPolicy reports whether the configuration proves that a Lambda
// authorizer returns IAM policies that API Gateway caches: a REST TOKEN or
// REQUEST authorizer (TOKEN when type is unset) whose TTL is unset or above
// zero, or an HTTP API REQUEST authorizer without simple responses whose TTL
// is set above zero (the default of HTTP APIs is not proven here).
func (g *Graph) CachedPolicy(auth *Node) (PolicyCache, bool) {
	ttl := auth.Attr("authorizer_result_ttl_in_seconds")
	switch auth.Type {
	case Authorizer:
		typ := "TOKEN"
		if g.IsSet(auth.Attr("type")) {
			var known bool
			if typ, known = g.String(auth.Attr("type")); !known {
				return PolicyCache{}, false
			}
		}
		if typ != "TOKEN" && typ != "REQUEST" {
			return PolicyCache{}, false
		}
		if !g.IsSet(ttl) {
			return PolicyCache{Seconds: defaultAuthorizerTTL, Default: true}, true
		}
	case V2Authorizer:
		if typ, _ := g.String(auth.Attr("authorizer_type")); typ != "REQUEST" {
			return PolicyCache{}, false
		}
		if auth.API == nil || g.Protocol(auth.API) != "HTTP" {
			return PolicyCache{}, false
		}
		if simple, known := g.BoolOr(auth.Attr("enable_simple_responses"), false); simple || !known {
			return PolicyCache{}, false
		}
	default:
		return PolicyCache{}, false
	}
	seconds, known := g.Int(ttl)
	if !known || seconds <= 0 {
		return PolicyCache{}, false
	}
	return PolicyCache{Seconds: seconds}, true
}

// Int returns a whole-number attribute when the configuration proves it.
func (g *Graph) Int(attr *hclext.Attribute) (int64, bool) {
	v, ok := g.Value(attr)
	if !ok || v.IsNull() {
		return 0, false
	}
	if v.Type() == cty.String {
		// Terraform converts "300" to a number for a number argument.
		f, _, err := big.ParseFloat(strings.TrimSpace(v.AsString()), 10, 64, big.ToNearestEven)
		if err != nil {
			return 0, false
		}
		v = cty.NumberVal(f)
	}
	if v.Type() != cty.Number {
		return 0, false
	}
	n, acc := v.AsBigFloat().Int64()
	if acc != big.Exact {
		return 0, false
	}
	return n, true
}

// AuthorizerUsers counts the methods (REST) or routes (HTTP/WebSocket) of
// the authorizer's API whose authorizer_id references it; a resource with
// count or for_each counts as several. known is false
// when the count cannot be proven: the API is not declared here or has an
// OpenAPI body, or some method's authorizer_id cannot be followed.
func (g *Graph) AuthorizerUsers(auth *Node) (n int, known bool) {
	api := auth.API
	if !api.Declared() || g.IsSet(api.Node.Attr("body")) {
		return 0, false
	}
	users := g.Methods(api)
	if auth.Type == V2Authorizer {
		users = g.Routes(api)
	}
	known = true
	for _, u := range users {
		id := u.Attr("authorizer_id")
		if !g.IsSet(id) {
			continue
		}
		switch target := g.Resolve(id.Expr); {
		case target == auth && u.Expansion != ref.Single:
			n += 2 // count or for_each: several methods
		case target == auth:
			n++
		case target == nil || (target.Type != Authorizer && target.Type != V2Authorizer):
			known = false
		}
	}
	return n, known
}

// AuthorizerOf returns the authorizer a method's or route's authorizer_id
// references, or nil when it references none of the module's authorizers.
func (g *Graph) AuthorizerOf(n *Node) *Node {
	id := n.Attr("authorizer_id")
	if id == nil {
		return nil
	}
	target := g.Resolve(id.Expr)
	if target == nil || (target.Type != Authorizer && target.Type != V2Authorizer) {
		return nil
	}
	return target
}

// HandlesPreflights reports whether API Gateway answers an HTTP API's CORS
// preflights itself (cors_configuration), or may (a dynamic
// cors_configuration, an OpenAPI body that may configure CORS, or an API
// not declared here).
func (g *Graph) HandlesPreflights(api *API) bool {
	if !api.Declared() {
		return true
	}
	n := api.Node
	return len(n.Blocks("cors_configuration")) > 0 || hasDynamic(n.Block.Body, "cors_configuration") || g.IsSet(n.Attr("body"))
}
