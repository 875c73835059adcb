package apigw

import (
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/openapi"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/policy"
)

// TemplateFile is the template provider's data source, whose rendered
// attribute some configurations use as a body.
const TemplateFile = "template_file"

// bodySchemas are what the model reads to follow a body to its spec.
var bodySchemas = map[string]*hclext.BodySchema{
	"data." + TemplateFile: schema([]string{"template", "vars"}),
}

// Spec returns the view of the API's OpenAPI body, read once per graph; nil
// when the API has no body. A body the reader cannot read (var.X, a broken
// file) is a Spec whose Known is false.
func (api *API) Spec() *openapi.Spec {
	if api == nil || api.Node == nil || api.External {
		return nil
	}
	g := api.g
	g.bodyViewsMu.Lock()
	s, ok := g.apiSpecs[api]
	g.bodyViewsMu.Unlock()
	if ok {
		return s
	}
	if body := api.Body(); body.IsSet() {
		s = g.specOf(body.Expr())
	}
	g.bodyViewsMu.Lock()
	if g.apiSpecs == nil {
		g.apiSpecs = map[*API]*openapi.Spec{}
	}
	g.apiSpecs[api] = s
	g.bodyViewsMu.Unlock()
	return s
}

// specOf reads a body expression, once per content: APIs sharing one local
// or one file share one parse. A body written in place (an object, a
// heredoc, templatefile's variables) is keyed by where it is written too,
// as its positions are the edits a fix makes.
func (g *Graph) specOf(expr hcl.Expression) *openapi.Spec {
	key := g.sourceText(expr.Range())
	if key == "" || strings.ContainsAny(key, "{<") {
		key = expr.Range().String() + key
	}
	cache := g.specs.get(func() map[string]*openapi.Spec { return map[string]*openapi.Spec{} })
	if s, ok := cache[key]; ok {
		return s
	}
	r := openapi.Reader{Files: g.Sources(), Expand: g.expandLocal, Rendered: g.renderedTemplate}
	s := openapi.Read(r.Body(expr))
	cache[key] = s
	return s
}

// expandLocal is the expression of local.NAME.
func (g *Graph) expandLocal(t hcl.Traversal) hcl.Expression {
	if t.RootName() != "local" || len(t) != 2 {
		return nil
	}
	attr, ok := t[1].(hcl.TraverseAttr)
	if !ok {
		return nil
	}
	return g.locals()[attr.Name]
}

// renderedTemplate reads data.template_file.NAME.rendered: its template and
// vars arguments.
func (g *Graph) renderedTemplate(t hcl.Traversal) (template, vars hcl.Expression, ok bool) {
	ref, isRef := ParseRef(t)
	if !isRef || !ref.Data || ref.Type != TemplateFile || ref.Attr != "rendered" {
		return nil, nil, false
	}
	n := g.byAddr[ref.Address()]
	if n == nil || !n.Source().Single() || n.Attr("template") == nil {
		return nil, nil, false
	}
	return n.Attr("template").Expr, exprOf(n.Attr("vars")), true
}

// RenderedBody reports whether the API's body is a data "template_file"'s
// rendered text, directly or through a local: a string, never null.
func (api *API) RenderedBody() bool {
	if api.Node == nil || api.External {
		return false
	}
	body := api.Body()
	return body.IsSet() && api.g.bodyIsRendered(body.Expr(), 0)
}

func (g *Graph) bodyIsRendered(expr hcl.Expression, depth int) bool {
	e, ok := expr.(*hclsyntax.ScopeTraversalExpr)
	if !ok || depth > maxDepth {
		return false
	}
	if _, _, ok := g.renderedTemplate(e.Traversal); ok {
		return true
	}
	if x := g.expandLocal(e.Traversal); x != nil {
		return g.bodyIsRendered(x, depth+1)
	}
	return false
}

// bodyPart is the part of an OpenAPI body a view is read from: an operation
// (a method, its integration, a route) or a security scheme (an authorizer).
type bodyPart struct {
	// where names the part in the spec: "openapi.yaml:30, paths./items.put".
	where  string
	kind   string
	spec   *openapi.Spec
	op     *openapi.Operation
	scheme *openapi.Scheme
}

