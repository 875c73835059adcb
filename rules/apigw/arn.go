package apigw

import (
	"encoding/json"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// An ARN is read as a sequence of tokens: literal characters, and the parts
// the configuration does not fix. A Lambda permission's source_arn is a
// pattern (AWS matches it with ArnLike: `*` is any run of characters, `/`
// included, `?` one character); the ARN API Gateway presents when it
// invokes a function is a subject. Coverage asks whether a pattern matches
// every subject the configuration allows.
type tokenKind uint8

const (
	tokChar  tokenKind = iota // a literal character
	tokStar                   // pattern: `*`, or a value the model cannot know
	tokOne                    // pattern: `?`
	tokEvery                  // subject: any value at all (a path parameter); only a wildcard covers it
	tokSome                   // subject: one value the model does not know (a region, an id); literal text may equal it
	tokAPI                    // an API's id, named by key
)

type token struct {
	kind tokenKind
	c    byte
	key  string
	// definite: the API is a resource of the module, so another key is
	// another API. An API known only by a variable may be any of them.
	definite bool
}

// ARN is a pattern or a subject.
type ARN []token

// Text appends literal text.
func (a ARN) Text(s string) ARN {
	for i := 0; i < len(s); i++ {
		a = append(a, token{kind: tokChar, c: s[i]})
	}
	return a
}

// Star appends a wildcard (in a pattern).
func (a ARN) Star() ARN { return append(a, token{kind: tokStar}) }

// Every appends a part that takes every value (in a subject).
func (a ARN) Every() ARN { return append(a, token{kind: tokEvery}) }

// Some appends one value the model does not know (in a subject).
func (a ARN) Some() ARN { return append(a, token{kind: tokSome}) }

// API appends an API's id.
func (a ARN) API(api *API) ARN {
	return append(a, token{kind: tokAPI, key: api.Key, definite: api.Node != nil})
}

// ExecutionARN appends the execute-api ARN of an API,
// arn:aws:execute-api:<region>:<account>:<api id>.
func (a ARN) ExecutionARN(api *API) ARN {
	return a.Text("arn:").Some().Text(":execute-api:").Some().Text(":").Some().Text(":").API(api)
}

// String renders the ARN for messages and tests: `*`, `?`, `{every}`, `{some}`, `{api:KEY}`.
func (a ARN) String() string {
	var b strings.Builder
	for _, t := range a {
		switch t.kind {
		case tokChar:
			b.WriteByte(t.c)
		case tokStar:
			b.WriteByte('*')
		case tokOne:
			b.WriteByte('?')
		case tokEvery:
			b.WriteString("{every}")
		case tokSome:
			b.WriteString("{some}")
		case tokAPI:
			b.WriteString("{api:" + t.key + "}")
		}
	}
	return b.String()
}

// ParsePattern reads a literal source_arn: `*` and `?` are wildcards.
func ParsePattern(s string) ARN {
	var a ARN
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '*':
			a = a.Star()
		case '?':
			a = append(a, token{kind: tokOne})
		default:
			a = append(a, token{kind: tokChar, c: s[i]})
		}
	}
	return a
}

// Matches reports whether the pattern may match the subject: true unless
// the configuration proves it does not.
func (a ARN) Matches(subject ARN) bool {
	m := matcher{p: a, s: subject, memo: map[int]bool{}}
	return m.match(0, 0)
}

type matcher struct {
	p, s ARN
	memo map[int]bool
}

func (m *matcher) match(i, j int) bool {
	key := i*(len(m.s)+1) + j
	if v, ok := m.memo[key]; ok {
		return v
	}
	v := m.step(i, j)
	m.memo[key] = v
	return v
}

func (m *matcher) step(i, j int) bool {
	if i == len(m.p) {
		return j == len(m.s)
	}
	p := m.p[i]
	if p.kind == tokStar {
		return m.match(i+1, j) || (j < len(m.s) && m.match(i, j+1))
	}
	if j == len(m.s) {
		return false
	}
	s := m.s[j]
	switch s.kind {
	case tokEvery:
		return false // only a wildcard covers every value
	case tokSome:
		return m.someValue(i, j)
	case tokAPI:
		if p.kind == tokAPI {
			return (p.key == s.key || !p.definite || !s.definite) && m.match(i+1, j+1)
		}
		// Literal text may be the API's id, which is unknown until apply.
		return m.someValue(i, j)
	}
	switch p.kind {
	case tokOne:
		return m.match(i+1, j+1)
	case tokChar:
		return p.c == s.c && m.match(i+1, j+1)
	}
	return false
}

// someValue lets an unknown subject value stand for a run of pattern text
// within one path segment: "us-east-1" may be the region.
func (m *matcher) someValue(i, j int) bool {
	if m.p[i].kind == tokAPI {
		return m.match(i+1, j+1)
	}
	for k := i; k < len(m.p); k++ {
		t := m.p[k]
		if t.kind == tokStar || t.kind == tokAPI || (t.kind == tokChar && (t.c == '/' || t.c == ':')) {
			break
		}
		if m.match(k+1, j+1) {
			return true
		}
	}
	return false
}

// templatePart is a piece of a string expression: literal text, or an
// interpolated expression (Trav is set when it is a single reference).
type templatePart struct {
	Text string
	Expr hcl.Expression
	Trav hcl.Traversal
}

