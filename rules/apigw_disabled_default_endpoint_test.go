package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func disabledEndpoint(addr, mapping string) string {
	return addr + " disables its execute-api endpoint and no custom domain maps it (no " + mapping + " names it): every call answers 403 Forbidden {\"message\":\"Forbidden\"}"
}

func TestApigwDisabledDefaultEndpoint(t *testing.T) {
	runRuleCases(t, NewApigwDisabledDefaultEndpointRule(), []ruleCase{
		{
			Name: "REST and HTTP APIs without a mapping",
			Content: `resource "aws_api_gateway_rest_api" "orders" {
  name                         = "orders"
  disable_execute_api_endpoint = true
}

resource "aws_apigatewayv2_api" "http" {
  name                         = "http"
  protocol_type                = "HTTP"
  disable_execute_api_endpoint = true
}
`,
			Expected: helper.Issues{
				{Message: disabledEndpoint("aws_api_gateway_rest_api.orders", "aws_api_gateway_base_path_mapping"), Range: at(3, 3, 3, 38)},
				{Message: disabledEndpoint("aws_apigatewayv2_api.http", "aws_apigatewayv2_api_mapping"), Range: at(9, 3, 9, 38)},
			},
		},
		{
			Name: "mapped APIs: a base path mapping by api_id, an API mapping, a REST API on an API mapping",
			Content: `resource "aws_api_gateway_rest_api" "orders" {
  name                         = "orders"
  disable_execute_api_endpoint = true
}

resource "aws_api_gateway_rest_api" "billing" {
  name                         = "billing"
  disable_execute_api_endpoint = true
}

resource "aws_apigatewayv2_api" "http" {
  name                         = "http"
  protocol_type                = "HTTP"
  disable_execute_api_endpoint = true
}

resource "aws_api_gateway_base_path_mapping" "orders" {
  api_id      = aws_api_gateway_rest_api.orders.id
  stage_name  = "prod"
  domain_name = aws_api_gateway_domain_name.api.domain_name
}

resource "aws_apigatewayv2_api_mapping" "billing" {
  api_id      = aws_api_gateway_rest_api.billing.id
  domain_name = aws_apigatewayv2_domain_name.api.id
  stage       = "prod"
}

resource "aws_apigatewayv2_api_mapping" "http" {
  api_id      = aws_apigatewayv2_api.http.id
  domain_name = aws_apigatewayv2_domain_name.api.id
  stage       = "$default"
}
`,
		},
		{
			Name: "endpoint enabled, unset, or from a variable without default",
			Content: `variable "disable" {
  type = bool
}

resource "aws_api_gateway_rest_api" "a" {
  name                         = "a"
  disable_execute_api_endpoint = false
}

resource "aws_api_gateway_rest_api" "b" {
  name = "b"
}

resource "aws_api_gateway_rest_api" "c" {
  name                         = "c"
  disable_execute_api_endpoint = var.disable
}
`,
		},
		{
			Name: "a variable's default disables it",
			Content: `variable "disable" {
  type    = bool
  default = true
}

resource "aws_api_gateway_rest_api" "a" {
  count                        = 2
  name                         = "a"
  disable_execute_api_endpoint = var.disable
}
`,
			Expected: helper.Issues{{Message: disabledEndpoint("aws_api_gateway_rest_api.a", "aws_api_gateway_base_path_mapping"), Range: at(9, 3, 9, 45)}},
		},
		{
			Name: "a mapping whose API comes from a variable, or a module handed the API: it may be mapped",
			Content: `resource "aws_api_gateway_rest_api" "a" {
  name                         = "a"
  disable_execute_api_endpoint = true
}

resource "aws_apigatewayv2_api" "b" {
  name                         = "b"
  protocol_type                = "HTTP"
  disable_execute_api_endpoint = true
}

resource "aws_api_gateway_base_path_mapping" "any" {
  api_id      = var.api_id
  domain_name = "api.example.com"
}

module "domain" {
  source = "./domain"
  api_id = aws_apigatewayv2_api.b.id
}
`,
		},
		{
			Name: "JSON syntax",
			Files: map[string]string{"api.tf.json": `{
  "resource": {
    "aws_api_gateway_rest_api": {
      "orders": {
        "name": "orders",
        "disable_execute_api_endpoint": true
      }
    }
  }
}`},
			Content:  ``,
			Expected: helper.Issues{{Message: disabledEndpoint("aws_api_gateway_rest_api.orders", "aws_api_gateway_base_path_mapping"), Range: atFile("api.tf.json", 6, 9, 6, 45)}},
		},
	})
}