// bodyView makes the view of a part of the API's body. Its Source names
// the spec's file, line and operation, and points at the exact expression
// inside an HCL body, else at the body argument; no block is there to edit.
func bodyView(api *API, part *bodyPart, at openapi.Pos, where string) view {
	src := api.Node.Source()
	src.block, src.src = nil, nil
	src.Range = api.Body().Range()
	if at.Editable() {
		src.Range = at.Range
	}
	if p := at.String(); p != "" {
		where = p + ", " + where
	}
	part.where = where
	src.Location = where + " (the body of " + api.Node.Address() + ")"
	return view{Source: src, n: api.Node, g: api.g, body: part}
}

// FromBody reports whether the view is read from an OpenAPI body.
func (v view) FromBody() bool { return v.body != nil }

// bodyViews lists the views of each operation of the API's body, made once
// per graph: every rule asks for them.
func bodyViews[T any](api *API, kind string, wrap func(view) T) []T {
	vs := api.g.bodyViewsOf(api, kind)
	out := make([]T, len(vs))
	for i, v := range vs {
		out[i] = wrap(v)
	}
	return out
}

type bodyViewKey struct {
	api  *API
	kind string
}

func (g *Graph) bodyViewsOf(api *API, kind string) []view {
	g.bodyViewsMu.Lock()
	vs, ok := g.bodyViewCache[bodyViewKey{api, kind}]
	g.bodyViewsMu.Unlock()
	if ok {
		return vs
	}
	// Built without the lock: the spec it reads takes it too.
	vs = makeBodyViews(api, kind)
	g.bodyViewsMu.Lock()
	defer g.bodyViewsMu.Unlock()
	if g.bodyViewCache == nil {
		g.bodyViewCache = map[bodyViewKey][]view{}
	}
	g.bodyViewCache[bodyViewKey{api, kind}] = vs
	return vs
}

func makeBodyViews(api *API, kind string) []view {
	spec := api.Spec()
	if spec == nil || !spec.Known {
		return nil
	}
	var out []view
	for _, op := range spec.Operations {
		at := op.Pos
		if kind == Integration || kind == V2Integration {
			if !op.Integration.Set {
				continue
			}
			if op.Integration.Pos.Editable() {
				at = op.Integration.Pos
			}
		}
		out = append(out, bodyView(api, &bodyPart{kind: kind, spec: spec, op: op}, at, op.Pointer()))
	}
	return out
}

// BodyMethods returns the methods of a REST API's body, in the order written.
func (api *API) BodyMethods() []MethodView {
	if api.Version != 1 {
		return nil
	}
	return bodyViews(api, Method, asMethod)
}

// BodyRoutes returns the routes of an HTTP API's body, in the order written.
func (api *API) BodyRoutes() []RouteView {
	if api.Version != 2 {
		return nil
	}
	return bodyViews(api, V2Route, asRoute)
}

// BodyIntegrations returns the integrations of the API's body.
func (api *API) BodyIntegrations() []IntegrationView {
	kind := Integration
	if api.Version == 2 {
		kind = V2Integration
	}
	return bodyViews(api, kind, asIntegration)
}

// BodyAuthorizers returns the authorizers of the API's body: the security
// schemes with an x-amazon-apigateway-authorizer.
func (api *API) BodyAuthorizers() []AuthorizerView {
	spec := api.Spec()
	if spec == nil || !spec.Known {
		return nil
	}
	kind := Authorizer
	if api.Version == 2 {
		kind = V2Authorizer
	}
	var out []AuthorizerView
	for _, sc := range spec.Schemes {
		if !sc.Authorizer.Set || !sc.Authorizer.Known {
			continue
		}
		at := sc.Pos
		if sc.Authorizer.Pos.Editable() {
			at = sc.Authorizer.Pos
		}
		where := "components.securitySchemes." + sc.Name
		if v, _ := spec.Version.Text(); strings.HasPrefix(v, "2") {
			where = "securityDefinitions." + sc.Name
		}
		out = append(out, asAuthorizer(bodyView(api, &bodyPart{kind: kind, spec: spec, scheme: sc}, at, where)))
	}
	return out
}

