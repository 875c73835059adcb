package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func kindMismatch(method, authorization, authorizer, kind string) string {
	return method + " has authorization \"" + authorization + "\", but its authorizer " + authorizer + " is a " + kind + " authorizer, a pair API Gateway does not accept: terraform apply fails with BadRequestException (Invalid authorizer ID specified), or calls to the method are refused"
}

const typeMismatchAuthorizers = `resource "aws_api_gateway_authorizer" "cognito" {
  rest_api_id   = "abc"
  name          = "cognito"
  type          = "COGNITO_USER_POOLS"
  provider_arns = [aws_cognito_user_pool.users.arn]
}

resource "aws_api_gateway_authorizer" "lambda" {
  count          = 1
  rest_api_id    = "abc"
  name           = "lambda"
  authorizer_uri = aws_lambda_function.auth.invoke_arn
}
`

func TestApigwAuthorizerTypeMismatch(t *testing.T) {
	runRuleCases(t, NewApigwAuthorizerTypeMismatchRule(), []ruleCase{
		{
			Name: "CUSTOM with a Cognito authorizer becomes COGNITO_USER_POOLS",
			Content: typeMismatchAuthorizers + `
resource "aws_api_gateway_method" "get" {
  for_each      = toset(["a", "b"])
  rest_api_id   = "abc"
  resource_id   = each.key
  http_method   = "GET"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.cognito.id
}
`,
			Expected: helper.Issues{{Message: kindMismatch("aws_api_gateway_method.get", "CUSTOM", "aws_api_gateway_authorizer.cognito", "COGNITO_USER_POOLS"), Range: at(20, 3, 20, 27)}},
			Fixed: typeMismatchAuthorizers + `
resource "aws_api_gateway_method" "get" {
  for_each      = toset(["a", "b"])
  rest_api_id   = "abc"
  resource_id   = each.key
  http_method   = "GET"
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = aws_api_gateway_authorizer.cognito.id
}
`,
		},
		{
			Name: "COGNITO_USER_POOLS with a Lambda authorizer (type unset is TOKEN) becomes CUSTOM",
			Content: typeMismatchAuthorizers + `
resource "aws_api_gateway_method" "get" {
  rest_api_id   = "abc"
  resource_id   = "def"
  http_method   = "GET"
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = aws_api_gateway_authorizer.lambda[0].id
}
`,
			Expected: helper.Issues{{Message: kindMismatch("aws_api_gateway_method.get", "COGNITO_USER_POOLS", "aws_api_gateway_authorizer.lambda", "TOKEN"), Range: at(19, 3, 19, 39)}},
			Fixed: typeMismatchAuthorizers + `
resource "aws_api_gateway_method" "get" {
  rest_api_id   = "abc"
  resource_id   = "def"
  http_method   = "GET"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.lambda[0].id
}
`,
		},
		{
			Name: "no fix when the method's scopes would stop being checked",
			Content: typeMismatchAuthorizers + `
resource "aws_api_gateway_method" "get" {
  rest_api_id          = "abc"
  resource_id          = "def"
  http_method          = "GET"
  authorization        = "COGNITO_USER_POOLS"
  authorizer_id        = aws_api_gateway_authorizer.lambda[0].id
  authorization_scopes = ["orders/read"]
}
`,
			Expected: helper.Issues{{Message: kindMismatch("aws_api_gateway_method.get", "COGNITO_USER_POOLS", "aws_api_gateway_authorizer.lambda", "TOKEN"), Range: at(19, 3, 19, 46)}},
		},
		{
			Name: "silent: matching kinds, unknown types or authorizers, no authorizer",
			Content: typeMismatchAuthorizers + `
variable "type" {}
variable "authorizer_id" {}

resource "aws_api_gateway_authorizer" "unknown" {
  rest_api_id = "abc"
  name        = "unknown"
  type        = var.type
}

resource "aws_api_gateway_method" "cognito" {
  rest_api_id   = "abc"
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = aws_api_gateway_authorizer.cognito.id
}

resource "aws_api_gateway_method" "lambda" {
  rest_api_id   = "abc"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.lambda[0].id
}

resource "aws_api_gateway_method" "unknown_type" {
  rest_api_id   = "abc"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.unknown.id
}

resource "aws_api_gateway_method" "unknown_authorizer" {
  rest_api_id   = "abc"
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = var.authorizer_id
}

resource "aws_api_gateway_method" "iam" {
  rest_api_id   = "abc"
  authorization = "AWS_IAM"
  authorizer_id = aws_api_gateway_authorizer.cognito.id
}

resource "aws_api_gateway_method" "variable" {
  rest_api_id   = "abc"
  authorization = var.type
  authorizer_id = aws_api_gateway_authorizer.cognito.id
}
`,
		},
	})
}
