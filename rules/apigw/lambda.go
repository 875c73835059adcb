package apigw

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// LambdaTarget is what an integration's or authorizer's URI invokes.
type LambdaTarget struct {
	// Lambda is true when the URI is proven to invoke a Lambda function.
	Lambda bool
	// Function is the function resource of this module the URI invokes;
	// nil when the function is another configuration's (a data source, a
	// module output, a variable, a literal ARN of an unmanaged function).
	Function *Node
	// Alias is the alias invoked, when the URI goes through one.
	Alias *Node
	// QualifierUnknown: the URI invokes a version or alias the model cannot name.
	QualifierUnknown bool
	// Ref is set when the URI is a single reference, bare or as "${...}",
	// to a function or alias (resource or data source); Attr is its attribute.
	Ref  *hcl.TraverseAttr
	Attr string
}

// Bare reports whether the URI is a function's or alias's ARN itself
// (.arn), not an invoke ARN: the mistake REST integrations fail on.
func (t LambdaTarget) Bare() bool { return t.Ref != nil && t.Attr == "arn" }

// lambdaPath marks an API Gateway invoke ARN of a Lambda function:
// arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function arn>/invocations.
const lambdaPath = ":lambda:path/"

// Lambdas is the Lambda side of a module: who invokes which function, and
// the permissions that let API Gateway do it. Build it once per Check.
type Lambdas struct {
	g      *Graph
	byName map[string]*Node
	// byText names functions by their function_name expression as written
	// (var.name, "${var.prefix}-orders"): a permission with the same
	// expression names the same function. nil marks text two functions share.
	byText map[string]*Node
	// Uses are the integrations and authorizers that invoke a Lambda function, in file order.
	Uses []*LambdaUse
	// Permissions are the module's aws_lambda_permission resources.
	Permissions []*Permission

	// execPrefixes memoises each API's "execution ARN/" subject prefix.
	execPrefixes memo[*API, ARN]
}

// LambdaUse is one integration or authorizer that invokes a Lambda function.
// A use read from an OpenAPI body has its API's node as Node, and URI is
// the spec's uri or authorizerUri as an expression (see Setting.Expr).
type LambdaUse struct {
	Node   *Node
	URI    *hclext.Attribute
	Target LambdaTarget
	// view is the integration or authorizer the use is; its body part is
	// set for a use read from an OpenAPI body.
	view view
}

// Authorizer reports whether the use is an authorizer.
func (u *LambdaUse) Authorizer() bool {
	k := u.view.kind()
	return k == Authorizer || k == V2Authorizer
}

// Address names the use in messages: the resource's address, or the
// spec's file, line and operation.
func (u *LambdaUse) Address() string { return u.view.Location }

// Source is where the use is written.
func (u *LambdaUse) Source() Source { return u.view.Source }

// Integration is the integration the use is; false for an authorizer.
func (u *LambdaUse) Integration() (IntegrationView, bool) {
	if u.Authorizer() {
		return IntegrationView{}, false
	}
	return IntegrationView{u.view}, true
}

// URISetting is the setting the use's URI is read from.
func (u *LambdaUse) URISetting() Setting {
	if u.Authorizer() {
		return AuthorizerView{u.view}.URI()
	}
	return IntegrationView{u.view}.URI()
}

// Lambdas reads the module's Lambda functions, their callers and permissions.
func (g *Graph) Lambdas() *Lambdas {
	return g.lambdas.get(g.buildLambdas)
}

func (g *Graph) buildLambdas() *Lambdas {
	l := &Lambdas{g: g, byName: map[string]*Node{}, byText: map[string]*Node{}}
	for _, fn := range g.byType[LambdaFunction] {
		attr := fn.Attr("function_name")
		switch {
		case attr == nil:
		case len(variables(attr.Expr)) == 0:
			// Literal names are read; a name built from variables would
			// cost a host evaluation per function.
			if name, ok := g.String(attr); ok {
				l.byName[name] = fn
			}
		case len(RefsIn(attr.Expr)) == 0 && !UsesInstanceKey(attr.Expr):
			key := g.exprKey(attr.Expr)
			if _, shared := l.byText[key]; shared {
				l.byText[key] = nil
			} else {
				l.byText[key] = fn
			}
		}
	}
	for _, kind := range []string{Integration, Authorizer, V2Integration, V2Authorizer} {
		attr := map[string]string{Integration: "uri", Authorizer: "authorizer_uri", V2Integration: "integration_uri", V2Authorizer: "authorizer_uri"}[kind]
		for _, n := range g.byType[kind] {
			uri := n.Attr(attr)
			if uri == nil {
				continue
			}
			if t := l.Target(uri.Expr); t.Lambda && !g.NeverExists(n) {
				l.Uses = append(l.Uses, &LambdaUse{Node: n, URI: uri, Target: t, view: newView(g, n)})
			}
		}
	}
	l.addBodyUses()
	for _, n := range g.byType[LambdaPermission] {
		if !g.NeverExists(n) { // count = 0 grants nothing
			l.Permissions = append(l.Permissions, l.readPermission(n))
		}
	}
	return l
}

