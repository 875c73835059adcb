package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func privateNoPolicy(addr string) string {
	return addr + ` is a PRIVATE API without a resource policy: API Gateway denies every call to it with 403 AccessDeniedException "User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:..."; allow execute-api:Invoke in a resource policy with an aws:SourceVpce condition that names the VPC endpoints`
}

const privateAPI = `resource "aws_api_gateway_rest_api" "main" {
  name = "main"

  endpoint_configuration {
    types            = ["PRIVATE"]
    vpc_endpoint_ids = [aws_vpc_endpoint.api.id]
  }
}
`

func TestApigwPrivateAPIPolicy(t *testing.T) {
	runRuleCases(t, NewApigwPrivateAPIPolicyRule(), []ruleCase{
		{
			Name:     "a private API without a policy gets one limited to its VPC endpoints",
			Content:  privateAPI,
			Expected: helper.Issues{{Message: privateNoPolicy("aws_api_gateway_rest_api.main"), Range: at(5, 5, 5, 35)}},
			Fixed: privateAPI + `
resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "${aws_api_gateway_rest_api.main.execution_arn}/*"
      Condition = {
        StringEquals = {
          "aws:SourceVpce" = [aws_vpc_endpoint.api.id]
        }
      }
    }]
  })
}
`,
		},
		{
			Name: "without VPC endpoints to name no policy is written: one without a condition would let every endpoint in",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.main.id
}

resource "aws_vpc_endpoint" "s3" {
  service_name = "com.amazonaws.eu-west-1.s3"
}
`,
			Expected: helper.Issues{{Message: privateNoPolicy("aws_api_gateway_rest_api.main"), Range: at(3, 5, 3, 24)}},
		},
		{
			Name: "the API lists no endpoint: the configuration's execute-api endpoints are named; it goes right after the API",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_vpc_endpoint" "api" {
  service_name      = "com.amazonaws.${var.region}.execute-api"
  vpc_endpoint_type = "Interface"
}

resource "aws_vpc_endpoint" "old" {
  count        = 0
  service_name = "com.amazonaws.eu-west-1.execute-api"
}
`,
			Expected: helper.Issues{{Message: privateNoPolicy("aws_api_gateway_rest_api.main"), Range: at(3, 5, 3, 24)}},
			Fixed: `resource "aws_api_gateway_rest_api" "main" {
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "${aws_api_gateway_rest_api.main.execution_arn}/*"
      Condition = {
        StringEquals = {
          "aws:SourceVpce" = [aws_vpc_endpoint.api.id]
        }
      }
    }]
  })
}

resource "aws_vpc_endpoint" "api" {
  service_name      = "com.amazonaws.${var.region}.execute-api"
  vpc_endpoint_type = "Interface"
}

resource "aws_vpc_endpoint" "old" {
  count        = 0
  service_name = "com.amazonaws.eu-west-1.execute-api"
}
`,
		},
		{
			Name: "an API never created is not reported; a policy never created is no policy",
			Content: `resource "aws_api_gateway_rest_api" "off" {
  count = 0
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_rest_api" "main" {
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_rest_api_policy" "main" {
  for_each    = {}
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy      = "{}"
}
`,
			Expected: helper.Issues{{Message: privateNoPolicy("aws_api_gateway_rest_api.main"), Range: at(10, 5, 10, 24)}},
		},
		{
			Name: "a variable's default makes the API private; the endpoint ids are copied as written",
			Content: `variable "types" {
  default = ["PRIVATE"]
}

resource "aws_api_gateway_rest_api" "main" {
  endpoint_configuration {
    types            = var.types
    vpc_endpoint_ids = var.vpce_ids
  }
}
`,
			Expected: helper.Issues{{Message: privateNoPolicy("aws_api_gateway_rest_api.main"), Range: at(7, 5, 7, 33)}},
			Fixed: `variable "types" {
  default = ["PRIVATE"]
}

resource "aws_api_gateway_rest_api" "main" {
  endpoint_configuration {
    types            = var.types
    vpc_endpoint_ids = var.vpce_ids
  }
}

resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "${aws_api_gateway_rest_api.main.execution_arn}/*"
      Condition = {
        StringEquals = {
          "aws:SourceVpce" = var.vpce_ids
        }
      }
    }]
  })
}
`,
		},
		{
			Name: "policies in any form silence it, and so do unknown types, public APIs and unknown bodies",
			Content: `variable "types" {}

resource "aws_api_gateway_rest_api" "a" {
  policy = data.aws_iam_policy_document.p.json
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_rest_api" "b" {
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_rest_api_policy" "b" {
  rest_api_id = aws_api_gateway_rest_api.b.id
  policy      = var.policy
}

resource "aws_api_gateway_rest_api" "c" {
  endpoint_configuration {
    types = var.types
  }
}

resource "aws_api_gateway_rest_api" "d" {
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_rest_api" "e" {
  body = var.body
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_rest_api" "f" {
  name = "no endpoint configuration: EDGE"
}

resource "aws_api_gateway_rest_api" "g" {
  body = "{\"x-amazon-apigateway-policy\": {\"Statement\": []}}"
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}
`,
		},
		{
			Name: "count: reported without a fix",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  count = 2
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}
`,
			Expected: helper.Issues{{Message: privateNoPolicy("aws_api_gateway_rest_api.main"), Range: at(4, 5, 4, 24)}},
		},
		{
			Name: "a policy resource named like the API for another API: no fix",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = var.other
  policy      = "{}"
}
`,
			Expected: helper.Issues{{Message: privateNoPolicy("aws_api_gateway_rest_api.main"), Range: at(3, 5, 3, 24)}},
		},
		{
			Name:  "JSON syntax: reported without a fix",
			Files: map[string]string{"api.tf.json": `{"resource": {"aws_api_gateway_rest_api": {"main": {"endpoint_configuration": {"types": ["PRIVATE"]}}}}}`},
			Content: `
`,
			Expected: helper.Issues{{Message: privateNoPolicy("aws_api_gateway_rest_api.main"), Range: atFile("api.tf.json", 1, 80, 1, 100)}},
		},
	})
}

func TestApigwPrivateAPIPolicyInModuleCalls(t *testing.T) {
	api := func(types string) string {
		return `variable "endpoint_type" {
  default = "PRIVATE"
}
variable "unknown" {}

resource "aws_api_gateway_rest_api" "this" {
  name = "internal"

  endpoint_configuration {
    types = ` + types + `
  }
}
`
	}
	runCallCases(t, NewApigwPrivateAPIPolicyRule(), []ruleCase{
		{
			Name:    "the caller's PRIVATE is reported at the argument",
			Content: api("[var.endpoint_type]"),
			Expected: helper.Issues{{
				Message: `module.internal_api: endpoint_type = "PRIVATE" makes aws_api_gateway_rest_api.this a PRIVATE API, and the module writes no resource policy: API Gateway denies every call to it with 403 AccessDeniedException "User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:..."`,
				Range:   at(10, 13, 10, 32),
			}},
		},
		{Name: "a PRIVATE the module writes itself is left to --recursive", Content: api(`["PRIVATE"]`)},
		{Name: "an unknown argument: silence", Content: api("[var.unknown]")},
		{
			Name: "a policy the module writes: silence",
			Content: api("[var.endpoint_type]") + `
resource "aws_api_gateway_rest_api_policy" "this" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  policy      = var.policy
}
variable "policy" {}
`,
		},
	})
}
