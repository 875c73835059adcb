package apigw

import "github.com/apigw403/tflint-ruleset-apigw403/rules/ref"

// AuthorizerView is a REST or HTTP/WebSocket authorizer: its type, the
// Lambda it calls, how long API Gateway caches its answer, and its role.
type AuthorizerView struct{ view }

func asAuthorizer(v view) AuthorizerView { return AuthorizerView{v} }

// Authorizers returns the module's REST and HTTP/WebSocket authorizers,
// REST first, each in file order.
func (g *Graph) Authorizers() []AuthorizerView {
	return append(views(g, g.byType[Authorizer], asAuthorizer), views(g, g.byType[V2Authorizer], asAuthorizer)...)
}

// authorizerAt returns the authorizer an authorizer_id references.
func authorizerAt(g *Graph, id Setting) (AuthorizerView, bool) {
	target := id.Target()
	if target == nil {
		return AuthorizerView{}, false
	}
	return viewOf(g, target, asAuthorizer, Authorizer, V2Authorizer)
}

// Type is the authorizer type (type, authorizer_type): TOKEN, REQUEST,
// COGNITO_USER_POOLS, JWT.
func (a AuthorizerView) Type() Setting { return a.v1v2("type", "authorizer_type") }

// URI is the authorizer_uri: the Lambda function it invokes.
func (a AuthorizerView) URI() Setting { return a.setting("authorizer_uri") }

// TTL is authorizer_result_ttl_in_seconds.
func (a AuthorizerView) TTL() Setting { return a.setting("authorizer_result_ttl_in_seconds") }

// Credentials is the role API Gateway invokes the Lambda with
// (authorizer_credentials, authorizer_credentials_arn).
func (a AuthorizerView) Credentials() Setting {
	return a.v1v2("authorizer_credentials", "authorizer_credentials_arn")
}

// SimpleResponses is an HTTP API authorizer's enable_simple_responses.
func (a AuthorizerView) SimpleResponses() Setting { return a.setting("enable_simple_responses") }

// JWT returns the jwt_configuration of an HTTP API authorizer whose
// authorizer_type is proven to be JWT; ok is false otherwise, or when the
// block is dynamic or repeated.
func (a AuthorizerView) JWT() (JWTSettings, bool) {
	if a.n.Type != V2Authorizer {
		return JWTSettings{}, false
	}
	if typ, known := a.Type().String(); !known || typ != "JWT" {
		return JWTSettings{}, false
	}
	blocks := a.n.Blocks("jwt_configuration")
	if len(blocks) != 1 || hasDynamic(a.n.Block.Body, "jwt_configuration") {
		return JWTSettings{}, false
	}
	attrs := blocks[0].Body.Attributes
	return JWTSettings{Audience: attrs["audience"], Issuer: attrs["issuer"]}, true
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
	switch a.kind() {
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
	if a.body != nil {
		return a.bodyUsers()
	}
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