// BodyIntegrations returns the integrations of every API body of the module.
func (g *Graph) BodyIntegrations() []IntegrationView {
	var out []IntegrationView
	for _, api := range g.apis {
		out = append(out, api.BodyIntegrations()...)
	}
	return out
}

// BodyAuthorizers returns the authorizers of every API body of the module.
func (g *Graph) BodyAuthorizers() []AuthorizerView {
	var out []AuthorizerView
	for _, api := range g.apis {
		out = append(out, api.BodyAuthorizers()...)
	}
	return out
}

// Operation is the body operation a method, integration or route view is
// read from; nil for a view read from a resource.
func (v view) Operation() *openapi.Operation {
	if v.body == nil {
		return nil
	}
	return v.body.op
}

// Scheme is the security scheme an authorizer view is read from.
func (v view) Scheme() *openapi.Scheme {
	if v.body == nil {
		return nil
	}
	return v.body.scheme
}

// Spec is the body a view is read from; nil for a view read from a resource.
func (v view) Spec() *openapi.Spec {
	if v.body == nil {
		return nil
	}
	return v.body.spec
}

// bodySetting answers a view's argument from the spec, under the name the
// resource spells it, so that rules ask bodies what they ask resources.
func (v view) bodySetting(name string) Setting {
	b := v.body
	s := Setting{Name: name, g: v.g, at: v.Source, inBody: true}
	field, upper := openapi.Field{}, false
	switch {
	case b.op != nil && (b.kind == Integration || b.kind == V2Integration):
		in := b.op.Integration
		switch name {
		case "type", "integration_type":
			field, upper = in.Type, true
		case "uri", "integration_uri":
			field = in.URI
		case "credentials", "credentials_arn":
			field = in.Credentials
		case "integration_http_method":
			field, upper = in.HTTPMethod, true
		case "http_method":
			field = literalField(b.op.HTTPMethod(), b.op.Pos)
		}
	case b.op != nil:
		switch name {
		case "http_method":
			field = literalField(b.op.HTTPMethod(), b.op.Pos)
		case "route_key":
			field = literalField(b.op.RouteKey(), b.op.Pos)
		case "authorization", "authorization_type":
			field = v.bodyAuthorization()
		case "api_key_required":
			field = v.bodyKeyRequired()
		}
	case b.scheme != nil:
		az := b.scheme.Authorizer
		switch name {
		case "type", "authorizer_type":
			field, upper = az.Type, true
		case "authorizer_uri":
			field = az.URI
		case "authorizer_result_ttl_in_seconds":
			field = az.ResultTTL
		case "authorizer_credentials", "authorizer_credentials_arn":
			field = az.Credentials
		case "enable_simple_responses":
			field = az.EnableSimpleResponses
		}
	}
	s.field, s.upper = field, upper
	if spelled, ok := specNames[name]; ok {
		s.Name = spelled
	}
	return s
}

// specNames spell the resources' arguments as a spec writes them, for messages.
var specNames = map[string]string{
	"type": "type", "integration_type": "type", "uri": "uri", "integration_uri": "uri",
	"credentials": "credentials", "credentials_arn": "credentials",
	"integration_http_method": "httpMethod", "authorization": "security",
	"authorization_type": "security", "api_key_required": "security",
	"authorizer_uri": "authorizerUri", "authorizer_type": "type",
	"authorizer_result_ttl_in_seconds": "authorizerResultTtlInSeconds",
	"authorizer_credentials":           "authorizerCredentials", "authorizer_credentials_arn": "authorizerCredentials",
	"enable_simple_responses": "enableSimpleResponses",
}

func literalField(text string, pos openapi.Pos) openapi.Field {
	return openapi.Field{Str: partial.Lit(text), Set: true, Pos: openapi.Pos{File: pos.File, Line: pos.Line, Column: pos.Column}}
}

func unknownField(pos openapi.Pos) openapi.Field {
	return openapi.Field{Str: partial.Unknown(""), Set: true, Pos: openapi.Pos{File: pos.File, Line: pos.Line, Column: pos.Column}}
}

