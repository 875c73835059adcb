package rules

import (
	"strings"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const qualifierAPI = `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_api_gateway_integration" "get" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  resource_id             = aws_api_gateway_rest_api.main.root_resource_id
  http_method             = "GET"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = URI
}

resource "aws_lambda_function" "app" {
  function_name = "orders"
  publish       = true
}

resource "aws_lambda_alias" "live" {
  function_name    = aws_lambda_function.app.function_name
  function_version = aws_lambda_function.app.version
  name             = "live"
}
`

func qualifierModule(uri, rest string) string {
	return strings.Replace(qualifierAPI, "URI", uri, 1) + rest
}

const unqualifiedPermission = `
resource "aws_lambda_permission" "api" {
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.main.execution_arn}/*/*"
}
`

func qualifierGap(uses, target, perms string) string {
	return uses + " invokes aws_lambda_function.app through " + target + ", but no aws_lambda_permission names that qualifier (" + perms + "): a permission covers only the version or alias it names, so " + invalidPerm
}

func TestApigwLambdaPermissionQualifier(t *testing.T) {
	runRuleCases(t, NewApigwLambdaPermissionQualifierRule(), []ruleCase{
		{
			Name:     "an alias call with an unqualified permission gets the alias as qualifier",
			Content:  qualifierModule("aws_lambda_alias.live.invoke_arn", unqualifiedPermission),
			Expected: helper.Issues{{Message: qualifierGap("aws_api_gateway_integration.get (GET /)", "alias aws_lambda_alias.live", "aws_lambda_permission.api is for the unqualified function"), Range: at(25, 1, 25, 39)}},
			Fixed: qualifierModule("aws_lambda_alias.live.invoke_arn", `
resource "aws_lambda_permission" "api" {
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.main.execution_arn}/*/*"
  qualifier     = aws_lambda_alias.live.name
}
`),
		},
		{
			Name:     "a literal qualifier naming the alias is fixed the same way",
			Content:  qualifierModule(`"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${aws_lambda_function.app.arn}:live/invocations"`, unqualifiedPermission),
			Expected: helper.Issues{{Message: qualifierGap("aws_api_gateway_integration.get (GET /)", `qualifier "live"`, "aws_lambda_permission.api is for the unqualified function"), Range: at(25, 1, 25, 39)}},
			Fixed: qualifierModule(`"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${aws_lambda_function.app.arn}:live/invocations"`, `
resource "aws_lambda_permission" "api" {
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.main.execution_arn}/*/*"
  qualifier     = aws_lambda_alias.live.name
}
`),
		},
		{
			Name:     "a published version is reported without a fix",
			Content:  qualifierModule("aws_lambda_function.app.qualified_invoke_arn", unqualifiedPermission),
			Expected: helper.Issues{{Message: qualifierGap("aws_api_gateway_integration.get (GET /)", "its published version", "aws_lambda_permission.api is for the unqualified function"), Range: at(25, 1, 25, 39)}},
		},
		{
			Name: "each stage's value of the stage variable needs its permission",
			Content: qualifierModule(`"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${aws_lambda_function.app.arn}:$${stageVariables.alias}/invocations"`, `
resource "aws_api_gateway_stage" "prod" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = "prod"
  variables   = { alias = "live" }
}

resource "aws_api_gateway_stage" "dev" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = "dev"
  variables = {
    alias = "dev"
  }
}

variable "vars" {}

resource "aws_api_gateway_stage" "unknown" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = "unknown"
  variables   = var.vars
}

resource "aws_lambda_permission" "live" {
  function_name = aws_lambda_function.app.function_name
  qualifier     = aws_lambda_alias.live.name
  principal     = "apigateway.amazonaws.com"
}
`),
			Expected: helper.Issues{{Message: qualifierGap("aws_api_gateway_integration.get (GET /) on aws_api_gateway_stage.dev", `qualifier "dev"`, "aws_lambda_permission.live is for alias aws_lambda_alias.live"), Range: at(47, 1, 47, 40)}},
		},
		{
			Name:     "the reverse: an unqualified call with only an alias permission",
			Content:  qualifierModule("aws_lambda_function.app.invoke_arn", "\nresource \"aws_lambda_permission\" \"live\" {\n  function_name = aws_lambda_function.app.function_name\n  qualifier     = \"live\"\n}\n"),
			Expected: helper.Issues{{Message: qualifierGap("aws_api_gateway_integration.get (GET /)", "the unqualified function", `aws_lambda_permission.live is for qualifier "live"`), Range: at(25, 1, 25, 40)}},
		},
		{
			Name: "no fix when the unqualified function is called too, or the alias has count",
			Content: qualifierModule("aws_lambda_alias.live.invoke_arn", unqualifiedPermission) + `
resource "aws_api_gateway_integration" "post" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  resource_id             = aws_api_gateway_rest_api.main.root_resource_id
  http_method             = "POST"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.app.invoke_arn
}

resource "aws_lambda_function" "counted" {
  function_name = "counted"
}

resource "aws_lambda_alias" "canary" {
  count         = 1
  function_name = aws_lambda_function.counted.function_name
  name          = "canary"
}

resource "aws_api_gateway_integration" "canary" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  resource_id = aws_api_gateway_rest_api.main.root_resource_id
  http_method = "PUT"
  uri         = aws_lambda_alias.canary[0].invoke_arn
}

resource "aws_lambda_permission" "counted" {
  function_name = aws_lambda_function.counted.function_name
}
`,
			Expected: helper.Issues{
				{Message: qualifierGap("aws_api_gateway_integration.get (GET /)", "alias aws_lambda_alias.live", "aws_lambda_permission.api is for the unqualified function"), Range: at(25, 1, 25, 39)},
				{Message: "aws_api_gateway_integration.canary (PUT /) invokes aws_lambda_function.counted through alias aws_lambda_alias.canary, but no aws_lambda_permission names that qualifier (aws_lambda_permission.counted is for the unqualified function): a permission covers only the version or alias it names, so " + invalidPerm, Range: at(57, 1, 57, 43)},
			},
		},
		{
			Name:     "a published version without any permission is reported here, not by apigw_lambda_permission",
			Content:  qualifierModule("aws_lambda_function.app.qualified_invoke_arn", ""),
			Expected: helper.Issues{{Message: qualifierGap("aws_api_gateway_integration.get (GET /)", "its published version", "the function has none"), Range: at(11, 3, 11, 73)}},
		},
		{
			Name: "silent: matching qualifiers, unknown ones, no permission at all, a role, a data source",
			Content: qualifierModule("aws_lambda_alias.live.invoke_arn", `
resource "aws_lambda_permission" "live" {
  function_name = aws_lambda_function.app.function_name
  qualifier     = "live"
}

variable "qualifier" {}
variable "function" {}

resource "aws_lambda_function" "other" {
  function_name = "other"
}

resource "aws_lambda_alias" "other" {
  for_each      = toset(["blue"])
  function_name = aws_lambda_function.other.function_name
  name          = each.key
}

resource "aws_api_gateway_integration" "other" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  uri         = aws_lambda_alias.other["blue"].invoke_arn
}

resource "aws_lambda_permission" "other" {
  function_name = aws_lambda_function.other.function_name
  qualifier     = var.qualifier
}

resource "aws_lambda_function" "none" {
  function_name = "none"
}

resource "aws_lambda_alias" "none" {
  function_name = aws_lambda_function.none.function_name
  name          = "live"
}

resource "aws_api_gateway_integration" "none" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  uri         = aws_lambda_alias.none.invoke_arn
}

resource "aws_api_gateway_integration" "role" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  uri         = aws_lambda_function.app.invoke_arn
  credentials = aws_iam_role.gateway.arn
}

resource "aws_api_gateway_integration" "data" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  uri         = data.aws_lambda_alias.shared.invoke_arn
}

resource "aws_api_gateway_integration" "version_var" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  uri         = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${aws_lambda_function.app.arn}:${var.qualifier}/invocations"
}
`),
		},
	})
}
