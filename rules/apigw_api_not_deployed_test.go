package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func TestApigwAPINotDeployed(t *testing.T) {
	restMsg := "aws_api_gateway_rest_api.orders has methods but no aws_api_gateway_deployment and no aws_api_gateway_stage: no URL serves it, and callers get 403 Forbidden"
	restAPI := `
resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}
`
	runRuleCases(t, NewApigwAPINotDeployedRule(), []ruleCase{
		{
			Name:     "a REST API with methods and nothing that deploys it, in a root",
			Content:  awsProvider + restAPI,
			Expected: helper.Issues{{Message: restMsg, Range: at(5, 1, 5, 45)}},
		},
		{
			Name: "a backend makes the folder a root; HTTP and WebSocket APIs with routes and no stage",
			Content: "terraform {\n  backend \"s3\" {}\n}\n" + `
resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "get" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /items"
}

resource "aws_apigatewayv2_api" "ws" {
  name                       = "ws"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_route" "connect" {
  for_each  = toset(["$connect", "$default"])
  api_id    = aws_apigatewayv2_api.ws.id
  route_key = each.key
}
`,
			Expected: helper.Issues{
				{Message: "aws_apigatewayv2_api.http has routes but no aws_apigatewayv2_stage: no URL serves it, and callers get 404 Not Found", Range: at(5, 1, 5, 39)},
				{Message: "aws_apigatewayv2_api.ws has routes but no aws_apigatewayv2_stage: no URL serves it, and WebSocket connections fail", Range: at(15, 1, 15, 37)},
			},
		},
		{
			Name:    "a module folder: the caller may deploy it",
			Content: restAPI,
		},
		{
			Name: "deployed, staged, quick-created, empty or passed to a module",
			Content: awsProvider + restAPI + `
resource "aws_api_gateway_deployment" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
}

resource "aws_apigatewayv2_api" "quick" {
  name          = "quick"
  protocol_type = "HTTP"
  target        = aws_lambda_function.app.arn
}

resource "aws_apigatewayv2_api" "staged" {
  name          = "staged"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "staged" {
  api_id    = aws_apigatewayv2_api.staged.id
  route_key = "GET /"
}

resource "aws_apigatewayv2_stage" "staged" {
  api_id      = aws_apigatewayv2_api.staged.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_api_gateway_rest_api" "empty" {
  name = "empty"
}

resource "aws_api_gateway_rest_api" "shared" {
  name = "shared"
}

resource "aws_api_gateway_method" "shared" {
  rest_api_id = aws_api_gateway_rest_api.shared.id
  http_method = "GET"
}

module "stage" {
  source      = "./stage"
  rest_api_id = aws_api_gateway_rest_api.shared.id
}
`,
		},
		{
			Name: "unknown values: APIs from variables and data sources, a stage whose API is a variable",
			Content: awsProvider + `
variable "api_id" {
  type = string
}

resource "aws_api_gateway_method" "get" {
  rest_api_id = var.api_id
  http_method = "GET"
}

resource "aws_api_gateway_method" "data" {
  rest_api_id = data.aws_api_gateway_rest_api.shared.id
  http_method = "GET"
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "get" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /items"
}

resource "aws_apigatewayv2_stage" "maybe" {
  api_id = var.api_id
  name   = "$default"
}
`,
		},
		{
			Name: "count: an API that never exists; a body with paths",
			Content: awsProvider + `
resource "aws_api_gateway_rest_api" "off" {
  count = 0
  name  = "off"
}

resource "aws_api_gateway_method" "off" {
  count       = 0
  rest_api_id = aws_api_gateway_rest_api.off[0].id
  http_method = "GET"
}

resource "aws_api_gateway_rest_api" "orders" {
  body = jsonencode({
    openapi = "3.0.1"
    paths   = { "/items" = { get = {} } }
  })
}
`,
			Expected: helper.Issues{{Message: restMsg, Range: at(16, 1, 16, 45)}},
		},
	})
}