// schemeKind is the authorization a scheme stands for: CUSTOM, COGNITO_USER_POOLS,
// AWS_IAM, JWT, "key" for a plain API key, "" when the spec does not show it.
func schemeKind(spec *openapi.Spec, name string) string {
	sc, known := spec.Scheme(name)
	if sc == nil {
		if known {
			return "missing"
		}
		return ""
	}
	authType, _ := sc.AuthType.Text()
	typ, _ := sc.Type.Text()
	azType, _ := sc.Authorizer.Type.Text()
	switch {
	case strings.EqualFold(authType, "awsSigv4"):
		return "AWS_IAM"
	case strings.EqualFold(authType, "cognito_user_pools") || strings.EqualFold(azType, "cognito_user_pools"):
		return "COGNITO_USER_POOLS"
	case strings.EqualFold(azType, "jwt"):
		return "JWT"
	case sc.Authorizer.Set:
		if !sc.Authorizer.Type.Set || strings.EqualFold(azType, "token") || strings.EqualFold(azType, "request") {
			return "CUSTOM"
		}
		return ""
	case typ == "apiKey" && !sc.AuthType.Set:
		return "key"
	}
	return ""
}

// opSecurity returns the operation's own security; ok is false when it
// cannot be relied on: unreadable, or only the root level's (which API
// Gateway has been reported to ignore on import).
func (v view) opSecurity() (openapi.Security, bool) {
	op, spec := v.body.op, v.body.spec
	if !op.Security.Set {
		if spec.Security.Set {
			return openapi.Security{}, false
		}
		return openapi.Security{Set: true, Known: true}, true
	}
	return op.Security, op.Security.Known
}

// bodyAuthorization is the authorization an operation's security makes:
// NONE without schemes (API keys aside), the one kind of authorizer its
// schemes name, else unknown.
func (v view) bodyAuthorization() openapi.Field {
	op := v.body.op
	sec, ok := v.opSecurity()
	if !ok {
		return unknownField(op.Pos)
	}
	kind := ""
	for _, name := range sec.Names() {
		k := schemeKind(v.body.spec, name)
		switch {
		case k == "key":
			continue
		case k == "" || k == "missing" || (kind != "" && kind != k):
			return unknownField(op.Pos)
		}
		kind = k
	}
	if kind == "" {
		kind = "NONE"
	}
	f := literalField(kind, op.Pos)
	if sec.Node != nil {
		f.Pos, f.Node = sec.Pos, sec.Node
	}
	return f
}

// bodyKeyRequired is true when a requirement of the operation's security
// names a plain API key scheme.
func (v view) bodyKeyRequired() openapi.Field {
	op := v.body.op
	sec, ok := v.opSecurity()
	if !ok {
		return unknownField(op.Pos)
	}
	at := func(f openapi.Field) openapi.Field {
		if sec.Node != nil {
			f.Pos, f.Node = sec.Pos, sec.Node
		}
		return f
	}
	for _, name := range sec.Names() {
		switch schemeKind(v.body.spec, name) {
		case "key":
			return at(literalField("true", op.Pos))
		case "", "missing":
			return unknownField(op.Pos)
		}
	}
	return at(literalField("false", op.Pos))
}

// UndefinedSchemes returns the scheme names an operation's own security
// uses that the spec surely does not define.
func (v view) UndefinedSchemes() []openapi.SchemeUse {
	if v.body == nil || v.body.op == nil || !v.body.op.Security.Set {
		return nil
	}
	var out []openapi.SchemeUse
	for _, r := range v.body.op.Security.Requirements {
		for _, u := range r.Schemes {
			if sc, known := v.body.spec.Scheme(u.Name); sc == nil && known {
				out = append(out, u)
			}
		}
	}
	return out
}

