package apigw

import (
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

// Qualifier is the version or alias of a function that a call or a
// permission names. The zero value is the unqualified function ($LATEST).
type Qualifier struct {
	// Alias is an alias resource of the module.
	Alias *Node
	// Name is a literal qualifier: an alias name or a version number.
	Name string
	// Published is the function's latest published version
	// (qualified_invoke_arn of a function with publish = true, or .version).
	Published bool
}

// Unqualified reports whether the qualifier names the function itself.
func (q Qualifier) Unqualified() bool {
	return q.Alias == nil && !q.Published && (q.Name == "" || q.Name == "$LATEST")
}

// Label names the qualifier in messages.
func (q Qualifier) Label() string {
	switch {
	case q.Alias != nil:
		return "alias " + q.Alias.Address()
	case q.Published:
		return "its published version"
	case q.Unqualified():
		return "the unqualified function"
	}
	return `qualifier "` + q.Name + `"`
}

// QualifiedCall is one version or alias of a module function that an
// integration or authorizer invokes.
type QualifiedCall struct {
	Use       *LambdaUse
	Function  *Node
	Qualifier Qualifier
	// Stage is the stage whose variable sets the qualifier, when a stage
	// variable does (...:function:NAME:${stageVariables.V}/invocations).
	Stage *Node
}

// stageVariable matches a qualifier that is a stage variable.
var stageVariable = regexp.MustCompile(`^\$\{stageVariables\.([A-Za-z0-9_]+)\}$`)

// QualifiedCalls returns what a use invokes, one call per qualifier: one
// call, or one per stage whose variables set the qualifier. ok is false
// when the function or its qualifier is not known; stages whose variables
// are unknown are left out.
func (l *Lambdas) QualifiedCalls(u *LambdaUse) (calls []QualifiedCall, ok bool) {
	t := u.Target
	if t.Function == nil || t.Function.Data || u.Node.API == nil || u.Node.API.External || l.withRole(u) {
		return nil, false
	}
	call := QualifiedCall{Use: u, Function: t.Function}
	switch {
	case t.Alias != nil && !t.QualifierUnknown:
		call.Qualifier.Alias = t.Alias
		return []QualifiedCall{call}, true
	case t.Ref != nil && (t.Attr == "qualified_invoke_arn" || t.Attr == "qualified_arn"):
		if publish, known := l.g.BoolOr(t.Function.Attr("publish"), false); !publish || !known {
			return nil, false // $LATEST, or not known to be a version
		}
		call.Qualifier.Published = true
		return []QualifiedCall{call}, true
	case t.Ref != nil:
		return []QualifiedCall{call}, true
	}
	q, known := l.uriQualifier(u.URI.Expr)
	if !known {
		return nil, false
	}
	m := stageVariable.FindStringSubmatch(q)
	if m == nil {
		call.Qualifier.Name = q
		return []QualifiedCall{call}, true
	}
	for _, stage := range u.Node.API.Stages {
		value, known := l.g.stageVariable(stage, m[1])
		if !known {
			continue
		}
		c := call
		c.Stage, c.Qualifier.Name = stage, value
		calls = append(calls, c)
	}
	return calls, true
}

// uriQualifier reads the qualifier of a templated invoke URI: the text
// between the function's ARN or name and /invocations, without the colon;
// "" for none. known is false when it is not literal text.
func (l *Lambdas) uriQualifier(expr hcl.Expression) (string, bool) {
	str, ok := l.g.template(expr)
	if !ok {
		return "", false
	}
	var tail strings.Builder
	anchored := false
	for _, p := range str.Parts {
		if trav := holeTraversal(p); trav != nil {
			if ref, isRef := ParseRef(trav); isRef && ref.Type == LambdaFunction && (ref.Attr == "arn" || ref.Attr == "function_name") {
				anchored = true
				tail.Reset()
				continue
			}
		}
		text, known := l.g.partText(p)
		if !known {
			text = partial.Marker(0) // a part the model does not know
		}
		tail.WriteString(text)
	}
	s := tail.String()
	if !anchored {
		at := strings.LastIndex(s, ":function:")
		if at < 0 {
			return "", false
		}
		s = s[at+len(":function:"):]
		if i := strings.IndexAny(s, ":/"); i >= 0 {
			s = s[i:]
		}
	}
	rest, found := strings.CutSuffix(s, "/invocations")
	if !found || partial.HasMarker(rest) || strings.Contains(rest, "/") {
		return "", false
	}
	if rest == "" {
		return "", true
	}
	if !strings.HasPrefix(rest, ":") {
		return "", false
	}
	return rest[1:], true
}

// stageVariable returns the value a stage gives a stage variable.
func (g *Graph) stageVariable(stage *Node, name string) (string, bool) {
	attr := stage.Attr("variables")
	if stage.Type == V2Stage {
		attr = stage.Attr("stage_variables")
	}
	v, known := g.Value(attr)
	if !known || v.IsNull() || !(v.Type().IsObjectType() || v.Type().IsMapType()) {
		return "", false
	}
	if v.Type().IsObjectType() {
		if !v.Type().HasAttribute(name) {
			return "", false
		}
		v = v.GetAttr(name)
	} else {
		key := cty.StringVal(name)
		if v.HasIndex(key) != cty.True {
			return "", false
		}
		v = v.Index(key)
	}
	if v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

// FunctionPermissions returns the permissions that may let API Gateway
// invoke some version of a function, whatever their qualifier. known is
// false when a permission may name the function without the model knowing.
func (l *Lambdas) FunctionPermissions(fn *Node) (perms []*Permission, known bool) {
	for _, p := range l.Permissions {
		switch {
		case !p.Grants:
		case !p.FunctionKnown:
			return nil, false
		case p.Function == fn:
			perms = append(perms, p)
		}
	}
	return perms, true
}

// PermissionQualifier reads the qualifier a permission is for; known is
// false when the module does not fix it.
func (l *Lambdas) PermissionQualifier(p *Permission) (Qualifier, bool) {
	switch {
	case p.Alias != nil:
		return Qualifier{Alias: p.Alias}, true
	case p.QualifierKnown:
		return Qualifier{Name: p.Qualifier}, true
	}
	for _, name := range []string{"qualifier", "function_name"} {
		expr := exprOf(p.Node.Attr(name))
		if n := l.g.Resolve(expr); n != nil && n == p.Function && len(RefsIn(expr)) == 1 {
			if attr := RefsIn(expr)[0].Attr; attr == "version" || attr == "qualified_arn" {
				return Qualifier{Published: true}, true
			}
		}
	}
	return Qualifier{}, false
}

// versionNumber matches a literal version qualifier.
var versionNumber = regexp.MustCompile(`^[0-9]+$`)

// MayCover reports whether a permission for qualifier p may cover a call
// to qualifier c: the same alias, version or name, or one the model
// cannot tell apart.
func (l *Lambdas) MayCover(p, c Qualifier) bool {
	if p.Unqualified() || c.Unqualified() {
		return p.Unqualified() && c.Unqualified()
	}
	switch {
	case p.Alias != nil && c.Alias != nil:
		return p.Alias == c.Alias
	case p.Published || c.Published:
		// A version number is not known before apply.
		return p.Published && c.Published || versionNumber.MatchString(p.Name+c.Name)
	case p.Alias != nil:
		return l.aliasNamed(p.Alias, c.Name)
	case c.Alias != nil:
		return l.aliasNamed(c.Alias, p.Name)
	}
	return p.Name == c.Name
}

// aliasNamed reports whether an alias may be named name.
func (l *Lambdas) aliasNamed(alias *Node, name string) bool {
	got, known := l.g.String(alias.Attr("name"))
	return !known || got == name
}

// AliasNamed returns the module's alias of a function with a literal name.
func (l *Lambdas) AliasNamed(fn *Node, name string) *Node {
	for _, a := range l.g.byType[LambdaAlias] {
		if got, known := l.g.String(a.Attr("name")); known && got == name {
			if f, _ := l.functionNamed(exprOf(a.Attr("function_name"))); f == fn {
				return a
			}
		}
	}
	return nil
}
