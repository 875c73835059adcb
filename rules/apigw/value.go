package apigw

import (
	"math/big"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/lang/marks"
	"github.com/zclconf/go-cty/cty"
)

// HostEval evaluates an expression through tflint: the way to values that
// refer to variables, locals or functions.
type HostEval func(hcl.Expression) (cty.Value, error)

type evaluator struct {
	host  HostEval
	cache map[hcl.Range]evaluated
}

type evaluated struct {
	val   cty.Value
	known bool
}

func newEvaluator(host HostEval) *evaluator {
	return &evaluator{host: host, cache: map[hcl.Range]evaluated{}}
}

// value evaluates an expression once. Literals are read locally: every host
// evaluation ships and re-parses the whole file.
func (e *evaluator) value(expr hcl.Expression) (cty.Value, bool) {
	if expr == nil {
		return cty.NilVal, false
	}
	// Literals, the most common case, need neither the cache nor an evaluation.
	if v, ok := literal(expr); ok {
		return v, true
	}
	if got, ok := e.cache[expr.Range()]; ok {
		return got.val, got.known
	}
	val, known := e.compute(expr)
	e.cache[expr.Range()] = evaluated{val, known}
	return val, known
}

// literal is the value of a literal or of a quoted string without
// interpolations, as HCL would evaluate it.
func literal(expr hcl.Expression) (cty.Value, bool) {
	switch e := expr.(type) {
	case *hclsyntax.LiteralValueExpr:
		return e.Val, e.Val.IsWhollyKnown() && !e.Val.IsMarked()
	case *hclsyntax.TemplateExpr:
		if len(e.Parts) != 1 {
			return cty.NilVal, false
		}
		if lit, ok := e.Parts[0].(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String && lit.Val.IsKnown() && !lit.Val.IsNull() && !lit.Val.IsMarked() {
			return lit.Val, true
		}
	}
	return cty.NilVal, false
}

func (e *evaluator) compute(expr hcl.Expression) (val cty.Value, known bool) {
	if len(variables(expr)) == 0 {
		if v, diags := expr.Value(nil); !diags.HasErrors() {
			return proven(v)
		}
	}
	if e.host == nil || !hostKnows(expr) {
		return cty.NilVal, false
	}
	// The host (or the SDK's test runner) may fail on values it cannot
	// represent; an unknown value is the answer then, never a crash.
	defer func() {
		if recover() != nil {
			val, known = cty.NilVal, false
		}
	}()
	v, err := e.host(expr)
	if err != nil {
		return cty.NilVal, false
	}
	return proven(v)
}

// hostKnows reports whether the host can know the expression's value at all:
// tflint evaluates variables, locals, path and terraform values, but a
// resource, data source or module output is unknown until apply, so asking
// (which ships and re-parses the whole file) would only return unknown.
func hostKnows(expr hcl.Expression) bool {
	for _, t := range variables(expr) {
		switch t.RootName() {
		case "var", "local", "path", "terraform":
		default:
			return false
		}
	}
	return true
}

// proven keeps a value only when the configuration fixes it completely.
func proven(v cty.Value) (cty.Value, bool) {
	if v == cty.NilVal || !v.IsWhollyKnown() || marks.Contains(v, marks.Sensitive) || marks.Contains(v, marks.Ephemeral) {
		return cty.NilVal, false
	}
	v, _ = v.UnmarkDeep()
	return v, true
}

// Value returns an attribute's value when the configuration proves it. A
// missing attribute is unknown; a literal null is a known null.
func (g *Graph) Value(attr *hclext.Attribute) (cty.Value, bool) {
	if attr == nil {
		return cty.NilVal, false
	}
	return g.eval.value(attr.Expr)
}

// BoolOr returns a boolean attribute, or dflt when it is unset or null.
// known is false when the value cannot be proven.
func (g *Graph) BoolOr(attr *hclext.Attribute, dflt bool) (val bool, known bool) {
	if attr == nil {
		return dflt, true
	}
	v, ok := g.Value(attr)
	if !ok {
		return false, false
	}
	if v.IsNull() {
		return dflt, true
	}
	if v.Type() != cty.Bool {
		return false, false
	}
	return v.True(), true
}

// String returns a string attribute when the configuration proves it.
func (g *Graph) String(attr *hclext.Attribute) (string, bool) {
	v, ok := g.Value(attr)
	if !ok || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

// IsSet reports whether an attribute is written and not a literal null: an
// attribute set to null is the same as one left out.
func (g *Graph) IsSet(attr *hclext.Attribute) bool {
	if attr == nil {
		return false
	}
	// Decided by the syntax where it can be, without walking large
	// expressions (an OpenAPI body in jsonencode, say): a call, an object,
	// a list, a string template or a reference is never a literal null.
	switch e := attr.Expr.(type) {
	case *hclsyntax.LiteralValueExpr:
		return !e.Val.IsNull()
	case *hclsyntax.FunctionCallExpr, *hclsyntax.ObjectConsExpr, *hclsyntax.TupleConsExpr,
		*hclsyntax.TemplateExpr, *hclsyntax.ScopeTraversalExpr:
		return true
	}
	if len(variables(attr.Expr)) > 0 {
		return true
	}
	v, diags := attr.Expr.Value(nil)
	return diags.HasErrors() || !v.IsNull()
}

// Int returns a whole-number attribute when the configuration proves it.
func (g *Graph) Int(attr *hclext.Attribute) (int64, bool) {
	v, ok := g.Value(attr)
	if !ok || v.IsNull() {
		return 0, false
	}
	if v.Type() == cty.String {
		// Terraform converts "300" to a number for a number argument.
		f, _, err := big.ParseFloat(strings.TrimSpace(v.AsString()), 10, 64, big.ToNearestEven)
		if err != nil {
			return 0, false
		}
		v = cty.NumberVal(f)
	}
	if v.Type() != cty.Number {
		return 0, false
	}
	n, acc := v.AsBigFloat().Int64()
	if acc != big.Exact {
		return 0, false
	}
	return n, true
}
