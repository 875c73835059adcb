package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func resourceMismatch(stmt, resource, api, why string) string {
	return stmt + ` allows execute-api:Invoke on "` + resource + `", which cannot match ` + api + `: ` + why +
		`; calls it was meant for get 403 AccessDeniedException "User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:..." unless another statement allows them`
}

const twoAPIs = `resource "aws_api_gateway_rest_api" "main" {
  name = "main"
}

resource "aws_api_gateway_rest_api" "other" {
  name = "other"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = "prod"
}
`

func TestApigwPolicyResourceMismatch(t *testing.T) {
	runRuleCases(t, NewApigwPolicyResourceMismatchRule(), []ruleCase{
		{
			Name: "another API's execution_arn in a jsonencode policy is retargeted, keeping the path",
			Content: twoAPIs + `
resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = ["${aws_api_gateway_rest_api.other.execution_arn}/prod/GET/items", aws_api_gateway_rest_api.other.execution_arn]
    }]
  })
}
`,
			Expected: helper.Issues{
				{Message: resourceMismatch("statement 1 of aws_api_gateway_rest_api_policy.main", "${aws_api_gateway_rest_api.other.execution_arn}/prod/GET/items", "aws_api_gateway_rest_api.main", "it is built from the execution_arn of aws_api_gateway_rest_api.other"), Range: at(21, 20, 21, 84)},
				{Message: resourceMismatch("statement 1 of aws_api_gateway_rest_api_policy.main", "${aws_api_gateway_rest_api.other.execution_arn}", "aws_api_gateway_rest_api.main", "it is built from the execution_arn of aws_api_gateway_rest_api.other"), Range: at(21, 86, 21, 130)},
			},
			Fixed: twoAPIs + `
resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = ["${aws_api_gateway_rest_api.main.execution_arn}/prod/GET/items", "${aws_api_gateway_rest_api.main.execution_arn}/*"]
    }]
  })
}
`,
		},
		{
			Name: "a malformed resource in a policy document is replaced",
			Content: twoAPIs + `
resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy      = data.aws_iam_policy_document.main.json
}

data "aws_iam_policy_document" "main" {
  statement {
    actions   = ["execute-api:Invoke"]
    resources = ["arn:aws:lambda:eu-west-1:123456789012:function:orders"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}
`,
			Expected: helper.Issues{{
				Message: resourceMismatch(`statement 1 of data.aws_iam_policy_document.main (the policy of aws_api_gateway_rest_api_policy.main)`, "arn:aws:lambda:eu-west-1:123456789012:function:orders", "aws_api_gateway_rest_api.main",
					`"arn:aws:lambda:eu-west-1:123456789012:function:orders" is an ARN of lambda, not of execute-api`),
				Range: at(22, 18, 22, 73),
			}},
			Fixed: twoAPIs + `
resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy      = data.aws_iam_policy_document.main.json
}

data "aws_iam_policy_document" "main" {
  statement {
    actions   = ["execute-api:Invoke"]
    resources = ["${aws_api_gateway_rest_api.main.execution_arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}
`,
		},
		{
			Name: "an unknown stage and a lowercase verb are reported without a fix",
			Content: twoAPIs + `
resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = ["execute-api:/production/GET/*", "${aws_api_gateway_rest_api.main.execution_arn}/prod/get/items"]
    }]
  })
}
`,
			Expected: helper.Issues{
				{Message: resourceMismatch("statement 1 of aws_api_gateway_rest_api_policy.main", "execute-api:/production/GET/*", "aws_api_gateway_rest_api.main", `aws_api_gateway_rest_api.main has no stage named "production" (its stages: prod)`), Range: at(21, 20, 21, 51)},
				{Message: resourceMismatch("statement 1 of aws_api_gateway_rest_api_policy.main", "${aws_api_gateway_rest_api.main.execution_arn}/prod/get/items", "aws_api_gateway_rest_api.main", `"get" is not a method API Gateway writes in the ARNs it authorizes (GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS or *)`), Range: at(21, 53, 21, 116)},
			},
		},
		{
			Name: "JSON text is reported at the policy argument, without a fix",
			Content: twoAPIs + `
resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy      = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"${aws_api_gateway_rest_api.main.execution_arn}\"}]}"
}
`,
			Expected: helper.Issues{{
				Message: resourceMismatch("statement 1 of aws_api_gateway_rest_api_policy.main", "${aws_api_gateway_rest_api.main.execution_arn}", "aws_api_gateway_rest_api.main", `"${aws_api_gateway_rest_api.main.execution_arn}" names no stage, method or path: it matches no request (end it with /*)`),
				Range:   at(16, 3, 16, 168),
			}},
		},
		{
			Name: "matching resources, unknowns, literal API ids, Deny statements and APIs without known stages are left alone",
			Content: `variable "stage" {}

resource "aws_api_gateway_rest_api" "main" {
  policy = jsonencode({
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource = [
          "execute-api:/*",
          "${aws_api_gateway_rest_api.main.execution_arn}/*/POST/items",
          "${aws_api_gateway_rest_api.main.execution_arn}/${var.stage}/GET/*",
          "arn:aws:execute-api:eu-west-1:123456789012:abcdef1234/dev/GET/*",
          "execute-api:/prod/G*/items",
          var.resource,
          data.aws_api_gateway_rest_api.shared.execution_arn,
        ]
      },
      { Effect = "Deny", Principal = "*", Action = "execute-api:Invoke", Resource = "${aws_api_gateway_rest_api.other.execution_arn}/*" },
      { Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "arn:aws:s3:::bucket/*" },
    ]
  })
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = "prod"
}

resource "aws_api_gateway_stage" "dev" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = var.stage
}
`,
		},
		{
			Name: "a policy document shared by two APIs: reported for each, fixed for neither",
			Content: twoAPIs + `
resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy      = data.aws_iam_policy_document.shared.json
}

resource "aws_api_gateway_rest_api_policy" "other" {
  rest_api_id = aws_api_gateway_rest_api.other.id
  policy      = data.aws_iam_policy_document.shared.json
}

data "aws_iam_policy_document" "shared" {
  statement {
    actions   = ["execute-api:Invoke"]
    resources = ["execute-api"]
  }
}
`,
			Expected: helper.Issues{
				{Message: resourceMismatch(`statement 1 of data.aws_iam_policy_document.shared (the policy of aws_api_gateway_rest_api_policy.main)`, "execute-api", "aws_api_gateway_rest_api.main", `"execute-api" is not an ARN`), Range: at(27, 18, 27, 31)},
				{Message: resourceMismatch(`statement 1 of data.aws_iam_policy_document.shared (the policy of aws_api_gateway_rest_api_policy.other)`, "execute-api", "aws_api_gateway_rest_api.other", `"execute-api" is not an ARN`), Range: at(27, 18, 27, 31)},
			},
		},
		{
			Name: "an API with count: no fix",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  count = 2
  policy = jsonencode({
    Statement = [{ Effect = "Allow", Principal = "*", Action = "*", Resource = "${aws_api_gateway_rest_api.other.execution_arn}/*" }]
  })
}

resource "aws_api_gateway_rest_api" "other" {}
`,
			Expected: helper.Issues{{Message: resourceMismatch("statement 1 of aws_api_gateway_rest_api.main.policy", "${aws_api_gateway_rest_api.other.execution_arn}/*", "aws_api_gateway_rest_api.main", "it is built from the execution_arn of aws_api_gateway_rest_api.other"), Range: at(4, 80, 4, 131)}},
		},
		{
			Name: "an ARN with another API's id",
			Content: twoAPIs + `
resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "arn:aws:execute-api:${var.region}:${var.account}:${aws_api_gateway_rest_api.other.id}/*/GET/*"
    }]
  })
}
`,
			Expected: helper.Issues{{Message: resourceMismatch("statement 1 of aws_api_gateway_rest_api_policy.main", "arn:aws:execute-api:${var.region}:${var.account}:${aws_api_gateway_rest_api.other.id}/*/GET/*", "aws_api_gateway_rest_api.main", "it is built from the id of aws_api_gateway_rest_api.other"), Range: at(21, 19, 21, 114)}},
			Fixed: twoAPIs + `
resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "${aws_api_gateway_rest_api.main.execution_arn}/*/GET/*"
    }]
  })
}
`,
		},
	})
}
