package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func authorizerSourceAPI(source string) string {
	return `resource "aws_api_gateway_rest_api" "main" {
  name           = "main"
  api_key_source = ` + source + `
}
`
}

func keyMethod(name, authorization, required string) string {
	return `
resource "aws_api_gateway_method" "` + name + `" {
  rest_api_id      = aws_api_gateway_rest_api.main.id
  resource_id      = aws_api_gateway_rest_api.main.root_resource_id
  http_method      = "GET"
  authorization    = ` + authorization + `
  api_key_required = ` + required + `
}
`
}

func sourceMessage(method, auth string) string {
	return "aws_api_gateway_method." + method + ` requires an API key but has authorization = "` + auth + `", while aws_api_gateway_rest_api.main takes keys only from a Lambda authorizer (api_key_source = "AUTHORIZER"): no Lambda authorizer runs for this method to supply the key, so every call answers 403 Forbidden, even with an x-api-key header`
}

func TestApigwAPIKeySourceAuthorizer(t *testing.T) {
	runRuleCases(t, NewApigwAPIKeySourceAuthorizerRule(), []ruleCase{
		{
			Name: "NONE and COGNITO_USER_POOLS methods get no key",
			Content: authorizerSourceAPI(`"AUTHORIZER"`) +
				keyMethod("open", `"NONE"`, "true") +
				keyMethod("cognito", `"COGNITO_USER_POOLS"`, "true"),
			Expected: helper.Issues{
				{Message: sourceMessage("open", "NONE"), Range: at(10, 3, 10, 28)},
				{Message: sourceMessage("cognito", "COGNITO_USER_POOLS"), Range: at(18, 3, 18, 42)},
			},
		},
		{
			Name: "CUSTOM methods, methods without a key, unknown values",
			Content: `variable "auth" {
  type = string
}

` + authorizerSourceAPI(`"AUTHORIZER"`) +
				keyMethod("custom", `"CUSTOM"`, "true") +
				keyMethod("no_key", `"NONE"`, "false") +
				keyMethod("unknown", "var.auth", "true") +
				keyMethod("unknown_key", `"NONE"`, "var.required"),
		},
		{
			Name:    "the header source",
			Content: authorizerSourceAPI(`"HEADER"`) + keyMethod("open", `"NONE"`, "true"),
		},
		{
			Name:    "an unknown source",
			Content: authorizerSourceAPI(`var.source`) + keyMethod("open", `"NONE"`, "true"),
		},
		{
			Name: "a variable's default is known",
			Content: `variable "source" {
  type    = string
  default = "AUTHORIZER"
}

` + authorizerSourceAPI(`var.source`) + keyMethod("open", `"NONE"`, "true"),
			Expected: helper.Issues{{Message: sourceMessage("open", "NONE"), Range: at(15, 3, 15, 28)}},
		},
		{
			Name:    "JSON syntax",
			Content: authorizerSourceAPI(`"AUTHORIZER"`),
			Files: map[string]string{"m.tf.json": `{"resource": {"aws_api_gateway_method": {"open": {
  "rest_api_id": "${aws_api_gateway_rest_api.main.id}",
  "authorization": "NONE",
  "api_key_required": true
}}}}`},
			Expected: helper.Issues{{Message: sourceMessage("open", "NONE"), Range: atFile("m.tf.json", 3, 3, 3, 26)}},
		},
	})
}