// fieldExpr makes an HCL expression of a spec value, so that the readers
// of HCL values (a Lambda target, a service, a qualifier) read it: a value
// that is one bound expression is that expression; text with holes is a
// template of literals and the holes' expressions (an unknown value for a
// hole with none). nil when the value is not set.
func fieldExpr(f openapi.Field, rng hcl.Range) hcl.Expression {
	if !f.Set {
		return nil
	}
	parts := f.Str.Parts
	if len(parts) == 1 && parts[0].Hole {
		if x, ok := parts[0].Expr.(hclsyntax.Expression); ok {
			return x
		}
	}
	t := &hclsyntax.TemplateExpr{SrcRange: rng}
	for _, p := range parts {
		switch x, ok := p.Expr.(hclsyntax.Expression); {
		case !p.Hole:
			t.Parts = append(t.Parts, &hclsyntax.LiteralValueExpr{Val: cty.StringVal(p.Lit), SrcRange: rng})
		case ok:
			t.Parts = append(t.Parts, x)
		default:
			t.Parts = append(t.Parts, &hclsyntax.LiteralValueExpr{Val: cty.UnknownVal(cty.String), SrcRange: rng})
		}
	}
	if len(t.Parts) == 0 {
		return &hclsyntax.LiteralValueExpr{Val: cty.StringVal(""), SrcRange: rng}
	}
	return t
}

// inTFJSON reports whether a range is in a .tf.json file, where no fix edits.
func inTFJSON(rng hcl.Range) bool { return terraform.IsJSONFilename(rng.Filename) }

// kind is the resource type the view stands for: its node's, or the body
// part's (aws_api_gateway_authorizer for a REST security scheme).
func (v view) kind() string {
	if v.body != nil {
		return v.body.kind
	}
	return v.n.Type
}

// bodyUsers counts the operations whose own security names the scheme;
// known is false when some operation's security cannot be read, or only
// the root level's applies.
func (a AuthorizerView) bodyUsers() (n int, known bool) {
	spec, name := a.body.spec, a.body.scheme.Name
	if !spec.OperationsKnown {
		return 0, false
	}
	for _, op := range spec.Operations {
		if !op.Security.Set {
			if spec.Security.Set {
				return 0, false
			}
			continue
		}
		if !op.Security.Known {
			return 0, false
		}
		for _, used := range op.Security.Names() {
			if used == name {
				n++
				break
			}
		}
	}
	return n, true
}

// addBodyUses adds the integrations and authorizers of the APIs' bodies
// that invoke a Lambda function.
func (l *Lambdas) addBodyUses() {
	for _, api := range l.g.apis {
		for _, in := range api.BodyIntegrations() {
			l.addBodyUse(in.view, in.URI(), "uri")
		}
		for _, az := range api.BodyAuthorizers() {
			l.addBodyUse(az.view, az.URI(), "authorizerUri")
		}
	}
}

func (l *Lambdas) addBodyUse(v view, uri Setting, name string) {
	expr := uri.Expr()
	if expr == nil {
		return
	}
	if t := l.Target(expr); t.Lambda {
		attr := &hclext.Attribute{Name: name, Expr: expr, Range: uri.Range()}
		l.Uses = append(l.Uses, &LambdaUse{Node: v.n, URI: attr, Target: t, view: v})
	}
}

// specPath reads a spec's path ("/items/{id}") as resource path segments.
func specPath(p string) []PathSegment {
	var out []PathSegment
	for _, seg := range strings.Split(strings.Trim(p, "/"), "/") {
		if seg != "" {
			out = append(out, PathSegment{Text: seg, Known: true})
		}
	}
	return out
}

// Version is 1 for a REST API's use, 2 for an HTTP/WebSocket API's.
func (u *LambdaUse) Version() int { return u.view.Version() }

// FromBody reports whether the use is read from an OpenAPI body.
func (u *LambdaUse) FromBody() bool { return u.view.FromBody() }

// CanEditRef reports whether a fix may edit the reference the URI is (its
// Target.Ref): in the resource's block, or, for a body, where the reference
// is written (an HCL body, a template variable's binding), never in JSON.
func (u *LambdaUse) CanEditRef() bool {
	if u.Target.Ref == nil {
		return false
	}
	if u.view.FromBody() {
		return !inTFJSON(u.Target.Ref.SrcRange)
	}
	return u.view.CanEdit()
}

