package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const roleTrustIntegration = `resource "aws_api_gateway_integration" "queue" {
  rest_api_id = "abc"
  resource_id = "def"
  http_method = "POST"
  type        = "AWS"
  uri         = "arn:aws:apigateway:us-east-1:sqs:path/123456789012/jobs"
  credentials = aws_iam_role.gateway.arn
}
`

const integrationRoleSymptom = `callers get 500 Internal server error ("Invalid permissions on IAM role" in the execution log)`

const roleTrustFixNote = "; the fix adds apigateway.amazonaws.com to the services the role trusts, which lets API Gateway assume it"

func TestApigwIntegrationRoleTrust(t *testing.T) {
	runRuleCases(t, NewApigwIntegrationRoleTrustRule(), []ruleCase{
		{
			Name: "a jsonencode trust policy for another service gets API Gateway added",
			Content: roleTrustIntegration + `
resource "aws_iam_role" "gateway" {
  name = "gateway"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}
`,
			Expected: helper.Issues{{Message: "aws_iam_role.gateway, the credentials of aws_api_gateway_integration.queue, does not trust apigateway.amazonaws.com: API Gateway cannot assume it and " + integrationRoleSymptom + roleTrustFixNote, Range: at(12, 3, 19, 5)}},
			Fixed: roleTrustIntegration + `
resource "aws_iam_role" "gateway" {
  name = "gateway"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = ["lambda.amazonaws.com", "apigateway.amazonaws.com"] }
    }]
  })
}
`,
		},
		{
			Name: "a policy document's service list is extended; authorizers answer AuthorizerConfigurationException",
			Content: `resource "aws_api_gateway_authorizer" "auth" {
  rest_api_id            = "abc"
  name                   = "auth"
  authorizer_uri         = aws_lambda_function.auth.invoke_arn
  authorizer_credentials = aws_iam_role.gateway.arn
}

resource "aws_iam_role" "gateway" {
  name               = "gateway"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}
`,
			Expected: helper.Issues{{Message: "aws_iam_role.gateway, the credentials of aws_api_gateway_authorizer.auth, does not trust apigateway.amazonaws.com: API Gateway cannot assume it and callers get 500 with x-amzn-ErrorType AuthorizerConfigurationException" + roleTrustFixNote, Range: at(10, 3, 10, 63)}},
			Fixed: `resource "aws_api_gateway_authorizer" "auth" {
  rest_api_id            = "abc"
  name                   = "auth"
  authorizer_uri         = aws_lambda_function.auth.invoke_arn
  authorizer_credentials = aws_iam_role.gateway.arn
}

resource "aws_iam_role" "gateway" {
  name               = "gateway"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com", "apigateway.amazonaws.com"]
    }
  }
}
`,
		},
		{
			Name: "a heredoc is reported without a fix; one issue for two users of a count role",
			Content: `resource "aws_apigatewayv2_integration" "a" {
  api_id           = "abc"
  integration_type = "AWS_PROXY"
  credentials_arn  = aws_iam_role.gateway[0].arn
}

resource "aws_apigatewayv2_integration" "b" {
  api_id           = "abc"
  integration_type = "AWS_PROXY"
  credentials_arn  = "${aws_iam_role.gateway[0].arn}"
}

resource "aws_iam_role" "gateway" {
  count              = 1
  assume_role_policy = <<-JSON
    {"Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "states.amazonaws.com"}}]}
  JSON
}
`,
			Expected: helper.Issues{{Message: "aws_iam_role.gateway, the credentials of aws_apigatewayv2_integration.a and aws_apigatewayv2_integration.b, does not trust apigateway.amazonaws.com: API Gateway cannot assume it and callers get 500 Internal Server Error", Range: at(15, 3, 17, 7)}},
		},
		{
			Name: "a count role in jsonencode is fixed once",
			Content: `resource "aws_api_gateway_integration" "queue" {
  rest_api_id = "abc"
  resource_id = "def"
  http_method = "POST"
  type        = "AWS"
  credentials = aws_iam_role.gateway[0].arn
}

resource "aws_iam_role" "gateway" {
  for_each = toset(["a"])
  assume_role_policy = jsonencode({
    Statement = {
      Effect    = "Allow"
      Action    = ["sts:AssumeRole"]
      Principal = { Service = ["states.amazonaws.com"] }
    }
  })
}
`,
			Expected: helper.Issues{{Message: "aws_iam_role.gateway, the credentials of aws_api_gateway_integration.queue, does not trust apigateway.amazonaws.com: API Gateway cannot assume it and " + integrationRoleSymptom + roleTrustFixNote, Range: at(11, 3, 17, 5)}},
			Fixed: `resource "aws_api_gateway_integration" "queue" {
  rest_api_id = "abc"
  resource_id = "def"
  http_method = "POST"
  type        = "AWS"
  credentials = aws_iam_role.gateway[0].arn
}

resource "aws_iam_role" "gateway" {
  for_each = toset(["a"])
  assume_role_policy = jsonencode({
    Statement = {
      Effect    = "Allow"
      Action    = ["sts:AssumeRole"]
      Principal = { Service = ["states.amazonaws.com", "apigateway.amazonaws.com"] }
    }
  })
}
`,
		},
		{
			Name:    "a role in JSON syntax is reported without a fix",
			Content: roleTrustIntegration,
			Files: map[string]string{"role.tf.json": `{"resource": {"aws_iam_role": {"gateway": {
  "assume_role_policy": "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"sts:AssumeRole\", \"Principal\": {\"Service\": \"lambda.amazonaws.com\"}}]}"
}}}}`},
			Expected: helper.Issues{{Message: "aws_iam_role.gateway, the credentials of aws_api_gateway_integration.queue, does not trust apigateway.amazonaws.com: API Gateway cannot assume it and " + integrationRoleSymptom, Range: atFile("role.tf.json", 2, 3, 2, 157)}},
		},
		{
			Name: "silent: API Gateway is trusted, or the policy, the condition or the role is unknown",
			Content: `resource "aws_api_gateway_integration" "trusted" {
  rest_api_id = "abc"
  credentials = aws_iam_role.trusted.arn
}

resource "aws_iam_role" "trusted" {
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = ["lambda.amazonaws.com", "apigateway.amazonaws.com"] }
    }]
  })
}

resource "aws_api_gateway_integration" "conditional" {
  rest_api_id = "abc"
  credentials = aws_iam_role.conditional.arn
}

resource "aws_iam_role" "conditional" {
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
      Condition = { StringEquals = { "aws:SourceAccount" = var.account } }
    }, {
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = var.service }
    }]
  })
}

variable "account" {}
variable "service" {}
variable "policy" {}
variable "role_arn" {}

resource "aws_api_gateway_integration" "unknown_policy" {
  rest_api_id = "abc"
  credentials = aws_iam_role.unknown_policy.arn
}

resource "aws_iam_role" "unknown_policy" {
  assume_role_policy = var.policy
}

resource "aws_api_gateway_integration" "from_variable" {
  rest_api_id = "abc"
  credentials = var.role_arn
}

data "aws_iam_role" "shared" {
  name = "shared"
}

resource "aws_api_gateway_integration" "from_data" {
  rest_api_id = "abc"
  credentials = data.aws_iam_role.shared.arn
}

resource "aws_api_gateway_integration" "caller" {
  rest_api_id = "abc"
  credentials = "arn:aws:iam::*:user/*"
}
`,
		},
	})
}
