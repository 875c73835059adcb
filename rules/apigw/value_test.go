package apigw

import (
	"errors"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
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

func TestIsSet(t *testing.T) {
	cases := map[string]bool{
		`null`:              false,
		`(null)`:            false,
		`"${null}"`:         false,
		`true ? null : "x"`: false,
		`"x"`:               true,
		`""`:                true,
		`file("x")`:         true,
		`var.x`:             true,
		`{ a = 1 }`:         true,
		`[]`:                true,
		`"${var.x}"`:        true,
		`jsonencode(null)`:  true,
	}
	for src, want := range cases {
		f, diags := hclsyntax.ParseConfig([]byte("a = "+src+"\n"), "main.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", src, diags)
		}
		attr := f.Body.(*hclsyntax.Body).Attributes["a"]
		g := &Graph{}
		if got := g.IsSet(&hclext.Attribute{Name: "a", Expr: attr.Expr}); got != want {
			t.Errorf("IsSet(%s) = %v, want %v", src, got, want)
		}
	}
}