// KeySource is where a REST API reads API keys from (HEADER or
// AUTHORIZER): its api_key_source, else its body's
// x-amazon-apigateway-api-key-source (the argument wins, as the provider
// applies it after the import), else HEADER. known is false when the
// configuration does not fix it.
func (api *API) KeySource() (source string, known bool) {
	if arg := api.setting("api_key_source"); arg.IsSet() {
		s, ok := arg.String()
		return strings.ToUpper(s), ok
	}
	if spec := api.Spec(); spec != nil {
		if !spec.Known {
			return "", false
		}
		if f := spec.APIKeySource; f.Set {
			s, ok := api.g.resolved(f.Str).Known()
			return strings.ToUpper(s), ok
		}
	}
	return "HEADER", true
}

// BodyRoutes returns the routes of every HTTP API body of the module.
func (g *Graph) BodyRoutes() []RouteView {
	var out []RouteView
	for _, api := range g.apis {
		out = append(out, api.BodyRoutes()...)
	}
	return out
}

// BodyMethods returns the methods of every REST API body of the module.
func (g *Graph) BodyMethods() []MethodView {
	var out []MethodView
	for _, api := range g.apis {
		out = append(out, api.BodyMethods()...)
	}
	return out
}

// RootlessBodyProxy returns a method of a REST API's body on a top-level
// greedy path (/{proxy+}) when the body proves that / has no method: the
// paths are all known, and no resource of the module adds methods.
func (api *API) RootlessBodyProxy() (MethodView, bool) {
	spec := api.Spec()
	if api.Version != 1 || spec == nil || !spec.Known || !spec.OperationsKnown || len(api.membersOfType(Method)) > 0 {
		return MethodView{}, false
	}
	var proxy *openapi.Operation
	for _, op := range spec.Operations {
		switch {
		case op.Path == "/":
			return MethodView{}, false
		case proxy == nil && isTopProxy(op.Path):
			proxy = op
		}
	}
	if proxy == nil {
		return MethodView{}, false
	}
	return asMethod(bodyView(api, &bodyPart{kind: Method, spec: spec, op: proxy}, proxy.Pos, proxy.Pointer())), true
}

// isTopProxy reports whether a spec path is a greedy parameter under the root.
func isTopProxy(p string) bool {
	return strings.HasPrefix(p, "/{") && strings.HasSuffix(p, "+}") && strings.Count(p, "/") == 1
}

// bodyField is a setting read from a root-level field of the API's body.
func (api *API) bodyField(f openapi.Field, name string) Setting {
	at := api.Node.Source()
	at.block, at.src = nil, nil
	at.Range = api.Body().Range()
	return Setting{Name: name, g: api.g, at: at, inBody: true, field: f}
}

// ExecuteAPIDisabled is the setting that disables the API's execute-api
// endpoint: disable_execute_api_endpoint, else the body's
// x-amazon-apigateway-endpoint-configuration.disableExecuteApiEndpoint
// (the argument wins). disabled is true when the configuration proves it.
func (api *API) ExecuteAPIDisabled() (s Setting, disabled bool) {
	if api.Node == nil {
		return Setting{}, false
	}
	if arg := api.setting("disable_execute_api_endpoint"); arg.IsSet() {
		d, known := arg.BoolOr(false)
		return arg, d && known
	}
	spec := api.Spec()
	if spec == nil || !spec.Known || !spec.Endpoint.Set {
		return Setting{}, false
	}
	s = api.bodyField(spec.Endpoint.DisableExecuteAPIEndpoint, "disableExecuteApiEndpoint")
	d, known := s.BoolOr(false)
	return s, d && known
}

// bodyServesCORS reports whether the API's body answers preflights: it has
// an options operation.
func (api *API) bodyServesCORS() bool {
	spec := api.Spec()
	if spec == nil || !spec.Known {
		return false
	}
	for _, op := range spec.Operations {
		if op.Method == "options" {
			return true
		}
	}
	return false
}

// withBodyResponses adds the gateway responses of the API's body to the
// resources'; known is false when the body's cannot all be read.
func (api *API) withBodyResponses(out []GatewayResponseInfo) ([]GatewayResponseInfo, bool) {
	spec := api.Spec()
	if spec == nil {
		return out, true
	}
	if !spec.Known || !spec.GatewayResponsesKnown {
		return nil, false
	}
	for _, r := range spec.GatewayResponses {
		if !r.ParametersKnown {
			return nil, false
		}
		allows := false
		for _, p := range r.Parameters {
			allows = allows || strings.EqualFold(p.Name, gatewayAllowOrigin)
		}
		status, _ := r.StatusCode.Str.Known()
		out = append(out, GatewayResponseInfo{Node: api.Node, Type: r.Type, StatusCode: status, AllowsOrigin: allows, FromBody: true})
	}
	return out, true
}

