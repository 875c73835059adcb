package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func vpceOfOtherService(stmt, endpoints, api string) string {
	return stmt + " allows execute-api:Invoke only through " + endpoints + ", not an execute-api endpoint: no call to the PRIVATE " + api + ` comes through it, so callers get 403 AccessDeniedException "User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:..."`
}

const gatewayEndpoints = `data "aws_region" "current" {}

resource "aws_vpc_endpoint" "s3" {
  vpc_id            = "vpc-0123"
  service_name      = "com.amazonaws.${data.aws_region.current.name}.s3"
  vpc_endpoint_type = "Gateway"
}

resource "aws_vpc_endpoint" "dynamodb" {
  count             = 1
  vpc_id            = "vpc-0123"
  service_name      = "com.amazonaws.eu-west-1.dynamodb"
  vpc_endpoint_type = "Gateway"
}

resource "aws_vpc_endpoint" "execute_api" {
  vpc_id              = "vpc-0123"
  service_name        = "com.amazonaws.${data.aws_region.current.name}.execute-api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
`

func TestApigwPrivateVpceMismatch(t *testing.T) {
	runRuleCases(t, NewApigwPrivateVpceMismatchRule(), []ruleCase{
		{
			Name: "an Allow through the S3 gateway endpoint, in jsonencode",
			Content: gatewayEndpoints + `
resource "aws_api_gateway_rest_api" "main" {
  name = "internal"
  endpoint_configuration {
    types = ["PRIVATE"]
  }
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "execute-api:/*"
      Condition = { StringEquals = { "aws:SourceVpce" = aws_vpc_endpoint.s3.id } }
    }]
  })
}
`,
			Expected: helper.Issues{{Message: vpceOfOtherService("statement 1 of aws_api_gateway_rest_api.main.policy", "aws_vpc_endpoint.s3 (service s3)", "aws_api_gateway_rest_api.main"), Range: at(34, 57, 34, 79)}},
		},
		{
			Name: "a policy document listing the S3 and the counted DynamoDB endpoints",
			Content: gatewayEndpoints + `
resource "aws_api_gateway_rest_api" "main" {
  name = "internal"
  endpoint_configuration {
    types = ["PRIVATE"]
  }
  policy = data.aws_iam_policy_document.main.json
}

data "aws_iam_policy_document" "main" {
  statement {
    actions   = ["execute-api:Invoke"]
    resources = ["execute-api:/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceVpce"
      values   = [aws_vpc_endpoint.s3.id, aws_vpc_endpoint.dynamodb[0].id]
    }
  }
}
`,
			Expected: helper.Issues{{Message: vpceOfOtherService("statement 1 of data.aws_iam_policy_document.main (the policy of aws_api_gateway_rest_api.main)", "aws_vpc_endpoint.s3 (service s3) and aws_vpc_endpoint.dynamodb (service dynamodb)", "aws_api_gateway_rest_api.main"), Range: at(39, 5, 39, 14)}},
		},
		{
			Name: "the execute-api endpoint among them, literal ids, variables, a REGIONAL API, a Deny: silent",
			Content: gatewayEndpoints + `
variable "vpce" {
  type = string
}

resource "aws_vpc_endpoint" "unknown" {
  vpc_id       = "vpc-0123"
  service_name = var.vpce
}

resource "aws_api_gateway_rest_api" "main" {
  name = "internal"
  endpoint_configuration {
    types = ["PRIVATE"]
  }
  policy = jsonencode({
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "execute-api:/*"
        Condition = { StringEquals = { "aws:SourceVpce" = [aws_vpc_endpoint.s3.id, aws_vpc_endpoint.execute_api.id] } }
      },
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "execute-api:/*"
        Condition = { StringEquals = { "aws:SourceVpce" = ["vpce-0123", aws_vpc_endpoint.s3.id] } }
      },
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "execute-api:/*"
        Condition = { StringEquals = { "aws:SourceVpce" = aws_vpc_endpoint.unknown.id } }
      },
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "execute-api:/*"
        Condition = { StringEquals = { "aws:SourceVpce" = var.vpce } }
      },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "execute-api:/*"
        Condition = { StringEquals = { "aws:SourceVpce" = aws_vpc_endpoint.s3.id } }
      },
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "execute-api:/*"
        Condition = { StringNotEquals = { "aws:SourceVpce" = aws_vpc_endpoint.s3.id } }
      },
    ]
  })
}

resource "aws_api_gateway_rest_api" "regional" {
  endpoint_configuration {
    types = ["REGIONAL"]
  }
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "execute-api:/*"
      Condition = { StringEquals = { "aws:SourceVpce" = aws_vpc_endpoint.s3.id } }
    }]
  })
}
`,
		},
	})
}