// Target reads an integration or authorizer URI.
func (l *Lambdas) Target(expr hcl.Expression) LambdaTarget {
	s, ok := l.g.template(expr)
	if !ok {
		return LambdaTarget{}
	}
	if trav := singleTraversal(s); trav != nil {
		return l.referenced(trav)
	}
	uri, holes := l.g.resolved(s).Marked()
	var refs []hcl.Traversal
	for _, p := range holes {
		if trav := holeTraversal(p); trav != nil {
			refs = append(refs, trav)
		} else if len(variables(p.Expr)) > 0 {
			refs = append(refs, variables(p.Expr)...)
		}
	}
	if !strings.Contains(uri, lambdaPath) {
		return LambdaTarget{}
	}
	t := LambdaTarget{Lambda: true}
	var found *LambdaTarget
	for _, trav := range refs {
		ref, ok := ParseRef(trav)
		if !ok || (ref.Type != LambdaFunction && ref.Type != LambdaAlias) {
			continue
		}
		got := l.referenced(trav)
		if found != nil && (found.Function != got.Function || found.Alias != got.Alias) {
			return t // two functions in one URI: not ours to guess
		}
		found = &got
	}
	if found != nil {
		t.Function, t.Alias, t.QualifierUnknown = found.Function, found.Alias, found.QualifierUnknown
		if t.Alias == nil {
			// ${aws_lambda_function.f.arn}:live/invocations calls a qualifier.
			q, known := l.uriQualifier(expr)
			t.QualifierUnknown = t.QualifierUnknown || !known || (q != "" && q != "$LATEST")
		}
		return t
	}
	if len(holes) > 0 {
		return t
	}
	// A literal function ARN: ours when its name is a function's literal name.
	at := strings.Index(uri, ":function:")
	end := strings.LastIndex(uri, "/invocations")
	if at < 0 || end < at {
		return t
	}
	name, qualifier, qualified := strings.Cut(uri[at+len(":function:"):end], ":")
	t.Function = l.byName[name]
	t.QualifierUnknown = qualified && qualifier != "$LATEST"
	return t
}

// referenced reads a URI that is a single reference.
func (l *Lambdas) referenced(trav hcl.Traversal) LambdaTarget {
	ref, ok := ParseRef(trav)
	if !ok || (ref.Type != LambdaFunction && ref.Type != LambdaAlias) {
		return LambdaTarget{}
	}
	t := LambdaTarget{Lambda: true, Attr: ref.Attr}
	for i := len(trav) - 1; i > 0; i-- {
		if a, ok := trav[i].(hcl.TraverseAttr); ok {
			t.Ref = &a
			break
		}
	}
	switch ref.Attr {
	case "invoke_arn", "arn":
	case "qualified_invoke_arn", "qualified_arn":
		t.QualifierUnknown = true
	default:
		return LambdaTarget{}
	}
	if ref.Data {
		return t
	}
	n := l.g.byAddr[ref.Address()]
	if n == nil {
		return t
	}
	if n.Type == LambdaAlias {
		t.Alias = n
		t.Function, _ = l.functionNamed(exprOf(n.Attr("function_name")))
		if t.Function == nil {
			t.Alias = nil
		}
		return t
	}
	t.Function = n
	return t
}

// functionNamed resolves a function_name argument: a reference to a
// function (its function_name, arn or id), a literal name or ARN equal to
// a function's literal name. known is false when the expression may name
// any function; fn is nil when it names one that is not in the module.
func (l *Lambdas) functionNamed(expr hcl.Expression) (fn *Node, known bool) {
	if expr == nil {
		return nil, false
	}
	refs := RefsIn(expr)
	if len(refs) > 0 {
		n := l.g.Resolve(expr)
		if n == nil || n.Type != LambdaFunction || len(refs) != 1 {
			return nil, false
		}
		attr := refs[0].Attr
		if s, ok := l.g.template(expr); ok {
			// fn[each.key].function_name: Variables() stops at the index.
			if r, ok := ParseRef(singleTraversal(s)); ok {
				attr = r.Attr
			}
		}
		switch attr {
		case "function_name", "arn", "id":
			return n, true
		}
		return nil, false
	}
	if fn, found := l.byText[l.g.exprKey(expr)]; found && fn != nil && !UsesInstanceKey(expr) {
		return fn, true // the same var.X as the function's
	}
	name, ok := l.g.String(&hclext.Attribute{Expr: expr})
	if !ok {
		return nil, false
	}
	name, _ = splitFunctionName(name)
	return l.byName[name], true
}

