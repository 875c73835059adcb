package apigw

// IntegrationView is what a REST method or an HTTP/WebSocket route calls:
// its type, its target URI, the verb it calls the target with and the role
// API Gateway assumes.
type IntegrationView struct{ view }

func asIntegration(v view) IntegrationView { return IntegrationView{v} }

// Integrations returns the module's REST and HTTP/WebSocket integrations,
// REST first, each in file order.
func (g *Graph) Integrations() []IntegrationView {
	return append(views(g, g.byType[Integration], asIntegration), views(g, g.byType[V2Integration], asIntegration)...)
}

// IntegrationOf returns the view of an integration resource; false for any
// other resource.
func (g *Graph) IntegrationOf(n *Node) (IntegrationView, bool) {
	return viewOf(g, n, asIntegration, Integration, V2Integration)
}

// Type is the integration type (type, integration_type): AWS, AWS_PROXY,
// HTTP, HTTP_PROXY, MOCK.
func (i IntegrationView) Type() Setting { return i.v1v2("type", "integration_type") }

// TypeIs reports whether the configuration proves the type is one of types.
func (i IntegrationView) TypeIs(types ...string) bool {
	typ, known := i.Type().String()
	for _, t := range types {
		if known && typ == t {
			return true
		}
	}
	return false
}

// Subtype is an HTTP API's integration_subtype (an AWS service action).
func (i IntegrationView) Subtype() Setting {
	return i.v1v2("integration_subtype", "integration_subtype")
}

// URI is the target (uri, integration_uri).
func (i IntegrationView) URI() Setting { return i.v1v2("uri", "integration_uri") }

// Credentials is the role API Gateway assumes (credentials, credentials_arn).
func (i IntegrationView) Credentials() Setting { return i.v1v2("credentials", "credentials_arn") }

// IntegrationHTTPMethod is the verb the integration calls its target with.
func (i IntegrationView) IntegrationHTTPMethod() Setting {
	return i.setting("integration_http_method")
}

// HTTPMethod is a REST integration's http_method: the method it serves.
func (i IntegrationView) HTTPMethod() Setting { return i.setting("http_method") }

// Verb returns the verb of the REST method the integration serves; its
// http_method may reference the method's.
func (i IntegrationView) Verb() (string, bool) {
	if i.body != nil {
		return i.body.op.HTTPMethod(), true
	}
	return verbOf(i.g, i.n)
}

// Method returns the method whose http_method the integration's references.
func (i IntegrationView) Method() (MethodView, bool) {
	if i.body != nil {
		if i.Version() != 1 {
			return MethodView{}, false
		}
		b := *i.body
		b.kind = Method
		return asMethod(bodyView(i.API(), &b, b.op.Pos, b.op.Pointer())), true
	}
	m := i.HTTPMethod().Target()
	if m == nil || m.Type != Method {
		return MethodView{}, false
	}
	return asMethod(newView(i.g, m)), true
}

// ResourceID is a REST integration's resource_id setting.
func (i IntegrationView) ResourceID() Setting { return i.setting("resource_id") }

// Service returns the AWS service an AWS integration calls ("lambda",
// "sqs"...), when the URI fixes it.
func (i IntegrationView) Service() (string, bool) {
	if i.body != nil {
		return i.g.serviceOf(i.URI().Expr())
	}
	return i.g.IntegrationService(i.n)
}

// verbOf returns the http_method of a REST method or integration; an
// integration's may reference its method's.
func verbOf(g *Graph, n *Node) (string, bool) {
	attr := n.Attr("http_method")
	if attr == nil {
		return "", false
	}
	if m := g.Resolve(attr.Expr); m != nil && m.Type == Method && m != n {
		return g.String(m.Attr("http_method"))
	}
	return g.String(attr)
}
