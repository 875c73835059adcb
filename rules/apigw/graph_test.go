package apigw

import (
	"errors"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/zclconf/go-cty/cty"
)

func parseModule(t *testing.T, files map[string]string) map[string]*hcl.File {
	t.Helper()
	p := hclparse.NewParser()
	out := map[string]*hcl.File{}
	for name, src := range files {
		var f *hcl.File
		var diags hcl.Diagnostics
		if len(name) > 5 && name[len(name)-5:] == ".json" {
			f, diags = p.ParseJSON([]byte(src), name)
		} else {
			f, diags = p.ParseHCL([]byte(src), name)
		}
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		out[name] = f
	}
	return out
}

func addresses(nodes []*Node) []string {
	var out []string
	for _, n := range nodes {
		out = append(out, n.Address())
	}
	return out
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestLinksResourcesToTheirAPI(t *testing.T) {
	g := Build(parseModule(t, map[string]string{
		"a.tf": `
resource "aws_api_gateway_rest_api" "a" {
  name = "a"
}
resource "aws_api_gateway_resource" "a" {
  rest_api_id = aws_api_gateway_rest_api.a.id
}
resource "aws_api_gateway_deployment" "a" {
  rest_api_id = aws_api_gateway_rest_api.a.id
}
resource "aws_api_gateway_stage" "a" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  deployment_id = aws_api_gateway_deployment.a.id
}
resource "aws_api_gateway_method" "shared" {
  rest_api_id = var.api_id
}
resource "aws_api_gateway_method" "external" {
  rest_api_id = data.aws_api_gateway_rest_api.x.id
}
resource "aws_sqs_queue" "ignored" {
  name = "b"
}
`,
		"b.tf.json": `{"resource": {"aws_api_gateway_integration": {"shared": {"rest_api_id": "${var.api_id}"}}}}`,
		"0.tf": `
resource "aws_api_gateway_method" "a_first" {
  rest_api_id = aws_api_gateway_rest_api.a.id
}
`,
	}), nil)

	a := g.Lookup("aws_api_gateway_rest_api.a").API
	if got := addresses(a.Members); !equal(got, []string{"aws_api_gateway_method.a_first", "aws_api_gateway_resource.a"}) {
		t.Errorf("members of a = %v, want file order across files", got)
	}
	if got := addresses(a.Deployments); !equal(got, []string{"aws_api_gateway_deployment.a"}) {
		t.Errorf("deployments of a = %v", got)
	}
	if got := addresses(g.StagesServing(g.Lookup("aws_api_gateway_deployment.a"))); !equal(got, []string{"aws_api_gateway_stage.a"}) {
		t.Errorf("stages serving the deployment = %v", got)
	}

	shared := g.Lookup("aws_api_gateway_method.shared").API
	if shared.Key != "var.api_id" || shared.Node != nil || shared.External {
		t.Errorf("API from a variable = %+v", shared)
	}
	if g.Lookup("aws_api_gateway_integration.shared").API != shared {
		t.Error("the JSON resource naming var.api_id is not grouped with the HCL one")
	}
	if ext := g.Lookup("aws_api_gateway_method.external").API; !ext.External {
		t.Error("an API from a data source is not marked external")
	}
	if g.Lookup("aws_sqs_queue.ignored") != nil {
		t.Error("a resource type the rules do not read was modelled")
	}
}

func TestDeployablesIncludeBodyAndPolicy(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_rest_api" "a" {
  body   = file("api.json")
  policy = null
}
resource "aws_api_gateway_rest_api_policy" "a" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  policy      = "{}"
}
`}), nil)
	var labels []string
	for _, d := range g.Deployables(g.Lookup("aws_api_gateway_rest_api.a").API) {
		labels = append(labels, d.Label()+"="+d.Entry(HashID))
	}
	want := []string{
		"aws_api_gateway_rest_api.a.body=aws_api_gateway_rest_api.a.body",
		"aws_api_gateway_rest_api_policy.a=aws_api_gateway_rest_api_policy.a.policy",
	}
	if !equal(labels, want) {
		t.Errorf("deployables = %v, want %v (a null policy is not set)", labels, want)
	}
}

func TestReadTriggers(t *testing.T) {
	src := `
resource "aws_api_gateway_rest_api" "a" {
  name = "a"
}
resource "aws_api_gateway_method" "m" {
  rest_api_id = aws_api_gateway_rest_api.a.id
}
locals {
  covered  = sha1(jsonencode([aws_api_gateway_method.m[*].id]))
  api_only = sha1(jsonencode([aws_api_gateway_rest_api.a.id, aws_api_gateway_rest_api.a.body]))
  literal  = "v2"
  variable = var.x
  clock    = timestamp()
  named    = aws_api_gateway_rest_api.a.name
}
`
	files := parseModule(t, map[string]string{"main.tf": src})
	g := Build(files, nil)
	api := g.Lookup("aws_api_gateway_rest_api.a").API
	locals := localExprs(t, files["main.tf"])
	method := Deployable{Node: g.Lookup("aws_api_gateway_method.m")}

	cases := []struct {
		name          string
		opaque, never bool
		covers        bool
	}{
		{"covered", false, false, true},
		{"api_only", false, true, false},
		{"literal", false, true, false},
		{"variable", true, false, false},
		{"clock", true, false, false},
		{"named", false, false, false},
	}
	for _, tc := range cases {
		tr := g.ReadTriggers(locals[tc.name])
		if tr.Opaque != tc.opaque || g.NeverChange(tr, api) != tc.never || tr.Covers(method) != tc.covers {
			t.Errorf("%s: opaque=%v never=%v covers=%v, want %v %v %v", tc.name,
				tr.Opaque, g.NeverChange(tr, api), tr.Covers(method), tc.opaque, tc.never, tc.covers)
		}
	}
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