// splitFunctionName reads a literal function name, name:qualifier, or
// function ARN (arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]).
func splitFunctionName(s string) (name, qualifier string) {
	if strings.HasPrefix(s, "arn:") {
		fields := strings.Split(s, ":")
		if len(fields) >= 7 {
			name = fields[6]
		}
		if len(fields) >= 8 {
			qualifier = fields[7]
		}
		return name, qualifier
	}
	name, qualifier, _ = strings.Cut(s, ":")
	return name, qualifier
}

// Permission is an aws_lambda_permission as the rules read it.
type Permission struct {
	Node *Node
	// Function is the function it names; FunctionKnown is false when it
	// may name any function (a variable, a data source, each.value).
	Function      *Node
	FunctionKnown bool
	// Alias is the alias it names, through its function_name or qualifier.
	Alias *Node
	// Qualifier is a literal qualifier; QualifierKnown is false when it is
	// not fixed by the module.
	Qualifier      string
	QualifierKnown bool
	// Grants is true unless the principal or action proves the permission
	// is not API Gateway's to invoke the function.
	Grants bool

	// source is its source_arn read as a pattern, once: every call of
	// every stage is matched against it.
	source lazy[sourceRule]
}

// sourceRule is a permission's source_arn: limited is false when it has
// none (or none the module can tell), then it covers every call.
type sourceRule struct {
	pattern ARN
	limited bool
}

func (l *Lambdas) readPermission(n *Node) *Permission {
	g := l.g
	p := &Permission{Node: n, QualifierKnown: true}
	fnExpr := exprOf(n.Attr("function_name"))
	if a := g.Resolve(fnExpr); a != nil && a.Type == LambdaAlias && len(RefsIn(fnExpr)) == 1 {
		p.Function, p.FunctionKnown = l.functionNamed(exprOf(a.Attr("function_name")))
		if RefsIn(fnExpr)[0].Attr == "arn" {
			p.Alias = a
		} else if RefsIn(fnExpr)[0].Attr != "function_name" {
			p.FunctionKnown = false
		}
	} else {
		p.Function, p.FunctionKnown = l.functionNamed(fnExpr)
		if len(RefsIn(fnExpr)) == 0 {
			if name, ok := g.String(n.Attr("function_name")); ok {
				_, p.Qualifier = splitFunctionName(name)
			}
		}
		if len(RefsIn(fnExpr)) == 1 && RefsIn(fnExpr)[0].Attr == "qualified_arn" {
			p.QualifierKnown = false
		}
	}
	if q := n.Attr("qualifier"); g.IsSet(q) {
		if a := g.Resolve(q.Expr); a != nil && a.Type == LambdaAlias && RefsIn(q.Expr)[0].Attr == "name" {
			p.Alias = a
		} else if s, ok := g.String(q); ok {
			p.Qualifier = s
		} else {
			p.QualifierKnown = false
		}
	}
	p.Grants = true
	if principal, ok := g.String(n.Attr("principal")); ok && principal != "apigateway.amazonaws.com" {
		p.Grants = false
	}
	if action, ok := g.String(n.Attr("action")); ok && action != "lambda:InvokeFunction" && action != "lambda:*" && action != "*" {
		p.Grants = false
	}
	return p
}

// Serves reports whether the permission may be the one API Gateway needs
// to invoke the target: it names the same function and qualifier, or the
// model cannot tell.
func (l *Lambdas) Serves(p *Permission, t LambdaTarget) bool {
	if !p.FunctionKnown {
		return true
	}
	if p.Function != t.Function {
		return false
	}
	if !p.QualifierKnown || t.QualifierUnknown {
		return true
	}
	if t.Alias == nil {
		return p.Alias == nil && (p.Qualifier == "" || p.Qualifier == "$LATEST")
	}
	if p.Alias != nil {
		return p.Alias == t.Alias
	}
	if p.Qualifier == "" {
		return false
	}
	name, ok := l.g.String(t.Alias.Attr("name"))
	return !ok || name == p.Qualifier
}

// Call is one way API Gateway invokes a function: a REST method's
// integration, or an authorizer.
type Call struct {
	API *API
	// Method is the HTTP method, "" when not known; Path its resource path.
	Method string
	Path   []PathSegment
	// Authorizer: the call is an authorizer's, <api>/authorizers/<id>.
	Authorizer bool
}

// Label names the call in messages: "GET /items/{id}", "authorizer".
func (c Call) Label() string {
	if c.Authorizer {
		return "the authorizer"
	}
	m := c.Method
	if m == "" {
		m = "…"
	}
	return m + " " + PathText(c.Path)
}

