package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func wrongMethod(integration, fn, method string) string {
	return integration + " invokes " + fn + ` with integration_http_method "` + method + `", but Lambda's Invoke API takes only POST: every call answers 500 Internal server error ("Lambda invocation failed with status: 403" and "Execution failed due to configuration error" in the execution log)`
}

const lambdaAPI = `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_lambda_function" "app" {
  function_name = "orders"
}
`

func TestApigwLambdaIntegrationMethod(t *testing.T) {
	runRuleCases(t, NewApigwLambdaIntegrationMethodRule(), []ruleCase{
		{
			Name: "GET to Lambda becomes POST",
			Content: lambdaAPI + `
resource "aws_api_gateway_integration" "get" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  resource_id             = aws_api_gateway_rest_api.main.root_resource_id
  http_method             = "GET"
  type                    = "AWS_PROXY"
  integration_http_method = "GET"
  uri                     = aws_lambda_function.app.invoke_arn
}
`,
			Expected: helper.Issues{{Message: wrongMethod("aws_api_gateway_integration.get", "aws_lambda_function.app", "GET"), Range: at(14, 3, 14, 34)}},
			Fixed: lambdaAPI + `
resource "aws_api_gateway_integration" "get" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  resource_id             = aws_api_gateway_rest_api.main.root_resource_id
  http_method             = "GET"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.app.invoke_arn
}
`,
		},
		{
			Name: "a missing integration_http_method is added",
			Content: lambdaAPI + `
resource "aws_api_gateway_integration" "get" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  resource_id = aws_api_gateway_rest_api.main.root_resource_id
  http_method = "GET"
  type        = "AWS"
  uri         = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/${aws_lambda_function.app.arn}/invocations"
}
`,
			Expected: helper.Issues{{Message: "aws_api_gateway_integration.get invokes aws_lambda_function.app without integration_http_method: terraform apply fails, as AWS and AWS_PROXY integrations require it, and Lambda's Invoke API takes only POST", Range: at(9, 1, 9, 45)}},
			Fixed: lambdaAPI + `
resource "aws_api_gateway_integration" "get" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  resource_id             = aws_api_gateway_rest_api.main.root_resource_id
  http_method             = "GET"
  type                    = "AWS"
  uri                     = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/${aws_lambda_function.app.arn}/invocations"
  integration_http_method = "POST"
}
`,
		},
		{
			Name: "POST, unknown methods, other integration types and unknown URIs are left alone",
			Content: lambdaAPI + `
variable "method" {
  type = string
}

resource "aws_api_gateway_integration" "post" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.app.invoke_arn
}

resource "aws_api_gateway_integration" "variable" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  type                    = "AWS_PROXY"
  integration_http_method = var.method
  uri                     = aws_lambda_function.app.invoke_arn
}

resource "aws_api_gateway_integration" "http" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  type                    = "HTTP_PROXY"
  integration_http_method = "GET"
  uri                     = "https://example.com/{proxy}"
}

resource "aws_api_gateway_integration" "module" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  type                    = "AWS_PROXY"
  integration_http_method = "GET"
  uri                     = module.fn.invoke_arn
}

resource "aws_api_gateway_integration" "unknown_type" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  type                    = var.type
  integration_http_method = "GET"
  uri                     = aws_lambda_function.app.invoke_arn
}
`,
		},
		{
			Name: "a variable's default, count, and a data source function",
			Content: lambdaAPI + `
variable "method" {
  default = "ANY"
}

resource "aws_api_gateway_integration" "all" {
  count                   = 2
  rest_api_id             = aws_api_gateway_rest_api.main.id
  type                    = "AWS_PROXY"
  integration_http_method = var.method
  uri                     = data.aws_lambda_function.shared.invoke_arn
}
`,
			Expected: helper.Issues{{Message: wrongMethod("aws_api_gateway_integration.all", "a Lambda function", "ANY"), Range: at(17, 3, 17, 39)}},
			Fixed: lambdaAPI + `
variable "method" {
  default = "ANY"
}

resource "aws_api_gateway_integration" "all" {
  count                   = 2
  rest_api_id             = aws_api_gateway_rest_api.main.id
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = data.aws_lambda_function.shared.invoke_arn
}
`,
		},
		{
			Name:    "JSON syntax: reported without a fix",
			Content: lambdaAPI,
			Files: map[string]string{"api.tf.json": `{"resource": {"aws_api_gateway_integration": {"get": {
  "rest_api_id": "${aws_api_gateway_rest_api.main.id}",
  "type": "AWS_PROXY",
  "integration_http_method": "PUT",
  "uri": "${aws_lambda_alias.live.invoke_arn}"
}}}}`},
			Expected: helper.Issues{{Message: wrongMethod("aws_api_gateway_integration.get", "a Lambda function", "PUT"), Range: atFile("api.tf.json", 4, 3, 4, 35)}},
		},
	})
}
