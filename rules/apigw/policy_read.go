package apigw

import (
	"errors"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/policy"
)

// This file reads policy documents and OpenAPI bodies out of HCL: a
// jsonencode object is read element by element so that an unknown
// reference (an API's execution_arn, say) leaves only its own string
// unknown, and a JSON template keeps its literal text around the
// interpolations it cannot evaluate.

// tree reads an expression as a document tree.
func (g *Graph) tree(expr hcl.Expression) policy.Value {
	native, ok := expr.(hclsyntax.Expression)
	if !ok {
		return g.evaluatedTree(expr)
	}
	rng := native.Range()
	switch e := native.(type) {
	case *hclsyntax.ObjectConsExpr:
		out := policy.Value{Kind: policy.KindObject, Object: map[string]policy.Value{}, Range: rng}
		for _, item := range e.Items {
			key, ok := partial.ObjectKey(item.KeyExpr)
			if !ok {
				return policy.UnknownValue("", rng)
			}
			out.Object[key] = g.tree(item.ValueExpr)
		}
		return out
	case *hclsyntax.TupleConsExpr:
		out := policy.Value{Kind: policy.KindList, List: []policy.Value{}, Range: rng}
		for _, el := range e.Exprs {
			out.List = append(out.List, g.tree(el))
		}
		return out
	case *hclsyntax.TemplateWrapExpr:
		return g.tree(e.Wrapped)
	case *hclsyntax.TemplateExpr:
		s, ok := g.templateStr(e)
		if !ok {
			return policy.UnknownValue("", rng)
		}
		s.Range = rng
		return policy.Value{Kind: policy.KindString, Str: s, Range: rng}
	case *hclsyntax.ParenthesesExpr:
		return g.tree(e.Expression)
	}
	return g.evaluatedTree(native)
}

// evaluatedTree evaluates an expression the tree reader does not take apart.
func (g *Graph) evaluatedTree(expr hcl.Expression) policy.Value {
	v, ok := g.policyValue(expr)
	if !ok {
		return policy.UnknownValue(singleRef(expr), expr.Range())
	}
	out := policy.ValueOfCty(v)
	out.Range = expr.Range()
	if out.Kind == policy.KindString {
		out.Str.Range = expr.Range()
	}
	return out
}

// policyValue evaluates an expression, without asking the host about
// references to resources and data sources: their attributes are never
// known before apply.
func (g *Graph) policyValue(expr hcl.Expression) (cty.Value, bool) {
	for _, t := range variables(expr) {
		if _, isRef := ParseRef(t); isRef {
			return cty.NilVal, false
		}
	}
	return g.eval.value(expr)
}

// singleRef is the text of an expression that is one reference, else "".
func singleRef(expr hcl.Expression) string {
	if w, ok := expr.(*hclsyntax.TemplateWrapExpr); ok {
		expr = w.Wrapped
	}
	if t, ok := expr.(*hclsyntax.ScopeTraversalExpr); ok {
		return TraversalText(t.Traversal)
	}
	return ""
}

// templateStr reads a template as a string whose interpolations are
// unknown parts when the model cannot evaluate them. ok is false for
// templates with directives (%{ for }, %{ if }), whose shape is unknown.
func (g *Graph) templateStr(t *hclsyntax.TemplateExpr) (partial.String, bool) {
	return partial.Template{Interpolate: g.policyPart}.Read(t)
}

// policyPart reads one interpolation of a policy template.
func (g *Graph) policyPart(part hcl.Expression) (partial.Part, bool) {
	switch part.(type) {
	case *hclsyntax.TemplateJoinExpr, *hclsyntax.ConditionalExpr:
		if len(variables(part)) > 0 {
			return partial.Part{}, false
		}
	}
	v, ok := g.policyValue(part)
	if ok && !v.IsNull() {
		if str, err := toString(v); err == nil {
			return partial.Part{Lit: str}, true
		}
	}
	return partial.HoleOf(singleRef(part), part), true
}

func toString(v cty.Value) (string, error) {
	switch v.Type() {
	case cty.String:
		return v.AsString(), nil
	case cty.Number:
		return v.AsBigFloat().Text('f', -1), nil
	case cty.Bool:
		if v.True() {
			return "true", nil
		}
		return "false", nil
	}
	return "", errNotString
}

var errNotString = errors.New("not a string")

// jsonText reads an expression that produces JSON text: jsonencode(...),
// a string or heredoc with interpolations (holes where the model cannot
// evaluate them), or anything the host can evaluate (file(),
// templatefile(), variables). ok is false when the text is not known.
func (g *Graph) jsonText(expr hcl.Expression) (text partial.String, tree *policy.Value, ok bool) {
	if w, isWrap := expr.(*hclsyntax.TemplateWrapExpr); isWrap {
		expr = w.Wrapped
	}
	switch e := expr.(type) {
	case *hclsyntax.FunctionCallExpr:
		if e.Name == "jsonencode" && len(e.Args) == 1 && !e.ExpandFinal {
			t := g.tree(e.Args[0])
			return partial.String{}, &t, true
		}
	case *hclsyntax.TemplateExpr:
		if len(variables(e)) > 0 {
			s, known := g.templateStr(e)
			return s, nil, known
		}
	}
	v, known := g.policyValue(expr)
	if !known || v.IsNull() || v.Type() != cty.String {
		return partial.String{}, nil, false
	}
	return partial.Lit(v.AsString()), nil, true
}

// policyFromExpr reads a policy attribute: a reference to an
// aws_iam_policy_document's json, jsonencode(...), or JSON text.
func (g *Graph) policyFromExpr(expr hcl.Expression, depth int) (*policy.Policy, *Node) {
	if doc := g.documentRef(expr); doc != nil {
		return g.readDocument(doc, depth), doc
	}
	text, tree, ok := g.jsonText(expr)
	switch {
	case !ok:
		return policy.Unknown(), nil
	case tree != nil:
		return policy.FromTree(*tree), nil
	}
	return policy.ParseJSONTemplate(text), nil
}

// documentRef returns the aws_iam_policy_document an expression is exactly
// a reference to the json (or minified_json) of.
func (g *Graph) documentRef(expr hcl.Expression) *Node {
	vars := variables(expr)
	if len(vars) != 1 {
		return nil
	}
	ref, ok := ParseRef(vars[0])
	if !ok || !ref.Data || "data."+ref.Type != PolicyDocument || (ref.Attr != "json" && ref.Attr != "minified_json") {
		return nil
	}
	if src := strings.Trim(g.sourceText(expr.Range()), "\"${} \t\r\n"); src != TraversalText(vars[0]) {
		return nil
	}
	return g.byAddr[ref.Address()]
}