// CallOf returns the call a REST (v1) use makes; ok is false for HTTP and
// WebSocket APIs, whose calls the model does not spell out.
func (l *Lambdas) CallOf(u *LambdaUse) (Call, bool) {
	g := l.g
	api := u.Node.API
	if api == nil || api.Version != 1 {
		return Call{}, false
	}
	if u.Authorizer() {
		return Call{API: api, Authorizer: true}, true
	}
	if op := u.view.Operation(); op != nil {
		return Call{API: api, Method: op.HTTPMethod(), Path: specPath(op.Path)}, true
	}
	c := Call{API: api, Path: g.pathOf(exprOf(u.Node.Attr("resource_id")))}
	c.Method, _ = verbOf(g, u.Node)
	return c, true
}

// Covers reports whether a source_arn pattern may match every ARN API
// Gateway presents for the call, on every stage of the API. AWS writes a
// path parameter as the concrete path and an ANY method as the concrete
// verb, but the pattern is given the benefit of the doubt: `{id}` and
// `ANY` written literally also cover.
func (l *Lambdas) Covers(pattern ARN, c Call) bool {
	for _, stage := range l.stagesOf(c) {
		if !l.coversOn(pattern, c, stage) {
			return false
		}
	}
	return true
}

// stagesOf lists the stages a call is made on: the API's stage names, or
// one unknown stage.
func (l *Lambdas) stagesOf(c Call) []*string {
	names, known := l.g.StageNames(c.API)
	if !known {
		return []*string{nil}
	}
	out := make([]*string, len(names))
	for i := range names {
		out[i] = &names[i]
	}
	return out
}

// coversOn is Covers on one stage; nil is a stage the model does not know.
func (l *Lambdas) coversOn(pattern ARN, c Call, stage *string) bool {
	return l.callSubjects(c, stage).matchedBy(pattern)
}

// subjects are the ARNs API Gateway may present for a call on one stage;
// open is true when the call's path is not known, so any pattern may cover
// it.
type subjects struct {
	arns []ARN
	open bool
}

func (s subjects) matchedBy(pattern ARN) bool {
	if s.open {
		return true
	}
	for _, a := range s.arns {
		if pattern.Matches(a) {
			return true
		}
	}
	return false
}

// callSubjects builds the subjects of a call on a stage once, so that each
// permission of the function is matched against the same ones.
func (l *Lambdas) callSubjects(c Call, stage *string) subjects {
	for _, s := range c.Path {
		if s.Open {
			return subjects{open: true} // the path is not known: nothing is proven
		}
	}
	prefix := l.execPrefixes.get(c.API, func() ARN { return ARN{}.ExecutionARN(c.API).Text("/") })
	if c.Authorizer {
		return subjects{arns: []ARN{join(prefix, ARN{}.Text("authorizers/").Some())}}
	}
	stageText := ARN{}.Some()
	if stage != nil {
		stageText = ARN{}.Text(*stage)
	}
	stageText = stageText.Text("/")
	var methods []ARN
	switch c.Method {
	case "":
		methods = []ARN{ARN{}.Some()}
	case "ANY":
		methods = []ARN{ARN{}.Text("ANY"), ARN{}.Every()}
	default:
		methods = []ARN{ARN{}.Text(c.Method)}
	}
	paths := []ARN{pathARN(c.Path, false), pathARN(c.Path, true)}
	out := subjects{arns: make([]ARN, 0, len(methods)*len(paths))}
	for _, m := range methods {
		for _, p := range paths {
			out.arns = append(out.arns, join(prefix, stageText, m, p))
		}
	}
	return out
}

// join concatenates ARNs into one new ARN, allocated once.
func join(parts ...ARN) ARN {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	out := make(ARN, 0, n)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// pathARN renders a path as a subject, "/" for the root. concrete writes
// path parameters as the values callers send: any value at all.
func pathARN(path []PathSegment, concrete bool) ARN {
	a := ARN{}
	if len(path) == 0 {
		return a.Text("/")
	}
	for _, s := range path {
		a = a.Text("/")
		switch {
		case !s.Known:
			a = a.Some()
		case concrete && s.IsParam():
			a = a.Every()
		default:
			a = a.Text(s.Text)
		}
	}
	return a
}

// FunctionLabel names what the use invokes in messages: the alias or
// function resource, else "a Lambda function".
func (u *LambdaUse) FunctionLabel() string {
	switch {
	case u.Target.Alias != nil:
		return u.Target.Alias.Address()
	case u.Target.Function != nil:
		return u.Target.Function.Address()
	}
	return "a Lambda function"
}
