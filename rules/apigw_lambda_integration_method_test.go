package rules

import (
	"strings"
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

func TestApigwLambdaIntegrationMethodInModuleCalls(t *testing.T) {
	route := func(typ, verb string) string {
		return lambdaAPI + `
variable "type" {
  default = "AWS_PROXY"
}
variable "verb" {
  default = "GET"
}
variable "unknown" {}

resource "aws_api_gateway_integration" "this" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  resource_id             = aws_api_gateway_rest_api.main.root_resource_id
  http_method             = "GET"
  type                    = ` + typ + `
  integration_http_method = ` + verb + `
  uri                     = aws_lambda_function.app.invoke_arn
}
`
	}
	viaVerb := `module.internal_api: verb = "GET" makes aws_api_gateway_integration.this, an AWS_PROXY integration, invoke aws_lambda_function.app with "GET", but Lambda's Invoke API takes only POST: every call answers 500 Internal server error ("Lambda invocation failed with status: 403" and "Execution failed due to configuration error" in the execution log)`
	runCallCases(t, NewApigwLambdaIntegrationMethodRule(), []ruleCase{
		{
			Name:     "the caller's verb is reported at the argument",
			Content:  route(`"AWS_PROXY"`, "var.verb"),
			Expected: helper.Issues{{Message: viaVerb, Range: at(22, 29, 22, 37)}},
		},
		{
			Name:     "both from the caller: the verb leads",
			Content:  route("var.type", "var.verb"),
			Expected: helper.Issues{{Message: viaVerb, Range: at(22, 29, 22, 37)}},
		},
		{
			Name:    "the module's GET, the caller's type: reported at the type",
			Content: route("var.type", `"GET"`),
			Expected: helper.Issues{{
				Message: `module.internal_api: type = "AWS_PROXY" makes aws_api_gateway_integration.this, an AWS_PROXY integration, invoke aws_lambda_function.app with "GET", but Lambda's Invoke API takes only POST: every call answers 500 Internal server error ("Lambda invocation failed with status: 403" and "Execution failed due to configuration error" in the execution log)`,
				Range:   at(21, 29, 21, 37),
			}},
		},
		{Name: "the module's own GET is left to --recursive", Content: route(`"AWS_PROXY"`, `"GET"`)},
		{Name: "an unknown verb: silence", Content: route(`"AWS_PROXY"`, "var.unknown")},
		{Name: "the caller's POST: silence", Content: strings.Replace(route(`"AWS_PROXY"`, "var.verb"), `default = "GET"`, `default = "POST"`, 1)},
		{Name: "the caller's HTTP_PROXY type: silence", Content: strings.Replace(route("var.type", `"GET"`), `default = "AWS_PROXY"`, `default = "HTTP_PROXY"`, 1)},
	})
}
