package rules

import (
	"strings"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func notDeployed(addr, symptom string) string {
	return addr + " has no deployment_id and auto_deploy is off: nothing is ever deployed to it, so " + symptom
}

const httpAPIWithRoute = `resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "get" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /items"
}
`

func TestApigwV2StageNotDeployed(t *testing.T) {
	runRuleCases(t, NewApigwV2StageNotDeployedRule(), []ruleCase{
		{
			Name: "stage without deployment or auto_deploy gets auto_deploy",
			Content: httpAPIWithRoute + `
resource "aws_apigatewayv2_stage" "prod" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "prod"
}
`,
			Expected: helper.Issues{{Message: notDeployed("aws_apigatewayv2_stage.prod", "every route answers 404 Not Found"), Range: at(11, 1, 11, 41)}},
			Fixed: httpAPIWithRoute + `
resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "prod"
  auto_deploy = true
}
`,
		},
		{
			Name: "auto_deploy = false is turned on",
			Content: httpAPIWithRoute + `
resource "aws_apigatewayv2_stage" "prod" {
  for_each    = toset(["a", "b"])
  api_id      = aws_apigatewayv2_api.http.id
  name        = each.key
  auto_deploy = false
}
`,
			Expected: helper.Issues{{Message: notDeployed("aws_apigatewayv2_stage.prod", "every route answers 404 Not Found"), Range: at(11, 1, 11, 41)}},
			Fixed: httpAPIWithRoute + `
resource "aws_apigatewayv2_stage" "prod" {
  for_each    = toset(["a", "b"])
  api_id      = aws_apigatewayv2_api.http.id
  name        = each.key
  auto_deploy = true
}
`,
		},
		{
			Name: "a stage with a deployment, auto_deploy, or an unknown auto_deploy is left alone",
			Content: httpAPIWithRoute + `
variable "auto" {
  type = bool
}

resource "aws_apigatewayv2_stage" "a" {
  api_id        = aws_apigatewayv2_api.http.id
  name          = "a"
  deployment_id = aws_apigatewayv2_deployment.main.id
}

resource "aws_apigatewayv2_stage" "b" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "b"
  auto_deploy = true
}

resource "aws_apigatewayv2_stage" "c" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "c"
  auto_deploy = var.auto
}
`,
		},
		{
			Name: "a variable's default is used",
			Content: httpAPIWithRoute + `
variable "auto" {
  type    = bool
  default = false
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "prod"
  auto_deploy = var.auto
}
`,
			Expected: helper.Issues{{Message: notDeployed("aws_apigatewayv2_stage.prod", "every route answers 404 Not Found"), Range: at(16, 1, 16, 41)}},
			Fixed: httpAPIWithRoute + `
variable "auto" {
  type    = bool
  default = false
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "prod"
  auto_deploy = true
}
`,
		},
		{
			Name: "an API without routes has nothing to deploy",
			Content: `resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "prod"
}
`,
		},
		{
			Name: "WebSocket APIs do not take auto_deploy: reported without a fix",
			Content: `resource "aws_apigatewayv2_api" "ws" {
  name                       = "ws"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_route" "connect" {
  api_id    = aws_apigatewayv2_api.ws.id
  route_key = "$connect"
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id = aws_apigatewayv2_api.ws.id
  name   = "prod"
}
`,
			Expected: helper.Issues{{Message: notDeployed("aws_apigatewayv2_stage.prod", "no route is live on it and connections fail"), Range: at(12, 1, 12, 41)}},
		},
		{
			Name: "API id from a variable: the protocol is unknown, so no fix",
			Content: `resource "aws_apigatewayv2_route" "get" {
  api_id    = var.api_id
  route_key = "GET /items"
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id = var.api_id
  name   = "prod"
}
`,
			Expected: helper.Issues{{Message: notDeployed("aws_apigatewayv2_stage.prod", "no route is live on it"), Range: at(6, 1, 6, 41)}},
		},
		{
			Name: "API from a data source: silence",
			Content: `resource "aws_apigatewayv2_route" "get" {
  api_id    = data.aws_apigatewayv2_api.shared.id
  route_key = "GET /items"
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id = data.aws_apigatewayv2_api.shared.id
  name   = "prod"
}
`,
		},
		{
			Name: "a quick-create API has routes from its target",
			Content: `resource "aws_apigatewayv2_api" "quick" {
  name          = "quick"
  protocol_type = "HTTP"
  target        = aws_lambda_function.app.arn
}

resource "aws_apigatewayv2_stage" "prod" { api_id = aws_apigatewayv2_api.quick.id }
`,
			Expected: helper.Issues{{Message: notDeployed("aws_apigatewayv2_stage.prod", "every route answers 404 Not Found"), Range: at(7, 1, 7, 41)}},
			Fixed: `resource "aws_apigatewayv2_api" "quick" {
  name          = "quick"
  protocol_type = "HTTP"
  target        = aws_lambda_function.app.arn
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.quick.id
  auto_deploy = true
}
`,
		},
		{
			Name: "a stage never created, or an API whose only route is never created, is left alone",
			Content: httpAPIWithRoute + `
resource "aws_apigatewayv2_stage" "off" {
  count  = 0
  api_id = aws_apigatewayv2_api.http.id
  name   = "off"
}

resource "aws_apigatewayv2_api" "legacy" {
  name          = "legacy"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "legacy" {
  count     = 0
  api_id    = aws_apigatewayv2_api.legacy.id
  route_key = "GET /items"
}

resource "aws_apigatewayv2_stage" "legacy" {
  api_id = aws_apigatewayv2_api.legacy.id
  name   = "legacy"
}
`,
		},
	})
}

func TestApigwV2StageNotDeployedInModuleCalls(t *testing.T) {
	stage := func(auto string) string {
		return httpAPIWithRoute + `
variable "auto_deploy" {
  default = false
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "prod"
  auto_deploy = ` + auto + `
}
`
	}
	runCallCases(t, NewApigwV2StageNotDeployedRule(), []ruleCase{
		{
			Name:    "the caller's false is reported at the argument",
			Content: stage("var.auto_deploy"),
			Expected: helper.Issues{{
				Message: "module.internal_api: auto_deploy = false makes aws_apigatewayv2_stage.prod a stage with neither auto_deploy nor a deployment_id: nothing is ever deployed to it, so every route answers 404 Not Found",
				Range:   at(18, 17, 18, 32),
			}},
		},
		{Name: "the module's own false is left to --recursive", Content: stage("false")},
		{Name: "the caller's true: silence", Content: strings.Replace(stage("var.auto_deploy"), "default = false", "default = true", 1)},
	})
}
