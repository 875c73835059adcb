package apigw

import (
	"strings"
	"unicode"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// Text returns an expression's source text as written, for fixes that copy
// it into generated code; "" when the source is not at hand.
func (g *Graph) Text(expr hcl.Expression) string {
	if expr == nil {
		return ""
	}
	return g.sourceText(expr.Range())
}

// UsesInstanceKey reports whether an expression reads count.index or each.*,
// which mean something else once copied into another resource.
func UsesInstanceKey(expr hcl.Expression) bool {
	for _, t := range variables(expr) {
		if root := t.RootName(); root == "count" || root == "each" {
			return true
		}
	}
	return false
}

// SurelySet reports whether an attribute is set to something other than
// null for sure: a known non-null value, or an expression that is more than
// a bare reference (a function call, a template), which cannot be null.
// A bare variable, local or module output may be null.
func (g *Graph) SurelySet(attr *hclext.Attribute) bool {
	if attr == nil {
		return false
	}
	if neverNull(attr.Expr) {
		return true // no need to ship the file to the host to evaluate it
	}
	if v, known := g.Value(attr); known {
		return !v.IsNull()
	}
	_, diags := hcl.AbsTraversalForExpr(attr.Expr)
	return diags.HasErrors()
}

// exprKey is the text that identifies an expression: the traversal when it
// is a single one (the same in HCL and JSON syntax), else the source text
// without white space.
func (g *Graph) exprKey(expr hcl.Expression) string {
	if vars := variables(expr); len(vars) == 1 {
		if src := strings.Trim(g.sourceText(expr.Range()), `"${} `); src == TraversalText(vars[0]) {
			return src
		}
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, g.sourceText(expr.Range()))
}

func (g *Graph) sourceText(rng hcl.Range) string {
	f := g.files[rng.Filename]
	if f == nil || rng.End.Byte > len(f.Bytes) || rng.Start.Byte > rng.End.Byte {
		return ""
	}
	return string(rng.SliceBytes(f.Bytes))
}

// nonNullFunctions never return null: their result is a string or an error.
var nonNullFunctions = map[string]bool{
	"file": true, "templatefile": true, "jsonencode": true, "yamlencode": true,
	"format": true, "join": true,
}

// neverNull reports whether an expression's syntax alone proves that its
// value is not null: a call of a function that never returns null, or a
// template with literal text around its interpolations.
func neverNull(expr hcl.Expression) bool {
	switch e := expr.(type) {
	case *hclsyntax.FunctionCallExpr:
		return nonNullFunctions[e.Name]
	case *hclsyntax.TemplateExpr:
		for _, p := range e.Parts {
			if lit, ok := p.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String && !lit.Val.IsNull() && lit.Val.AsString() != "" {
				return true
			}
		}
	}
	return false
}
