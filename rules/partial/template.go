package partial

import (
	"encoding/json"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Template is the one reader of HCL string expressions, native and JSON
// syntax alike: literal text becomes literals, each interpolation a hole
// with its expression, unless Interpolate reads it.
type Template struct {
	// Source returns the text written at a range: a JSON-syntax string is
	// read again as the template it holds. Nil reads native syntax only.
	Source func(hcl.Range) string
	// Interpolate reads one interpolation: a literal part when its value is
	// known, else a hole; ok false abandons the whole string (a directive
	// whose shape is unknown). Nil leaves every interpolation a hole.
	Interpolate func(expr hcl.Expression) (p Part, ok bool)
}

// Read reads a string expression. ok is false when the expression is not
// a string template (a number literal, an object, unparsable JSON text).
// An expression that is not a template at all (a function call, a
// conditional) reads as one interpolation.
func (t Template) Read(expr hcl.Expression) (String, bool) {
	if expr == nil {
		return String{}, false
	}
	native, isNative := expr.(hclsyntax.Expression)
	if !isNative {
		if t.Source == nil {
			return String{}, false
		}
		parsed, ok := jsonTemplate(t.Source(expr.Range()), expr.Range())
		if !ok {
			return String{}, false
		}
		native = parsed
	}
	var parts []hclsyntax.Expression
	switch e := native.(type) {
	case *hclsyntax.TemplateExpr:
		parts = e.Parts
	case *hclsyntax.TemplateWrapExpr:
		parts = []hclsyntax.Expression{e.Wrapped}
	case *hclsyntax.LiteralValueExpr:
		if _, ok := literalString(e); !ok {
			return String{}, false
		}
		parts = []hclsyntax.Expression{e}
	default:
		parts = []hclsyntax.Expression{e}
	}
	s := String{Parts: []Part{}}
	for _, p := range parts {
		if lit, ok := literalString(p); ok {
			s = s.Append(Lit(lit))
			continue
		}
		part := Part{Hole: true, Expr: p}
		if t.Interpolate != nil {
			var ok bool
			if part, ok = t.Interpolate(p); !ok {
				return String{}, false
			}
		}
		s = s.Append(String{Parts: []Part{part}})
	}
	return s, true
}

// jsonTemplate reads the text of a JSON string as the template it holds.
func jsonTemplate(src string, rng hcl.Range) (hclsyntax.Expression, bool) {
	src = strings.TrimSpace(src)
	var s string
	if !strings.HasPrefix(src, `"`) || json.Unmarshal([]byte(src), &s) != nil {
		return nil, false
	}
	parsed, diags := hclsyntax.ParseTemplate([]byte(s), rng.Filename, rng.Start)
	if diags.HasErrors() {
		return nil, false
	}
	return parsed, true
}

func literalString(expr hclsyntax.Expression) (string, bool) {
	lit, ok := expr.(*hclsyntax.LiteralValueExpr)
	if !ok || lit.Val.IsNull() || !lit.Val.IsKnown() || lit.Val.Type() != cty.String {
		return "", false
	}
	return lit.Val.AsString(), true
}

// HasMarker reports whether text holds a Marker: a hole in Marked text.
func HasMarker(text string) bool { return strings.Contains(text, markerPrefix) }
