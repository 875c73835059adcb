package rules

import (
	"strings"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func vpcOnPublic(stmt, key, op, api, types string) string {
	return stmt + " allows execute-api:Invoke only when " + key + " " + op + ", but " + api + " is " + types +
		`, not PRIVATE: its calls never arrive through a VPC endpoint, so the condition never matches and callers get 403 AccessDeniedException "User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:..."`
}

const vpceStatement = `{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "execute-api:/*"
      Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0123" } }
    }`

func TestApigwPolicyVpcConditionPublicAPI(t *testing.T) {
	runRuleCases(t, NewApigwPolicyVpcConditionPublicAPIRule(), []ruleCase{
		{
			Name: "an EDGE API (no endpoint_configuration) with a SourceVpce condition",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  policy = jsonencode({
    Statement = [` + vpceStatement + `]
  })
}
`,
			Expected: helper.Issues{{Message: vpcOnPublic("statement 1 of aws_api_gateway_rest_api.main.policy", "aws:SourceVpce", "StringEquals", "aws_api_gateway_rest_api.main", "EDGE"), Range: at(8, 57, 8, 68)}},
		},
		{
			Name: "a REGIONAL API with a SourceVpc condition in a policy document",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy      = data.aws_iam_policy_document.p.json
}

data "aws_iam_policy_document" "p" {
  statement {
    sid       = "fromVpc"
    actions   = ["execute-api:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "ForAnyValue:StringLike"
      variable = "aws:sourcevpc"
      values   = ["vpc-*"]
    }
  }
}
`,
			Expected: helper.Issues{{Message: vpcOnPublic(`statement "fromVpc" of data.aws_iam_policy_document.p (the policy of aws_api_gateway_rest_api_policy.main)`, "aws:sourcevpc", "ForAnyValue:StringLike", "aws_api_gateway_rest_api.main", "REGIONAL"), Range: at(21, 5, 21, 14)}},
		},
		{
			Name: "private APIs, unknown types, IfExists, negated tests, Denies and unknown policies are left alone",
			Content: `variable "types" {}

resource "aws_api_gateway_rest_api" "private" {
  policy = jsonencode({ Statement = [` + vpceStatement + `] })
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_rest_api" "unknown_types" {
  policy = jsonencode({ Statement = [` + vpceStatement + `] })
  endpoint_configuration {
    types = var.types
  }
}

resource "aws_api_gateway_rest_api" "if_exists" {
  policy = jsonencode({ Statement = [{
    Effect    = "Allow"
    Principal = "*"
    Action    = "execute-api:Invoke"
    Resource  = "execute-api:/*"
    Condition = { StringEqualsIfExists = { "aws:SourceVpce" = "vpce-0123" } }
  }] })
}

resource "aws_api_gateway_rest_api" "negated" {
  policy = jsonencode({ Statement = [{
    Effect    = "Allow"
    Principal = "*"
    Action    = "execute-api:Invoke"
    Resource  = "execute-api:/*"
    Condition = { StringNotEquals = { "aws:SourceVpce" = "vpce-0123" } }
  }] })
}

resource "aws_api_gateway_rest_api" "deny" {
  policy = jsonencode({ Statement = [{
    Effect    = "Deny"
    Principal = "*"
    Action    = "execute-api:Invoke"
    Resource  = "execute-api:/*"
    Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0123" } }
  }] })
}

resource "aws_api_gateway_rest_api" "unknown" {
  policy = var.policy
}
`,
		},
		{
			Name: "a Null false test in JSON text, on an API with count",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  count  = 2
  policy = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"Null\": {\"aws:SourceVpce\": \"false\"}}}]}"
}
`,
			Expected: helper.Issues{{Message: vpcOnPublic("statement 1 of aws_api_gateway_rest_api.main.policy", "aws:SourceVpce", "Null", "aws_api_gateway_rest_api.main", "EDGE"), Range: at(3, 3, 3, 178)}},
		},
		{
			Name:    "JSON syntax",
			Content: "\n",
			Files: map[string]string{"api.tf.json": `{"resource": {"aws_api_gateway_rest_api": {"main": {
  "endpoint_configuration": {"types": ["REGIONAL"]},
  "policy": "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": {\"aws:SourceVpce\": \"vpce-1\"}}}]}"
}}}}`},
			Expected: helper.Issues{{Message: vpcOnPublic("statement 1 of aws_api_gateway_rest_api.main.policy", "aws:SourceVpce", "StringEquals", "aws_api_gateway_rest_api.main", "REGIONAL"), Range: atFile("api.tf.json", 3, 3, 3, 188)}},
		},
	})
}

func TestApigwPolicyVpcConditionPublicAPIInModuleCalls(t *testing.T) {
	api := func(types string) string {
		return `variable "endpoint_type" {
  default = "REGIONAL"
}

resource "aws_api_gateway_rest_api" "this" {
  endpoint_configuration {
    types = ` + types + `
  }
  policy = jsonencode({
    Statement = [` + vpceStatement + `]
  })
}
`
	}
	runCallCases(t, NewApigwPolicyVpcConditionPublicAPIRule(), []ruleCase{
		{
			Name:    "the caller's REGIONAL is reported at the argument",
			Content: api("[var.endpoint_type]"),
			Expected: helper.Issues{{
				Message: `module.internal_api: endpoint_type = "REGIONAL" makes aws_api_gateway_rest_api.this a REGIONAL API, not PRIVATE, but statement 1 of aws_api_gateway_rest_api.this.policy allows execute-api:Invoke only when aws:SourceVpce StringEquals: its calls never arrive through a VPC endpoint, so the condition never matches and callers get 403 AccessDeniedException "User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:..."`,
				Range:   at(7, 13, 7, 32),
			}},
		},
		{Name: "a REGIONAL the module writes itself is left to --recursive", Content: api(`["REGIONAL"]`)},
		{Name: "the caller's PRIVATE: silence", Content: strings.Replace(api("[var.endpoint_type]"), `default = "REGIONAL"`, `default = "PRIVATE"`, 1)},
	})
}
