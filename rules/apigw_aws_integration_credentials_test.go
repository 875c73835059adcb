package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

func noRole(node, service string) string {
	return node + " calls " + service + ` without credentials: terraform apply fails with "BadRequestException: Role ARN must be specified for AWS integrations", as API Gateway needs a role that may call ` + service + " (only Lambda can authorize API Gateway with a resource policy instead)"
}

func TestApigwAwsIntegrationCredentials(t *testing.T) {
	runRuleCases(t, NewApigwAwsIntegrationCredentialsRule(), []ruleCase{
		{
			Name: "SQS and Step Functions without credentials; a subdomain form",
			Content: `resource "aws_api_gateway_integration" "sqs" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:${var.region}:sqs:path/${var.account}/orders"
}

resource "aws_api_gateway_integration" "states" {
  count       = 2
  rest_api_id = aws_api_gateway_rest_api.main.id
  type        = "AWS"
  uri         = "arn:aws:apigateway:us-east-1:states:action/StartExecution"
  credentials = null
}

resource "aws_api_gateway_integration" "s3" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  type        = "AWS"
  uri         = "arn:aws:apigateway:eu-west-1:my-bucket.s3:path/{key}"
}
`,
			Expected: helper.Issues{
				{Message: noRole("aws_api_gateway_integration.sqs", "sqs"), Range: at(1, 1, 1, 45)},
				{Message: noRole("aws_api_gateway_integration.states", "states"), Range: at(8, 1, 8, 48)},
				{Message: noRole("aws_api_gateway_integration.s3", "s3"), Range: at(16, 1, 16, 44)},
			},
		},
		{
			Name: "credentials, Lambda, other types and unknown services are left alone",
			Content: `resource "aws_api_gateway_integration" "with_role" {
  type        = "AWS"
  uri         = "arn:aws:apigateway:us-east-1:dynamodb:action/PutItem"
  credentials = aws_iam_role.apigw.arn
}

resource "aws_api_gateway_integration" "lambda" {
  type = "AWS"
  uri  = aws_lambda_function.app.invoke_arn
}

resource "aws_api_gateway_integration" "lambda_built" {
  type = "AWS"
  uri  = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${aws_lambda_function.app.arn}/invocations"
}

resource "aws_api_gateway_integration" "http" {
  type = "HTTP"
  uri  = "https://example.com"
}

resource "aws_api_gateway_integration" "unknown_service" {
  type = "AWS"
  uri  = "arn:aws:apigateway:us-east-1:${var.service}:action/Go"
}

resource "aws_api_gateway_integration" "variable" {
  type = "AWS"
  uri  = var.uri
}

resource "aws_api_gateway_integration" "external" {
  rest_api_id = data.aws_api_gateway_rest_api.shared.id
  type        = "AWS"
  uri         = "arn:aws:apigateway:us-east-1:sqs:path/1/q"
}
`,
		},
		{
			Name: "HTTP API service integrations need credentials_arn",
			Content: `resource "aws_apigatewayv2_integration" "sqs" {
  api_id              = aws_apigatewayv2_api.http.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "SQS-SendMessage"
}

resource "aws_apigatewayv2_integration" "ok" {
  api_id              = aws_apigatewayv2_api.http.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "SQS-SendMessage"
  credentials_arn     = aws_iam_role.apigw.arn
}

resource "aws_apigatewayv2_integration" "lambda" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.app.arn
}

resource "aws_apigatewayv2_integration" "ws" {
  api_id           = aws_apigatewayv2_api.ws.id
  integration_type = "AWS"
  integration_uri  = "arn:aws:apigateway:us-east-1:dynamodb:action/PutItem"
}
`,
			Expected: helper.Issues{
				{Message: "aws_apigatewayv2_integration.sqs is an AWS service integration (SQS-SendMessage) without credentials_arn: API Gateway has no role to call the service with, and the route cannot reach it", Range: at(1, 1, 1, 46)},
				{Message: "aws_apigatewayv2_integration.ws calls dynamodb without credentials_arn: API Gateway has no role to call the service with, and the route cannot reach it", Range: at(20, 1, 20, 45)},
			},
		},
		{
			Name:    "JSON syntax",
			Content: "",
			Files: map[string]string{"api.tf.json": `{"resource": {"aws_api_gateway_integration": {"sqs": {
  "type": "AWS",
  "uri": "arn:aws:apigateway:${var.region}:sqs:path/1/q"
}}}}`},
			Expected: helper.Issues{{Message: noRole("aws_api_gateway_integration.sqs", "sqs"), Range: atFile("api.tf.json", 1, 54, 1, 55)}},
		},
		{
			Name: "an integration never created is not reported",
			Content: `resource "aws_api_gateway_integration" "sqs" {
  count       = 0
  rest_api_id = aws_api_gateway_rest_api.main.id
  type        = "AWS"
  uri         = "arn:aws:apigateway:eu-west-1:sqs:path/123456789012/orders"
}
`,
		},
	})
}

// The apply fails: the catalog's severity is ERROR.
func TestApigwAwsIntegrationCredentialsSeverity(t *testing.T) {
	if got := NewApigwAwsIntegrationCredentialsRule().Severity(); got != tflint.ERROR {
		t.Errorf("Severity() = %s, want ERROR", got)
	}
}
