package apigw

import "strings"

// RouteView is an HTTP or WebSocket API route: its route key and how
// callers are admitted.
type RouteView struct{ view }

func asRoute(v view) RouteView { return RouteView{v} }

// Routes returns the module's HTTP/WebSocket routes, in file order.
func (g *Graph) Routes() []RouteView { return views(g, g.byType[V2Route], asRoute) }

// Routes returns the HTTP/WebSocket routes of the API, in file order.
func (api *API) Routes() []RouteView { return views(api.g, api.membersOfType(V2Route), asRoute) }

// RouteKey is the route_key setting: "GET /items", "$default", "$connect".
func (r RouteView) RouteKey() Setting { return r.setting("route_key") }

// Verb returns the HTTP verb of an HTTP route key ("GET /items"), when the
// configuration proves it.
func (r RouteView) Verb() (string, bool) {
	key, known := r.RouteKey().String()
	verb, _, found := strings.Cut(key, " ")
	return verb, known && found
}

// Authorization is how the route admits callers.
func (r RouteView) Authorization() Authorization {
	return newAuthorization(r.view, "authorization_type")
}

// AuthorizerID is the authorizer_id setting.
func (r RouteView) AuthorizerID() Setting { return r.setting("authorizer_id") }

// Authorizer returns the authorizer the route's authorizer_id references,
// or false when it references none of the module's authorizers.
func (r RouteView) Authorizer() (AuthorizerView, bool) { return authorizerAt(r.g, r.AuthorizerID()) }

// APIID is the api_id setting.
func (r RouteView) APIID() Setting { return r.setting("api_id") }

// Target is the target setting: "integrations/<integration id>".
func (r RouteView) Target() Setting { return r.setting("target") }

// Integration returns the integration the route's target references.
func (r RouteView) Integration() (IntegrationView, bool) {
	n := r.Target().Target()
	if n == nil {
		return IntegrationView{}, false
	}
	return r.g.IntegrationOf(n)
}

// defaultPreflightKey is the OPTIONS route AWS documents for an HTTP API
// whose $default route has an authorizer: it takes priority over $default
// for every path but the root.
const defaultPreflightKey = "OPTIONS /{proxy+}"

// PreflightKey returns, for an HTTP API route that is not an OPTIONS route
// but matches OPTIONS requests, the route key of the OPTIONS route that
// would take them instead: "OPTIONS <path>" for "ANY <path>", and
// "OPTIONS /{proxy+}" for "$default". ok is false for any other route, or
// when the route key or the protocol is not known.
func (r RouteView) PreflightKey() (key string, ok bool) {
	if r.API() == nil || r.API().Protocol() != "HTTP" {
		return "", false
	}
	routeKey, known := r.RouteKey().String()
	if !known {
		return "", false
	}
	if routeKey == "$default" {
		return defaultPreflightKey, true
	}
	if path, found := strings.CutPrefix(routeKey, "ANY "); found && strings.HasPrefix(path, "/") {
		return "OPTIONS " + path, true
	}
	return "", false
}

// ReceivesPreflights reports whether the configuration proves that the
// route receives the CORS preflights of its paths although its API has a
// cors_configuration: the route matches OPTIONS (PreflightKey) and no route
// of the API may take those requests first. API Gateway answers preflights
// itself only when no route matches them, and an ANY route only gets the
// methods its path has no route for. A route that may take them first is
// an OPTIONS route on the same path or on a greedy path above it
// (OPTIONS /{proxy+} for every path); for $default, also ANY /{proxy+}.
// False when the API is not declared here, has no cors_configuration
// block, has an OpenAPI body that may hold routes, or has a route whose key
// is not known.
func (r RouteView) ReceivesPreflights() bool {
	api := r.API()
	if _, ok := r.PreflightKey(); !ok || !api.Declared() || len(api.Node.Blocks("cors_configuration")) == 0 || api.Body().IsSet() {
		return false
	}
	routeKey, _ := r.RouteKey().String()
	path := strings.TrimPrefix(routeKey, "ANY ")
	for _, other := range api.Routes() {
		key, known := other.RouteKey().String()
		if !known {
			return false
		}
		verb, otherPath, _ := strings.Cut(key, " ")
		if routeKey == "$default" && (verb == "OPTIONS" || verb == "ANY") && greedyPrefix(otherPath) == "/" {
			return false
		}
		if routeKey != "$default" && verb == "OPTIONS" && (otherPath == path || under(path, otherPath)) {
			return false
		}
	}
	return true
}

// greedyPrefix is what a path with a greedy variable matches below:
// "/v1/" for "/v1/{proxy+}"; "" when the path has none.
func greedyPrefix(path string) string {
	i := strings.LastIndex(path, "/{")
	if i < 0 || !strings.HasSuffix(path, "+}") {
		return ""
	}
	return path[:i+1]
}

// under reports whether a greedy path matches the requests of path.
func under(path, greedy string) bool {
	prefix := greedyPrefix(greedy)
	return prefix != "" && strings.HasPrefix(path, prefix)
}
