package apigw

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
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
	dep, _ := g.DeploymentOf(g.Lookup("aws_api_gateway_deployment.a"))
	if got := addresses(dep.StagesServing()); !equal(got, []string{"aws_api_gateway_stage.a"}) {
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
