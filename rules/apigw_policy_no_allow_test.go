package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func noAllow(label, api string) string {
	return label + ` has no Allow statement that grants execute-api:Invoke: every call to ` + api + ` is denied with 403 AccessDeniedException "User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:..."`
}

func denyAllMsg(label, api string) string {
	return label + ` denies execute-api:Invoke to everyone on every resource, without a condition: every call to ` + api + ` is denied with 403 AccessDeniedException "User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:... with an explicit deny"`
}

func TestApigwPolicyNoAllow(t *testing.T) {
	runRuleCases(t, NewApigwPolicyNoAllowRule(), []ruleCase{
		{
			Name: "only a Deny in a JSON string",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  policy = "{\"Statement\": [{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"execute-api:Invoke\", \"Resource\": \"execute-api:/*/DELETE/*\"}]}"
}
`,
			Expected: helper.Issues{{Message: noAllow("aws_api_gateway_rest_api.main.policy", "aws_api_gateway_rest_api.main"), Range: at(2, 3, 2, 156)}},
		},
		{
			Name: "an Allow of another action in a heredoc",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "main"
}

resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy      = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": "*",
    "Action": "execute-api:ManageConnections",
    "Resource": "${aws_api_gateway_rest_api.main.execution_arn}/*"
  }]
}
EOF
}
`,
			Expected: helper.Issues{{Message: noAllow("aws_api_gateway_rest_api_policy.main", "aws_api_gateway_rest_api.main"), Range: at(7, 3, 17, 4)}},
		},
		{
			Name: "an unconditional Deny of everything beside an Allow, in a policy document",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  policy = data.aws_iam_policy_document.p.json
}

data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["execute-api:Invoke"]
    resources = ["${aws_api_gateway_rest_api.main.execution_arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
  statement {
    effect    = "Deny"
    actions   = ["execute-api:*"]
    resources = ["${aws_api_gateway_rest_api.main.execution_arn}/*/*/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}
`,
			Expected: helper.Issues{{Message: denyAllMsg("data.aws_iam_policy_document.p (the policy of aws_api_gateway_rest_api.main)", "aws_api_gateway_rest_api.main"), Range: at(2, 3, 2, 47)}},
		},
		{
			Name: "Allow statements that can grant Invoke, conditional or partial Denies, and unknowns are left alone",
			Content: `variable "actions" {}

resource "aws_api_gateway_rest_api" "a" {
  policy = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"execute-api:*\", \"Resource\": \"*\"}]}"
}

resource "aws_api_gateway_rest_api" "b" {
  policy = data.aws_iam_policy_document.b.json
}

data "aws_iam_policy_document" "b" {
  statement {
    actions   = var.actions
    resources = ["*"]
  }
}

resource "aws_api_gateway_rest_api" "c" {
  policy = data.aws_iam_policy_document.c.json
}

data "aws_iam_policy_document" "c" {
  statement {
    actions   = ["*"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
  statement {
    effect    = "Deny"
    actions   = ["execute-api:Invoke"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringNotEquals"
      variable = "aws:SourceVpce"
      values   = ["vpce-1"]
    }
  }
  statement {
    effect    = "Deny"
    actions   = ["execute-api:Invoke"]
    resources = ["${aws_api_gateway_rest_api.c.execution_arn}/*/DELETE/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_api_gateway_rest_api" "d" {
  policy = var.policy
}

resource "aws_api_gateway_rest_api" "e" {
  policy = "{\"Statement\": ["
}

resource "aws_api_gateway_rest_api_policy" "f" {
  rest_api_id = var.api_id
  policy      = "{\"Statement\": []}"
}

resource "aws_api_gateway_rest_api_policy" "g" {
  rest_api_id = data.aws_api_gateway_rest_api.g.id
  policy      = "{\"Statement\": []}"
}
`,
		},
		{
			Name: "a Deny of another API's resources is not a Deny of this one",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Principal = "*", Action = "execute-api:Invoke", Resource = "execute-api:/*" },
      { Effect = "Deny", Principal = "*", Action = "execute-api:Invoke", Resource = "${aws_api_gateway_rest_api.other.execution_arn}/*" },
    ]
  })
}
`,
		},
		{
			Name: "a policy in the OpenAPI body with only IAM actions",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  body = jsonencode({
    openapi = "3.0.1"
    "x-amazon-apigateway-policy" = {
      Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "*" }]
    }
  })
}
`,
			Expected: helper.Issues{{Message: noAllow("the x-amazon-apigateway-policy of aws_api_gateway_rest_api.main.body", "aws_api_gateway_rest_api.main"), Range: at(2, 3, 7, 5)}},
		},
		{
			Name:     "count on the API",
			Content:  "resource \"aws_api_gateway_rest_api\" \"main\" {\n  count  = 2\n  policy = \"{\\\"Statement\\\": []}\"\n}\n",
			Expected: helper.Issues{{Message: noAllow("aws_api_gateway_rest_api.main.policy", "aws_api_gateway_rest_api.main"), Range: at(3, 3, 3, 33)}},
		},
		{
			Name:    "JSON syntax",
			Content: "\n",
			Files: map[string]string{"api.tf.json": `{"resource": {"aws_api_gateway_rest_api": {"main": {
  "policy": "{\"Statement\": [{\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\"}]}"
}}}}`},
			Expected: helper.Issues{{Message: noAllow("aws_api_gateway_rest_api.main.policy", "aws_api_gateway_rest_api.main"), Range: atFile("api.tf.json", 2, 3, 2, 118)}},
		},
	})
}
