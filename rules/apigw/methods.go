package apigw

// MethodView is a REST API method: the verb on a resource, how callers are
// admitted, and whether they need an API key.
type MethodView struct {
	Source
	n *Node
	g *Graph
}

func method(g *Graph, n *Node) MethodView { return MethodView{Source: n.Source(), n: n, g: g} }

// Methods returns the module's REST methods, in file order.
func (g *Graph) Methods() []MethodView { return mapNodes(g, g.byType[Method], method) }

// Methods returns the REST methods of the API, in file order.
func (api *API) Methods() []MethodView { return mapNodes(api.g, api.membersOfType(Method), method) }

// API is the API the method belongs to; nil when rest_api_id is not set.
func (m MethodView) API() *API { return m.n.API }

// HTTPMethod is the http_method setting.
func (m MethodView) HTTPMethod() Setting { return setting(m.g, m.Source, m.n, "http_method") }

// Verb returns the HTTP verb when the configuration proves it.
func (m MethodView) Verb() (string, bool) { return m.HTTPMethod().String() }

// ResourceID is the resource_id setting: the resource the method is on.
func (m MethodView) ResourceID() Setting { return setting(m.g, m.Source, m.n, "resource_id") }

// Authorization is how the method admits callers.
func (m MethodView) Authorization() Authorization {
	return authorization(m.g, m.Source, m.n, "authorization", 1)
}

// KeyRequired is the api_key_required setting.
func (m MethodView) KeyRequired() Setting { return setting(m.g, m.Source, m.n, "api_key_required") }

// RequiresKey reports whether the configuration proves that the method
// requires an API key.
func (m MethodView) RequiresKey() bool {
	required, known := m.KeyRequired().BoolOr(false)
	return required && known
}

// AuthorizerID is the authorizer_id setting.
func (m MethodView) AuthorizerID() Setting { return setting(m.g, m.Source, m.n, "authorizer_id") }

// Authorizer returns the authorizer the method's authorizer_id references,
// or false when it references none of the module's authorizers.
func (m MethodView) Authorizer() (AuthorizerView, bool) { return authorizerAt(m.g, m.AuthorizerID()) }

// mapNodes makes a view of each node.
func mapNodes[T any](g *Graph, nodes []*Node, view func(*Graph, *Node) T) []T {
	out := make([]T, 0, len(nodes))
	for _, n := range nodes {
		out = append(out, view(g, n))
	}
	return out
}
