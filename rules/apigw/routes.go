package apigw

import "strings"

// RouteView is an HTTP or WebSocket API route: its route key and how callers
// are admitted.
type RouteView struct {
	Source
	n *Node
	g *Graph
}

func route(g *Graph, n *Node) RouteView { return RouteView{Source: n.Source(), n: n, g: g} }

// Routes returns the module's HTTP/WebSocket routes, in file order.
func (g *Graph) Routes() []RouteView { return mapNodes(g, g.byType[V2Route], route) }

// Routes returns the HTTP/WebSocket routes of the API, in file order.
func (api *API) Routes() []RouteView { return mapNodes(api.g, api.membersOfType(V2Route), route) }

// API is the API the route belongs to; nil when api_id is not set.
func (r RouteView) API() *API { return r.n.API }

// RouteKey is the route_key setting: "GET /items", "$default", "$connect".
func (r RouteView) RouteKey() Setting { return setting(r.g, r.Source, r.n, "route_key") }

// Verb returns the HTTP verb of an HTTP route key ("GET /items"), when the
// configuration proves it.
func (r RouteView) Verb() (string, bool) {
	key, known := r.RouteKey().String()
	verb, _, found := strings.Cut(key, " ")
	return verb, known && found
}

// Authorization is how the route admits callers.
func (r RouteView) Authorization() Authorization {
	return authorization(r.g, r.Source, r.n, "authorization_type", 2)
}

// AuthorizerID is the authorizer_id setting.
func (r RouteView) AuthorizerID() Setting { return setting(r.g, r.Source, r.n, "authorizer_id") }

// Authorizer returns the authorizer the route's authorizer_id references,
// or false when it references none of the module's authorizers.
func (r RouteView) Authorizer() (AuthorizerView, bool) { return authorizerAt(r.g, r.AuthorizerID()) }
