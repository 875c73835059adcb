package apigw

import "testing"

func TestDeploymentServedAndChainedIDs(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_rest_api" "a" {
  name = "a"
}
resource "aws_api_gateway_resource" "r" {
  rest_api_id = aws_api_gateway_rest_api.a.id
}
resource "aws_api_gateway_method" "chained" {
  rest_api_id = aws_api_gateway_resource.r.rest_api_id
}
resource "aws_api_gateway_deployment" "staged" {
  rest_api_id = aws_api_gateway_method.chained.rest_api_id
}
resource "aws_api_gateway_deployment" "inline" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  stage_name  = "dev"
}
resource "aws_api_gateway_deployment" "exported" {
  rest_api_id = aws_api_gateway_rest_api.a.id
}
resource "aws_api_gateway_deployment" "pipeline" {
  rest_api_id = aws_api_gateway_rest_api.a.id
}
resource "aws_api_gateway_deployment" "unused" {
  rest_api_id = aws_api_gateway_rest_api.a.id
}
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  deployment_id = aws_api_gateway_deployment.staged.id
}
resource "aws_api_gateway_stage" "ci" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  deployment_id = aws_api_gateway_deployment.pipeline.id
  lifecycle {
    ignore_changes = [deployment_id]
  }
}
output "id" {
  value = aws_api_gateway_deployment.exported.id
}
`}), nil)
	api := g.Lookup("aws_api_gateway_rest_api.a").API
	if m := g.Lookup("aws_api_gateway_method.chained"); m.API != api {
		t.Errorf("chained method belongs to %s", m.API.Key)
	}
	if d := g.Lookup("aws_api_gateway_deployment.staged"); d.API != api {
		t.Errorf("chained deployment belongs to %s", d.API.Key)
	}
	for name, want := range map[string]bool{"staged": true, "inline": true, "exported": true, "pipeline": false, "unused": false} {
		dep, _ := g.DeploymentOf(g.Lookup("aws_api_gateway_deployment." + name))
		if got := dep.Served(); got != want {
			t.Errorf("%s: Served() = %v, want %v", name, got, want)
		}
	}
	if !IgnoresChanges(g.Lookup("aws_api_gateway_stage.ci"), "deployment_id") || IgnoresChanges(g.Lookup("aws_api_gateway_stage.prod"), "deployment_id") {
		t.Error("ignore_changes misread")
	}
}
