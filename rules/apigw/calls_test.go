package apigw

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

func TestLoadForCallModelsCalledModulesOnce(t *testing.T) {
	inner := newCounting(t)
	inner.module = addrs.Module{"api", "routes"}
	r := NewRunner(inner, false)
	if g, err := Load(r); g != nil || err != nil {
		t.Fatalf("Load in a called module = %v, %v; want nil, nil", g, err)
	}
	g, err := LoadForCall(r)
	if err != nil || g == nil {
		t.Fatalf("LoadForCall = %v, %v", g, err)
	}
	if !g.InModuleCall() || g.Call() != "module.api.module.routes" {
		t.Errorf("InModuleCall, Call = %v, %q; want true, module.api.module.routes", g.InModuleCall(), g.Call())
	}
	if again, _ := LoadForCall(r); again != g || inner.reads != 1 {
		t.Errorf("a second LoadForCall read the files again (reads = %d)", inner.reads)
	}
	if g, _ := Load(r); g != nil {
		t.Error("Load after LoadForCall returned the called module's model")
	}
}

func TestLoadForCallInTheRoot(t *testing.T) {
	for _, runner := range []tflint.Runner{NewRunner(newCounting(t), false), newCounting(t)} {
		g, err := LoadForCall(runner)
		if err != nil || g == nil || g.InModuleCall() || g.Call() != "" {
			t.Fatalf("LoadForCall in the root = %v, %v", g, err)
		}
		if root, _ := Load(runner); root == nil {
			t.Fatal("Load in the root returned nil")
		}
	}
}

func TestInputs(t *testing.T) {
	runner := helper.TestRunner(t, map[string]string{"main.tf": `
variable "types" {
  default = ["PRIVATE"]
}
variable "settings" {
  default = { private = true }
}
variable "unset" {}

resource "aws_api_gateway_rest_api" "a" {
  name = "a"
  endpoint_configuration {
    types = var.settings.private ? var.types : [var.unset, var.types[0]]
  }
}
resource "aws_api_gateway_rest_api" "b" {
  name = "b"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}
`})
	g, err := LoadForCall(runner)
	if err != nil {
		t.Fatal(err)
	}
	expr := g.Lookup("aws_api_gateway_rest_api.a").Blocks("endpoint_configuration")[0].Body.Attributes["types"].Expr
	got := g.Inputs(expr)
	want := []struct {
		name, text string
		known      bool
		value      cty.Value
	}{
		{"settings", "settings.private", true, cty.True},
		{"types", "types", true, cty.TupleVal([]cty.Value{cty.StringVal("PRIVATE")})},
		{"unset", "unset", false, cty.NilVal},
		{"types", "types[0]", true, cty.StringVal("PRIVATE")},
	}
	if len(got) != len(want) {
		t.Fatalf("Inputs = %+v, want %d inputs", got, len(want))
	}
	for i, w := range want {
		in := got[i]
		if in.Name != w.name || in.Text != w.text || in.Known != w.known || (w.known && !in.Value.RawEquals(w.value)) {
			t.Errorf("input %d = %+v, want %+v", i, in, w)
		}
	}
	literal := g.Lookup("aws_api_gateway_rest_api.b").Blocks("endpoint_configuration")[0].Body.Attributes["types"].Expr
	if in := g.Inputs(literal); len(in) != 0 {
		t.Errorf("Inputs of a literal = %+v, want none", in)
	}
	if in := g.Inputs(nil); in != nil {
		t.Errorf("Inputs(nil) = %+v", in)
	}
}

// callFromRoot checks a module as a call from a root module it can read
// through RootModuleCtxType, as tflint's child runners do.
type callFromRoot struct {
	*helper.Runner
	path addrs.Module
	root *helper.Runner
}

func (r callFromRoot) GetModulePath() (addrs.Module, error) { return r.path, nil }

func (r callFromRoot) GetModuleContent(schema *hclext.BodySchema, opts *tflint.GetModuleContentOption) (*hclext.BodyContent, error) {
	if opts != nil && opts.ModuleCtx == tflint.RootModuleCtxType {
		self := *opts
		self.ModuleCtx = tflint.SelfModuleCtxType
		return r.root.GetModuleContent(schema, &self)
	}
	return r.Runner.GetModuleContent(schema, opts)
}

func TestCallerMayAdd(t *testing.T) {
	const module = `
resource "aws_api_gateway_rest_api" "exported" {
  name = "a"
}
resource "aws_api_gateway_rest_api" "through_a_local" {
  name = "b"
}
resource "aws_api_gateway_rest_api" "kept" {
  name = "c"
}
locals {
  ids = { b = aws_api_gateway_rest_api.through_a_local.id }
}
output "id" {
  value = aws_api_gateway_rest_api.exported.id
}
output "ids" {
  value = local.ids
}
`
	const emptyRoot = `module "api" {
  source = "./api"
}
`
	cases := []struct {
		name                  string
		path                  addrs.Module
		root                  string
		exported, local, kept bool
	}{
		{"a root that writes no policy", addrs.Module{"api"}, emptyRoot, false, false, false},
		{"a root that writes a policy", addrs.Module{"api"}, emptyRoot + `resource "aws_api_gateway_rest_api_policy" "p" {
  rest_api_id = module.api.id
}
`, true, true, false},
		{"a root that hands the call's outputs on", addrs.Module{"api"}, emptyRoot + `module "policies" {
  source = "./policies"
  ids    = module.api.ids
}
`, true, true, false},
		{"a root that hands another call's outputs on", addrs.Module{"api"}, emptyRoot + `module "policies" {
  source = "./policies"
  ids    = module.other.ids
}
`, false, false, false},
		{"a nested call", addrs.Module{"outer", "api"}, emptyRoot, true, true, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			runner := callFromRoot{
				Runner: helper.TestRunner(t, map[string]string{"main.tf": module}),
				path:   tc.path,
				root:   helper.TestRunner(t, map[string]string{"main.tf": tc.root}),
			}
			g, err := LoadForCall(runner)
			if err != nil {
				t.Fatal(err)
			}
			for name, want := range map[string]bool{"exported": tc.exported, "through_a_local": tc.local, "kept": tc.kept} {
				if got := g.CallerMayAdd(g.Lookup("aws_api_gateway_rest_api."+name), RestAPIPolicy); got != want {
					t.Errorf("CallerMayAdd(%s) = %v, want %v", name, got, want)
				}
			}
		})
	}
	root, _ := LoadForCall(helper.TestRunner(t, map[string]string{"main.tf": module}))
	if root.CallerMayAdd(root.Lookup("aws_api_gateway_rest_api.exported"), RestAPIPolicy) {
		t.Error("CallerMayAdd in the root module = true")
	}
}
