package apigw

import "testing"

func TestUndeployed(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_rest_api" "bare" {}

resource "aws_api_gateway_method" "bare" {
  rest_api_id = aws_api_gateway_rest_api.bare.id
}

resource "aws_api_gateway_rest_api" "body" {
  body = jsonencode({ paths = { "/items" = { get = {} } } })
}

resource "aws_api_gateway_rest_api" "no_paths" {
  body = jsonencode({ paths = {} })
}

resource "aws_api_gateway_rest_api" "body_file" {
  body = file("openapi.yaml")
}

resource "aws_api_gateway_rest_api" "empty" {}

resource "aws_api_gateway_rest_api" "deployed" {}

resource "aws_api_gateway_method" "deployed" {
  rest_api_id = aws_api_gateway_rest_api.deployed.id
}

resource "aws_api_gateway_deployment" "deployed" {
  rest_api_id = aws_api_gateway_rest_api.deployed.id
}

resource "aws_api_gateway_rest_api" "none" {
  count = 0
}

resource "aws_api_gateway_method" "none" {
  rest_api_id = aws_api_gateway_rest_api.none[0].id
}

resource "aws_api_gateway_rest_api" "passed" {}

resource "aws_api_gateway_method" "passed" {
  rest_api_id = aws_api_gateway_rest_api.passed.id
}

module "deploy" {
  source = "./deploy"
  api_id = aws_api_gateway_rest_api.passed.id
}

resource "aws_apigatewayv2_api" "http" {}

resource "aws_apigatewayv2_route" "http" {
  api_id = aws_apigatewayv2_api.http.id
}

resource "aws_apigatewayv2_api" "quick" {
  target = "arn:aws:lambda:eu-west-1:123456789012:function:f"
}

resource "aws_apigatewayv2_api" "staged" {}

resource "aws_apigatewayv2_route" "staged" {
  api_id = aws_apigatewayv2_api.staged.id
}

resource "aws_apigatewayv2_stage" "staged" {
  api_id = aws_apigatewayv2_api.staged.id
}
`}), nil)
	for addr, want := range map[string]bool{
		"aws_api_gateway_rest_api.bare":      true,
		"aws_api_gateway_rest_api.body":      true,
		"aws_api_gateway_rest_api.empty":     false,
		"aws_api_gateway_rest_api.no_paths":  false,
		"aws_api_gateway_rest_api.body_file": true,
		"aws_api_gateway_rest_api.deployed":  false,
		"aws_api_gateway_rest_api.none":      false,
		"aws_api_gateway_rest_api.passed":    false,
		"aws_apigatewayv2_api.http":          true,
		"aws_apigatewayv2_api.quick":         false,
		"aws_apigatewayv2_api.staged":        false,
	} {
		if got := g.Undeployed(g.Lookup(addr).API); got != want {
			t.Errorf("Undeployed(%s) = %v, want %v", addr, got, want)
		}
	}
}

func TestUndeployedUnsureWhenAStageNamesAnAPIByExpression(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_rest_api" "a" {}

resource "aws_api_gateway_method" "a" {
  rest_api_id = aws_api_gateway_rest_api.a.id
}

resource "aws_api_gateway_stage" "s" {
  rest_api_id = local.api_id
}
`}), nil)
	if g.Undeployed(g.Lookup("aws_api_gateway_rest_api.a").API) {
		t.Error("reported although the stage may serve the API")
	}
}
