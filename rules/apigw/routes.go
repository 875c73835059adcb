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
