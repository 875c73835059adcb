package apigw

// MethodView is a REST API method: the verb on a resource, how callers are
// admitted, and whether they need an API key.
type MethodView struct{ view }

func asMethod(v view) MethodView { return MethodView{v} }

// Methods returns the module's REST methods, in file order.
func (g *Graph) Methods() []MethodView { return views(g, g.byType[Method], asMethod) }

// Methods returns the REST methods of the API, in file order.
func (api *API) Methods() []MethodView { return views(api.g, api.membersOfType(Method), asMethod) }

// HTTPMethod is the http_method setting.
func (m MethodView) HTTPMethod() Setting { return m.setting("http_method") }

// Verb returns the HTTP verb when the configuration proves it.
func (m MethodView) Verb() (string, bool) { return m.HTTPMethod().String() }

// ResourceID is the resource_id setting: the resource the method is on.
func (m MethodView) ResourceID() Setting { return m.setting("resource_id") }

// Authorization is how the method admits callers.
func (m MethodView) Authorization() Authorization { return newAuthorization(m.view, "authorization") }

// KeyRequired is the api_key_required setting.
func (m MethodView) KeyRequired() Setting { return m.setting("api_key_required") }

// RequiresKey reports whether the configuration proves that the method
// requires an API key.
func (m MethodView) RequiresKey() bool {
	required, known := m.KeyRequired().BoolOr(false)
	return required && known
}

// AuthorizerID is the authorizer_id setting.
func (m MethodView) AuthorizerID() Setting { return m.setting("authorizer_id") }

// Authorizer returns the authorizer the method's authorizer_id references,
// or false when it references none of the module's authorizers.
func (m MethodView) Authorizer() (AuthorizerView, bool) { return authorizerAt(m.g, m.AuthorizerID()) }