// specPolicy reads x-amazon-apigateway-policy from the API's body through
// the spec reader (YAML, files, templates); where is its position when it
// is in a spec file.
func (api *API) specPolicy() (p *policy.Policy, present policy.Tri, where string) {
	spec := api.Spec()
	switch {
	case spec == nil:
		return nil, policy.No, ""
	case !spec.Known:
		return policy.Unknown(), policy.Maybe, ""
	case spec.Policy == nil:
		return nil, policy.No, ""
	}
	n := spec.Policy
	if !n.Pos.Editable() {
		where = n.Pos.String()
	}
	switch n.Kind {
	case openapi.KindUnknown:
		return policy.Unknown(), policy.Maybe, where
	case openapi.KindString:
		// The extension may hold the policy as a JSON string.
		return policy.ParseJSONTemplate(n.Str), policy.Yes, where
	}
	return policy.FromTree(policyValue(n, 0)), policy.Yes, where
}

// policyValue converts a spec node to the policy reader's tree.
func policyValue(n *openapi.Node, depth int) policy.Value {
	if n == nil || depth > maxDepth {
		return policy.UnknownValue("", hcl.Range{})
	}
	switch n.Kind {
	case openapi.KindMap:
		if n.Partial {
			return policy.UnknownValue("", n.Pos.Range)
		}
		v := policy.Value{Kind: policy.KindObject, Object: map[string]policy.Value{}, Range: n.Pos.Range}
		for _, e := range n.Entries {
			v.Object[e.Key] = policyValue(e.Value, depth+1)
		}
		return v
	case openapi.KindList:
		v := policy.Value{Kind: policy.KindList, Range: n.Pos.Range}
		for _, it := range n.Items {
			v.List = append(v.List, policyValue(it, depth+1))
		}
		return v
	case openapi.KindString, openapi.KindNumber, openapi.KindBool:
		s := n.Str
		if s.Range.Filename == "" {
			s.Range = n.Pos.Range
		}
		return policy.Value{Kind: policy.KindString, Str: s, Range: n.Pos.Range}
	case openapi.KindNull:
		return policy.Value{Kind: policy.KindNull}
	}
	ref := ""
	if len(n.Str.Parts) == 1 {
		ref = n.Str.Parts[0].Ref
	}
	return policy.UnknownValue(ref, n.Pos.Range)
}

// functionARN matches a Lambda function ARN, with or without a qualifier.
var functionARN = regexp.MustCompile(`^arn:aws[a-z-]*:lambda:[^:]+:[0-9]{12}:function:[^/]+$`)

// BareFunctionURI is a REST body's uri or authorizerUri written as a
// function ARN: text the module fixes, not a reference (those are Lambda
// uses, whose Target tells).
type BareFunctionURI struct {
	URI Setting
	// Location names the operation or scheme, as its view's Source does.
	Location string
	ARN      string
}

// BareFunctionURIs returns the uris of REST bodies that are function ARNs.
func (g *Graph) BareFunctionURIs() []BareFunctionURI {
	var out []BareFunctionURI
	add := func(v view, uri Setting) {
		if v.Version() != 1 || singleTraversal(uri.field.Str) != nil {
			return
		}
		if text, ok := uri.String(); ok && functionARN.MatchString(text) {
			out = append(out, BareFunctionURI{URI: uri, Location: v.Location, ARN: text})
		}
	}
	for _, api := range g.apis {
		for _, in := range api.BodyIntegrations() {
			add(in.view, in.URI())
		}
		for _, az := range api.BodyAuthorizers() {
			add(az.view, az.URI())
		}
	}
	return out
}

// Where names the use inside its API: the resource's address, or the spec's
// file, line and operation without the API.
func (u *LambdaUse) Where() string {
	if u.view.body != nil {
		return u.view.body.where
	}
	return u.Address()
}
