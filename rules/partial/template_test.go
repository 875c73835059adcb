package partial

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
)

func nativeExpr(t *testing.T, src string) hcl.Expression {
	t.Helper()
	expr, diags := hclsyntax.ParseExpression([]byte(src), "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("parse %s: %s", src, diags)
	}
	return expr
}

// jsonExpr returns the expression of attribute "a" of a JSON-syntax body,
// and a Source that reads the text back.
func jsonExpr(t *testing.T, value string) (hcl.Expression, func(hcl.Range) string) {
	t.Helper()
	src := []byte(`{"a": ` + value + `}`)
	f, diags := hcljson.Parse(src, "main.tf.json")
	if diags.HasErrors() {
		t.Fatalf("parse %s: %s", src, diags)
	}
	attrs, _ := f.Body.JustAttributes()
	return attrs["a"].Expr, func(r hcl.Range) string { return string(r.SliceBytes(src)) }
}

func TestTemplateRead(t *testing.T) {
	cases := []struct {
		src, want string
		ok        bool
	}{
		{`"arn:aws:execute-api:us-east-1:1:abc/*"`, "arn:aws:execute-api:us-east-1:1:abc/*", true},
		{`"${aws_api_gateway_rest_api.a.execution_arn}/*/GET/x"`, "${...}/*/GET/x", true},
		{`aws_api_gateway_rest_api.a.execution_arn`, "${...}", true},
		{`"${var.a}${var.b}:x"`, "${...}${...}:x", true},
		{`format("%s/*", var.a)`, "${...}", true},
		{`"a%{ if var.b }b%{ endif }"`, "a${...}", true},
		{`""`, "", true},
		{`42`, "", false},
	}
	for _, tc := range cases {
		s, ok := Template{}.Read(nativeExpr(t, tc.src))
		if ok != tc.ok || (ok && s.String() != tc.want) {
			t.Errorf("Read(%s) = %q, %v; want %q, %v", tc.src, s.String(), ok, tc.want, tc.ok)
		}
		for _, p := range s.Parts {
			if p.Hole && p.Expr == nil {
				t.Errorf("Read(%s): a hole without its expression", tc.src)
			}
		}
	}
	if _, ok := (Template{}).Read(nil); ok {
		t.Error("a missing expression reads as a string")
	}
}

func TestTemplateReadsJSONSyntax(t *testing.T) {
	expr, source := jsonExpr(t, `"${aws_api_gateway_rest_api.a.execution_arn}/*/POST/x"`)
	if _, ok := (Template{}).Read(expr); ok {
		t.Error("JSON syntax read without its source")
	}
	s, ok := Template{Source: source}.Read(expr)
	if !ok || s.String() != "${...}/*/POST/x" || len(s.Parts) != 2 {
		t.Fatalf("JSON template = %#v, %v", s, ok)
	}
	if _, isTrav := s.Parts[0].Expr.(*hclsyntax.ScopeTraversalExpr); !isTrav {
		t.Errorf("hole expression = %T", s.Parts[0].Expr)
	}
	for _, v := range []string{`42`, `{"b": 1}`, `"${"`} {
		expr, source := jsonExpr(t, v)
		if _, ok := (Template{Source: source}).Read(expr); ok {
			t.Errorf("JSON %s reads as a string", v)
		}
	}
}

func TestTemplateInterpolate(t *testing.T) {
	// Known interpolations become literal text, merged with their
	// neighbours; unknown ones keep their reference; a refusal abandons
	// the string.
	interp := func(e hcl.Expression) (Part, bool) {
		vars := e.Variables()
		switch {
		case len(vars) == 0:
			return Part{}, false
		case vars[0].RootName() == "var":
			return Part{Lit: "us-east-1"}, true
		}
		return HoleOf("aws_api_gateway_rest_api.a.id", e), true
	}
	s, ok := Template{Interpolate: interp}.Read(nativeExpr(t, `"arn:aws:execute-api:${var.region}:1:${aws_api_gateway_rest_api.a.id}/*"`))
	if !ok || s.String() != "arn:aws:execute-api:us-east-1:1:${aws_api_gateway_rest_api.a.id}/*" || len(s.Parts) != 3 {
		t.Fatalf("interpolated = %#v, %v", s, ok)
	}
	if _, ok := (Template{Interpolate: interp}).Read(nativeExpr(t, `"a${1 + 1}"`)); ok {
		t.Error("a refused interpolation reads")
	}
}

func TestHasMarker(t *testing.T) {
	text, holes := Lit("x").Append(Unknown("var.a")).Marked()
	if !HasMarker(text) || HasMarker("x") || len(holes) != 1 {
		t.Errorf("marked %q, holes %d", text, len(holes))
	}
}
