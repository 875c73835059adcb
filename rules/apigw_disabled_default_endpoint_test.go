package rules

import (
	"strings"
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

func TestApigwDisabledDefaultEndpointInModuleCalls(t *testing.T) {
	api := func(disable string) string {
		return `variable "disable_default_endpoint" {
  default = true
}

resource "aws_apigatewayv2_api" "this" {
  name                         = "http"
  protocol_type                = "HTTP"
  disable_execute_api_endpoint = ` + disable + `
}
`
	}
	runCallCases(t, NewApigwDisabledDefaultEndpointRule(), []ruleCase{
		{
			Name:    "the caller's true is reported at the argument",
			Content: api("var.disable_default_endpoint"),
			Expected: helper.Issues{{
				Message: `module.internal_api: disable_default_endpoint = true makes aws_apigatewayv2_api.this disable its execute-api endpoint, and no custom domain maps it (no aws_apigatewayv2_api_mapping names it): every call answers 403 Forbidden {"message":"Forbidden"}`,
				Range:   at(8, 34, 8, 62),
			}},
		},
		{Name: "the module's own true is left to --recursive", Content: api("true")},
		{Name: "the caller's false: silence", Content: strings.Replace(api("var.disable_default_endpoint"), "default = true", "default = false", 1)},
		{
			Name: "the module maps it: silence",
			Content: api("var.disable_default_endpoint") + `
resource "aws_apigatewayv2_api_mapping" "this" {
  api_id      = aws_apigatewayv2_api.this.id
  domain_name = "api.example.com"
  stage       = "$default"
}
`,
		},
	})
}
