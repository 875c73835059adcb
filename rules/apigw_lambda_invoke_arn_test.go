package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func bareARN(node, attr, ref string) string {
	return node + "'s " + attr + " is " + ref + ", the function's ARN, not the invoke ARN API Gateway calls: terraform apply fails with BadRequestException, as a REST API takes only arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations (the function's invoke_arn)"
}

func TestApigwLambdaInvokeArn(t *testing.T) {
	runRuleCases(t, NewApigwLambdaInvokeArnRule(), []ruleCase{
		{
			Name: "a function's arn becomes invoke_arn",
			Content: lambdaAPI + `
resource "aws_api_gateway_integration" "get" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.app.arn
}
`,
			Expected: helper.Issues{{Message: bareARN("aws_api_gateway_integration.get", "uri", "aws_lambda_function.app.arn"), Range: at(13, 3, 13, 56)}},
			Fixed: lambdaAPI + `
resource "aws_api_gateway_integration" "get" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.app.invoke_arn
}
`,
		},
		{
			Name: "an authorizer, an alias in a template, a counted function",
			Content: lambdaAPI + `
resource "aws_lambda_alias" "live" {
  function_name = aws_lambda_function.app.function_name
  name          = "live"
}

resource "aws_lambda_function" "auth" {
  count         = 1
  function_name = "auth"
}

resource "aws_api_gateway_authorizer" "auth" {
  rest_api_id    = aws_api_gateway_rest_api.main.id
  authorizer_uri = aws_lambda_function.auth[0].arn
}

resource "aws_api_gateway_integration" "live" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  uri         = "${aws_lambda_alias.live.arn}"
}
`,
			Expected: helper.Issues{
				{Message: bareARN("aws_api_gateway_authorizer.auth", "authorizer_uri", "aws_lambda_function.auth[0].arn"), Range: at(21, 3, 21, 51)},
				{Message: bareARN("aws_api_gateway_integration.live", "uri", "aws_lambda_alias.live.arn"), Range: at(26, 3, 26, 47)},
			},
			Fixed: lambdaAPI + `
resource "aws_lambda_alias" "live" {
  function_name = aws_lambda_function.app.function_name
  name          = "live"
}

resource "aws_lambda_function" "auth" {
  count         = 1
  function_name = "auth"
}

resource "aws_api_gateway_authorizer" "auth" {
  rest_api_id    = aws_api_gateway_rest_api.main.id
  authorizer_uri = aws_lambda_function.auth[0].invoke_arn
}

resource "aws_api_gateway_integration" "live" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  uri         = "${aws_lambda_alias.live.invoke_arn}"
}
`,
		},
		{
			Name: "a data source's arn is fixed too",
			Content: `resource "aws_api_gateway_integration" "get" {
  rest_api_id = var.api_id
  uri         = data.aws_lambda_function.shared.arn
}
`,
			Expected: helper.Issues{{Message: bareARN("aws_api_gateway_integration.get", "uri", "data.aws_lambda_function.shared.arn"), Range: at(3, 3, 3, 52)}},
			Fixed: `resource "aws_api_gateway_integration" "get" {
  rest_api_id = var.api_id
  uri         = data.aws_lambda_function.shared.invoke_arn
}
`,
		},
		{
			Name: "invoke ARNs, built invoke ARNs, HTTP API integrations, variables and modules are left alone",
			Content: lambdaAPI + `
resource "aws_api_gateway_integration" "invoke" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  uri         = aws_lambda_function.app.invoke_arn
}

resource "aws_api_gateway_integration" "built" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  uri         = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/${aws_lambda_function.app.arn}/invocations"
}

resource "aws_apigatewayv2_integration" "http" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.app.arn
}

resource "aws_api_gateway_integration" "variable" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  uri         = var.function_arn
}

resource "aws_api_gateway_integration" "module" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  uri         = module.fn.arn
}
`,
		},
		{
			Name: "corpus_for_each_routes: a for_each function indexed by each.key is read through the index",
			Content: lambdaAPI + `
resource "aws_lambda_function" "fn" {
  for_each      = var.functions
  function_name = each.key
}

resource "aws_api_gateway_integration" "route" {
  for_each    = var.functions
  rest_api_id = aws_api_gateway_rest_api.main.id
  uri         = aws_lambda_function.fn[each.key].arn
}
`,
			Expected: helper.Issues{{Message: bareARN("aws_api_gateway_integration.route", "uri", "aws_lambda_function.fn[each.key].arn"), Range: at(17, 3, 17, 53)}},
			Fixed: lambdaAPI + `
resource "aws_lambda_function" "fn" {
  for_each      = var.functions
  function_name = each.key
}

resource "aws_api_gateway_integration" "route" {
  for_each    = var.functions
  rest_api_id = aws_api_gateway_rest_api.main.id
  uri         = aws_lambda_function.fn[each.key].invoke_arn
}
`,
		},
		{
			Name:    "JSON syntax: reported without a fix",
			Content: lambdaAPI,
			Files: map[string]string{"api.tf.json": `{"resource": {"aws_api_gateway_integration": {"get": {
  "rest_api_id": "${aws_api_gateway_rest_api.main.id}",
  "uri": "${aws_lambda_function.app.arn}"
}}}}`},
			Expected: helper.Issues{{Message: bareARN("aws_api_gateway_integration.get", "uri", "aws_lambda_function.app.arn"), Range: atFile("api.tf.json", 3, 3, 3, 42)}},
		},
	})
}
