package apigw

import (
	"errors"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

func TestValuesAreReadLocallyAndEvaluatedOnce(t *testing.T) {
	files := parseModule(t, map[string]string{"main.tf": `
resource "aws_apigatewayv2_stage" "literal" {
  auto_deploy = true
}
resource "aws_apigatewayv2_stage" "variable" {
  auto_deploy = var.auto
}
resource "aws_apigatewayv2_stage" "unknown" {
  auto_deploy = var.unknown
}
resource "aws_apigatewayv2_stage" "panics" {
  auto_deploy = var.panics
}
`})
	calls := 0
	g := Build(files, func(expr hcl.Expression) (cty.Value, error) {
		calls++
		switch expr.Variables()[0].RootName() + "." + expr.Variables()[0][1].(hcl.TraverseAttr).Name {
		case "var.auto":
			return cty.False, nil
		case "var.panics":
			panic("the host could not represent the value")
		}
		return cty.NilVal, errors.New("unknown value found")
	})
	check := func(name string, wantVal, wantKnown bool) {
		t.Helper()
		v, known := g.BoolOr(g.Lookup("aws_apigatewayv2_stage."+name).Attr("auto_deploy"), false)
		if v != wantVal || known != wantKnown {
			t.Errorf("%s: got (%v, %v), want (%v, %v)", name, v, known, wantVal, wantKnown)
		}
	}
	check("literal", true, true)
	if calls != 0 {
		t.Errorf("a literal went to the host")
	}
	check("variable", false, true)
	check("variable", false, true)
	if calls != 1 {
		t.Errorf("host calls = %d, want 1: evaluations are memoized", calls)
	}
	check("unknown", false, false)
	check("panics", false, false)
}

func localExprs(t *testing.T, f *hcl.File) map[string]hcl.Expression {
	t.Helper()
	content, _, _ := f.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "locals"}}})
	out := map[string]hcl.Expression{}
	for _, b := range content.Blocks {
		attrs, diags := b.Body.JustAttributes()
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		for name, a := range attrs {
			out[name] = a.Expr
		}
	}
	return out
}
