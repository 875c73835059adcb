package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func sourceIPOnPrivate(stmt, op, api, symptom string) string {
	return stmt + " tests aws:SourceIp with " + op + " on " + api + ", a PRIVATE API: requests through a VPC endpoint carry no aws:SourceIp, so " + symptom + " (aws:VpcSourceIp holds the caller's VPC address)"
}

const (
	allowNeverMatches = `the Allow never matches and callers get 403 AccessDeniedException "User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:..."`
	denyAlwaysMatches = `the Deny matches every call and callers get 403 AccessDeniedException "User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:... with an explicit deny"`
)

func privateAPIWithPolicy(policy string) string {
	return `resource "aws_api_gateway_rest_api" "main" {
  name = "internal"
  endpoint_configuration {
    types            = ["PRIVATE"]
    vpc_endpoint_ids = ["vpce-0123"]
  }
  policy = ` + policy + `
}
`
}

func TestApigwPrivatePolicySourceIP(t *testing.T) {
	runRuleCases(t, NewApigwPrivatePolicySourceIPRule(), []ruleCase{
		{
			Name: "an Allow on private CIDRs in jsonencode is renamed to aws:VpcSourceIp",
			Content: privateAPIWithPolicy(`jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "execute-api:/*"
      Condition = {
        IpAddress = { "aws:SourceIp" = ["10.0.0.0/16", "100.64.0.0/10"] }
      }
    }]
  })`),
			Expected: helper.Issues{{Message: sourceIPOnPrivate("statement 1 of aws_api_gateway_rest_api.main.policy", "IpAddress", "aws_api_gateway_rest_api.main", allowNeverMatches), Range: at(15, 40, 15, 72)}},
			Fixed: privateAPIWithPolicy(`jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "execute-api:/*"
      Condition = {
        IpAddress = { "aws:VpcSourceIp" = ["10.0.0.0/16", "100.64.0.0/10"] }
      }
    }]
  })`),
		},
		{
			Name: "a Deny of NotIpAddress in a policy document, on a counted API",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  count = 2
  name  = "internal"
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_rest_api_policy" "main" {
  count       = 2
  rest_api_id = aws_api_gateway_rest_api.main[count.index].id
  policy      = data.aws_iam_policy_document.main.json
}

data "aws_iam_policy_document" "main" {
  statement {
    actions   = ["execute-api:Invoke"]
    resources = ["execute-api:/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
  statement {
    sid       = "onlyOffice"
    effect    = "Deny"
    actions   = ["execute-api:Invoke"]
    resources = ["execute-api:/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "NotIpAddress"
      variable = "aws:SourceIp"
      values   = ["172.16.0.0/12", "192.168.1.10"]
    }
  }
}
`,
			Expected: helper.Issues{{Message: sourceIPOnPrivate(`statement "onlyOffice" of data.aws_iam_policy_document.main (the policy of aws_api_gateway_rest_api_policy.main)`, "NotIpAddress", "aws_api_gateway_rest_api.main", denyAlwaysMatches), Range: at(33, 5, 33, 14)}},
			Fixed: `resource "aws_api_gateway_rest_api" "main" {
  count = 2
  name  = "internal"
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_rest_api_policy" "main" {
  count       = 2
  rest_api_id = aws_api_gateway_rest_api.main[count.index].id
  policy      = data.aws_iam_policy_document.main.json
}

data "aws_iam_policy_document" "main" {
  statement {
    actions   = ["execute-api:Invoke"]
    resources = ["execute-api:/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
  statement {
    sid       = "onlyOffice"
    effect    = "Deny"
    actions   = ["execute-api:Invoke"]
    resources = ["execute-api:/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "NotIpAddress"
      variable = "aws:VpcSourceIp"
      values   = ["172.16.0.0/12", "192.168.1.10"]
    }
  }
}
`,
		},
		{
			Name: "public CIDRs, CIDRs from a variable and JSON text: reported, not renamed",
			Content: `variable "office" {
  type = list(string)
}

resource "aws_api_gateway_rest_api" "public_cidr" {
  endpoint_configuration {
    types = ["PRIVATE"]
  }
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "*"
      Condition = { IpAddress = { "aws:SourceIp" = "203.0.113.0/24" } }
    }]
  })
}

resource "aws_api_gateway_rest_api" "variable" {
  endpoint_configuration {
    types = ["PRIVATE"]
  }
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "*"
      Condition = { IpAddress = { "aws:SourceIp" = var.office } }
    }]
  })
}

resource "aws_api_gateway_rest_api" "text" {
  endpoint_configuration {
    types = ["PRIVATE"]
  }
  policy = <<EOF
{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "*",
  "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}]}
EOF
}
`,
			Expected: helper.Issues{
				{Message: sourceIPOnPrivate("statement 1 of aws_api_gateway_rest_api.public_cidr.policy", "IpAddress", "aws_api_gateway_rest_api.public_cidr", allowNeverMatches), Range: at(15, 52, 15, 68)},
				{Message: sourceIPOnPrivate("statement 1 of aws_api_gateway_rest_api.variable.policy", "IpAddress", "aws_api_gateway_rest_api.variable", allowNeverMatches), Range: at(30, 52, 30, 62)},
				{Message: sourceIPOnPrivate("statement 1 of aws_api_gateway_rest_api.text.policy", "IpAddress", "aws_api_gateway_rest_api.text", allowNeverMatches), Range: at(39, 3, 42, 4)},
			},
		},
		{
			Name: "a document shared with a REGIONAL API: reported for the PRIVATE one, not renamed",
			Content: `resource "aws_api_gateway_rest_api" "private" {
  endpoint_configuration {
    types = ["PRIVATE"]
  }
  policy = data.aws_iam_policy_document.shared.json
}

resource "aws_api_gateway_rest_api" "regional" {
  endpoint_configuration {
    types = ["REGIONAL"]
  }
  policy = data.aws_iam_policy_document.shared.json
}

data "aws_iam_policy_document" "shared" {
  statement {
    actions   = ["execute-api:Invoke"]
    resources = ["execute-api:/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["10.0.0.0/8"]
    }
  }
}
`,
			Expected: helper.Issues{{Message: sourceIPOnPrivate("statement 1 of data.aws_iam_policy_document.shared (the policy of aws_api_gateway_rest_api.private)", "IpAddress", "aws_api_gateway_rest_api.private", allowNeverMatches), Range: at(23, 5, 23, 14)}},
		},
		{
			Name: "REGIONAL APIs, unknown endpoint types, IfExists, a Deny with another condition, aws:VpcSourceIp: silent",
			Content: `variable "types" {
  type = list(string)
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
      Resource  = "*"
      Condition = { IpAddress = { "aws:SourceIp" = "203.0.113.0/24" } }
    }]
  })
}

resource "aws_api_gateway_rest_api" "unknown" {
  endpoint_configuration {
    types = var.types
  }
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "*"
      Condition = { IpAddress = { "aws:SourceIp" = "10.0.0.0/8" } }
    }]
  })
}

resource "aws_api_gateway_rest_api" "private" {
  endpoint_configuration {
    types = ["PRIVATE"]
  }
  policy = jsonencode({
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "*"
        Condition = { IpAddressIfExists = { "aws:SourceIp" = "10.0.0.0/8" } }
      },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "*"
        Condition = {
          NotIpAddress    = { "aws:SourceIp" = "10.0.0.0/8" }
          StringNotEquals = { "aws:SourceVpce" = "vpce-0123" }
        }
      },
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "*"
        Condition = { IpAddress = { "aws:VpcSourceIp" = "10.0.0.0/8" } }
      },
    ]
  })
}
`,
		},
	})
}
