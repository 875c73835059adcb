package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func iamOnly(label, methods string) string {
	return label + " allows execute-api:Invoke only to IAM principals, but " + methods +
		`: its callers do not sign their requests, so API Gateway treats them as anonymous and answers 403 AccessDeniedException "User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:..."`
}

const apiWithMethods = `resource "aws_api_gateway_rest_api" "main" {
  name = "main"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "post" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  http_method   = "POST"
  authorization = "AWS_IAM"
}
`

func TestApigwPolicyPrincipalAuthorization(t *testing.T) {
	runRuleCases(t, NewApigwPolicyPrincipalAuthorizationRule(), []ruleCase{
		{
			Name: "an account principal only, with a method without authorization",
			Content: apiWithMethods + `
resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = ["arn:aws:iam::123456789012:root"] }
      Action    = "execute-api:Invoke"
      Resource  = "${aws_api_gateway_rest_api.main.execution_arn}/*"
    }]
  })
}
`,
			Expected: helper.Issues{{Message: iamOnly("aws_api_gateway_rest_api_policy.main", `aws_api_gateway_method.get uses authorization "NONE"`), Range: at(19, 3, 26, 5)}},
		},
		{
			Name: "a policy document with a role principal and custom authorizers",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  policy = data.aws_iam_policy_document.p.json
}

resource "aws_api_gateway_method" "a" {
  count         = 2
  rest_api_id   = aws_api_gateway_rest_api.main.id
  authorization = "CUSTOM"
}

resource "aws_api_gateway_method" "b" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  authorization = "COGNITO_USER_POOLS"
}

resource "aws_api_gateway_method" "c" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  authorization = "NONE"
}

resource "aws_api_gateway_method" "d" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  authorization = "NONE"
}

data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["execute-api:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:role/caller"]
    }
  }
}
`,
			Expected: helper.Issues{{Message: iamOnly("data.aws_iam_policy_document.p (the policy of aws_api_gateway_rest_api.main)",
				`aws_api_gateway_method.a uses authorization "CUSTOM", aws_api_gateway_method.b uses authorization "COGNITO_USER_POOLS", aws_api_gateway_method.c uses authorization "NONE", and 1 more method`), Range: at(2, 3, 2, 47)}},
		},
		{
			Name: "anonymous Allows, IAM-only methods, unknown principals and unknown authorization are left alone",
			Content: `variable "auth" {}

resource "aws_api_gateway_rest_api" "anyone" {
  policy = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\": \"execute-api:Invoke\", \"Resource\": \"*\"}]}"
}

resource "aws_api_gateway_method" "anyone" {
  rest_api_id   = aws_api_gateway_rest_api.anyone.id
  authorization = "NONE"
}

resource "aws_api_gateway_rest_api" "signed" {
  policy = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::1:root\"}, \"Action\": \"execute-api:Invoke\", \"Resource\": \"*\"}]}"
}

resource "aws_api_gateway_method" "signed" {
  rest_api_id   = aws_api_gateway_rest_api.signed.id
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method" "signed_unknown" {
  rest_api_id   = aws_api_gateway_rest_api.signed.id
  authorization = var.auth
}

resource "aws_api_gateway_rest_api" "unknown" {
  policy = data.aws_iam_policy_document.unknown.json
}

resource "aws_api_gateway_method" "unknown" {
  rest_api_id   = aws_api_gateway_rest_api.unknown.id
  authorization = "NONE"
}

data "aws_iam_policy_document" "unknown" {
  statement {
    actions = ["execute-api:Invoke"]
    principals {
      type        = "AWS"
      identifiers = var.principals
    }
  }
}

resource "aws_api_gateway_rest_api" "mixed" {
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Principal = { AWS = "arn:aws:iam::1:root" }, Action = "execute-api:Invoke", Resource = "*" },
      { Effect = "Allow", Principal = "*", Action = "execute-api:Invoke", Resource = "execute-api:/*/GET/public" },
    ]
  })
}

resource "aws_api_gateway_method" "mixed" {
  rest_api_id   = aws_api_gateway_rest_api.mixed.id
  authorization = "NONE"
}
`,
		},
		{
			Name:    "JSON syntax",
			Content: "\n",
			Files: map[string]string{"api.tf.json": `{"resource": {
  "aws_api_gateway_rest_api": {"main": {
    "policy": "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::1:root\"}, \"Action\": \"*\", \"Resource\": \"*\"}]}"
  }},
  "aws_api_gateway_method": {"get": {"rest_api_id": "${aws_api_gateway_rest_api.main.id}", "authorization": "NONE"}}
}}`},
			Expected: helper.Issues{{Message: iamOnly("aws_api_gateway_rest_api.main.policy", `aws_api_gateway_method.get uses authorization "NONE"`), Range: atFile("api.tf.json", 3, 5, 3, 150)}},
		},
	})
}
