package apigw

import "github.com/apigw403/tflint-ruleset-apigw403/rules/ref"

// AuthorizerView is a REST or HTTP/WebSocket authorizer: its type, the Lambda
// it calls, how long API Gateway caches its answer, and its role.
type AuthorizerView struct {
	Source
	n *Node
	g *Graph
}

func authorizer(g *Graph, n *Node) AuthorizerView {
	return AuthorizerView{Source: n.Source(), n: n, g: g}
}

// Authorizers returns the module's REST and HTTP/WebSocket authorizers,
// REST first, each in file order.
func (g *Graph) Authorizers() []AuthorizerView {
	return append(mapNodes(g, g.byType[Authorizer], authorizer), mapNodes(g, g.byType[V2Authorizer], authorizer)...)
}

// authorizerAt returns the authorizer an authorizer_id references.
func authorizerAt(g *Graph, id Setting) (AuthorizerView, bool) {
	target := id.Target()
	if target == nil || (target.Type != Authorizer && target.Type != V2Authorizer) {
		return AuthorizerView{}, false
	}
	return authorizer(g, target), true
}

// Version is 1 for a REST authorizer, 2 for an HTTP/WebSocket one.
func (a AuthorizerView) Version() int { return versionOf(a.n.Type) }

// API is the API the authorizer belongs to; nil when its id is not set.
func (a AuthorizerView) API() *API { return a.n.API }

// Type is the authorizer type (type, authorizer_type): TOKEN, REQUEST,
// COGNITO_USER_POOLS, JWT.
func (a AuthorizerView) Type() Setting {
	if a.Version() == 2 {
		return setting(a.g, a.Source, a.n, "authorizer_type")
	}
	return setting(a.g, a.Source, a.n, "type")
}

// URI is the authorizer_uri: the Lambda function it invokes.
func (a AuthorizerView) URI() Setting { return setting(a.g, a.Source, a.n, "authorizer_uri") }

// TTL is authorizer_result_ttl_in_seconds.
func (a AuthorizerView) TTL() Setting {
	return setting(a.g, a.Source, a.n, "authorizer_result_ttl_in_seconds")
}

// Credentials is the role API Gateway invokes the Lambda with
// (authorizer_credentials, authorizer_credentials_arn).
func (a AuthorizerView) Credentials() Setting {
	if a.Version() == 2 {
		return setting(a.g, a.Source, a.n, "authorizer_credentials_arn")
	}
	return setting(a.g, a.Source, a.n, "authorizer_credentials")
}

// SimpleResponses is an HTTP API authorizer's enable_simple_responses.
func (a AuthorizerView) SimpleResponses() Setting {
	return setting(a.g, a.Source, a.n, "enable_simple_responses")
}

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
func (a AuthorizerView) CachedPolicy() (PolicyCache, bool) {
	ttl := a.TTL()
	switch a.n.Type {
	case Authorizer:
		typ := "TOKEN"
		if a.Type().IsSet() {
			var known bool
			if typ, known = a.Type().String(); !known {
				return PolicyCache{}, false
			}
		}
		if typ != "TOKEN" && typ != "REQUEST" {
			return PolicyCache{}, false
		}
		if !ttl.IsSet() {
			return PolicyCache{Seconds: defaultAuthorizerTTL, Default: true}, true
		}
	case V2Authorizer:
		if typ, _ := a.Type().String(); typ != "REQUEST" {
			return PolicyCache{}, false
		}
		if a.API() == nil || a.API().Protocol() != "HTTP" {
			return PolicyCache{}, false
		}
		if simple, known := a.SimpleResponses().BoolOr(false); simple || !known {
			return PolicyCache{}, false
		}
	default:
		return PolicyCache{}, false
	}
	seconds, known := ttl.Int()
	if !known || seconds <= 0 {
		return PolicyCache{}, false
	}
	return PolicyCache{Seconds: seconds}, true
}

// Users counts the methods (REST) or routes (HTTP/WebSocket) of
// the authorizer's API whose authorizer_id references it; a resource with
// count or for_each counts as several. known is false
// when the count cannot be proven: the API is not declared here or has an
// OpenAPI body, or some method's authorizer_id cannot be followed.
func (a AuthorizerView) Users() (n int, known bool) {
	g, auth, api := a.g, a.n, a.n.API
	if !api.Declared() || api.Body().IsSet() {
		return 0, false
	}
	users := api.membersOfType(Method)
	if auth.Type == V2Authorizer {
		users = api.membersOfType(V2Route)
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