// templateParts splits a string expression into literal text and
// interpolations, the same for native and JSON syntax. ok is false when
// the expression is not a string template.
func (g *Graph) templateParts(expr hcl.Expression) ([]templatePart, bool) {
	if expr == nil {
		return nil, false
	}
	native, isNative := expr.(hclsyntax.Expression)
	if !isNative {
		src := strings.TrimSpace(g.sourceText(expr.Range()))
		var s string
		if !strings.HasPrefix(src, `"`) || json.Unmarshal([]byte(src), &s) != nil {
			return nil, false
		}
		parsed, diags := hclsyntax.ParseTemplate([]byte(s), expr.Range().Filename, expr.Range().Start)
		if diags.HasErrors() {
			return nil, false
		}
		native = parsed
	}
	return nativeParts(native)
}

func nativeParts(expr hclsyntax.Expression) ([]templatePart, bool) {
	switch e := expr.(type) {
	case *hclsyntax.TemplateExpr:
		var parts []templatePart
		for _, p := range e.Parts {
			if lit, ok := literalString(p); ok {
				parts = append(parts, templatePart{Text: lit})
				continue
			}
			parts = append(parts, interpolation(p))
		}
		return parts, true
	case *hclsyntax.TemplateWrapExpr:
		return []templatePart{interpolation(e.Wrapped)}, true
	case *hclsyntax.LiteralValueExpr:
		if lit, ok := literalString(e); ok {
			return []templatePart{{Text: lit}}, true
		}
		return nil, false
	case *hclsyntax.ScopeTraversalExpr, *hclsyntax.RelativeTraversalExpr:
		return []templatePart{interpolation(e)}, true
	}
	return []templatePart{{Expr: expr}}, true
}

func literalString(expr hclsyntax.Expression) (string, bool) {
	lit, ok := expr.(*hclsyntax.LiteralValueExpr)
	if !ok || lit.Val.IsNull() || !lit.Val.IsKnown() || lit.Val.Type() != cty.String {
		return "", false
	}
	return lit.Val.AsString(), true
}

func interpolation(expr hclsyntax.Expression) templatePart {
	switch e := expr.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		return templatePart{Expr: expr, Trav: e.Traversal}
	case *hclsyntax.RelativeTraversalExpr:
		// aws_lambda_function.fn[each.key].invoke_arn: a reference whose
		// index is not a literal. Read it as the resource's attribute, with
		// an unknown index.
		if idx, ok := e.Source.(*hclsyntax.IndexExpr); ok {
			if col, ok := idx.Collection.(*hclsyntax.ScopeTraversalExpr); ok {
				trav := append(hcl.Traversal{}, col.Traversal...)
				trav = append(trav, hcl.TraverseIndex{Key: cty.DynamicVal, SrcRange: idx.Key.Range()})
				return templatePart{Expr: expr, Trav: append(trav, e.Traversal...)}
			}
		}
	}
	return templatePart{Expr: expr}
}

// partText returns an interpolation's value when the module fixes it
// without resources (a variable's default, say).
func (g *Graph) partText(p templatePart) (string, bool) {
	if p.Expr == nil {
		return p.Text, true
	}
	if len(RefsIn(p.Expr)) > 0 {
		return "", false
	}
	v, ok := g.eval.value(p.Expr)
	if !ok || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

// SourcePattern reads a Lambda permission's source_arn as a pattern.
// References to an API's execution_arn or id, and to a stage's
// execution_arn, become that API's ARN; anything the model cannot know
// becomes a wildcard, so an unknown value never proves a gap. ok is false
// when the expression is not a string at all.
func (g *Graph) SourcePattern(expr hcl.Expression) (ARN, bool) {
	parts, ok := g.templateParts(expr)
	if !ok {
		if v, known := g.eval.value(expr); known && !v.IsNull() && v.Type() == cty.String {
			return ParsePattern(v.AsString()), true
		}
		return ARN{}.Star(), true
	}
	var a ARN
	for _, p := range parts {
		if text, ok := g.partText(p); ok {
			a = append(a, ParsePattern(text)...)
			continue
		}
		a = g.referencePattern(a, p)
	}
	return a, true
}

func (g *Graph) referencePattern(a ARN, p templatePart) ARN {
	ref, ok := ParseRef(p.Trav)
	if !ok || ref.Data {
		return a.Star()
	}
	n := g.byAddr[ref.Address()]
	if n == nil || n.API == nil || n.API.External {
		return a.Star()
	}
	switch {
	case (n.Type == RestAPI || n.Type == V2API) && ref.Attr == "execution_arn":
		return a.ExecutionARN(n.API)
	case (n.Type == RestAPI || n.Type == V2API) && ref.Attr == "id":
		return a.API(n.API)
	case (n.Type == Stage || n.Type == Deployment) && ref.Attr == "execution_arn":
		a = a.ExecutionARN(n.API).Text("/")
		if name, ok := g.String(n.Attr("stage_name")); ok {
			return a.Text(name)
		}
		return a.Star()
	case n.Type == V2Stage && ref.Attr == "execution_arn":
		a = a.ExecutionARN(n.API).Text("/")
		if name, ok := g.String(n.Attr("name")); ok {
			return a.Text(name)
		}
		return a.Star()
	}
	return a.Star()
}
