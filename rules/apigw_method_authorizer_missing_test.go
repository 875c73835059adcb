package rules

import (
	"strings"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const twoRestAPIs = `resource "aws_api_gateway_rest_api" "a" {
  name = "a"
}

resource "aws_api_gateway_rest_api" "b" {
  name = "b"
}

resource "aws_api_gateway_authorizer" "b" {
  rest_api_id = aws_api_gateway_rest_api.b.id
  name        = "b"
}
`

const v1Rejected = "API Gateway rejects it with BadRequestException: Invalid authorizer ID specified, so the apply fails and calls answer 403 Missing Authentication Token"
const v2Rejected = "API Gateway rejects it with BadRequestException: Invalid authorizer ID specified, so the apply fails and calls answer 404 Not Found"

func TestApigwMethodAuthorizerMissing(t *testing.T) {
	runRuleCases(t, NewApigwMethodAuthorizerMissingRule(), []ruleCase{
		{
			Name: "CUSTOM and COGNITO_USER_POOLS without authorizer_id",
			Content: twoRestAPIs + `
resource "aws_api_gateway_method" "custom" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  authorization = "CUSTOM"
}

resource "aws_api_gateway_method" "cognito" {
  count         = 2
  rest_api_id   = var.api_id
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = null
}
`,
			Expected: helper.Issues{
				{Message: `aws_api_gateway_method.custom has authorization = "CUSTOM" but no authorizer_id: ` + v1Rejected, Range: at(16, 3, 16, 27)},
				{Message: `aws_api_gateway_method.cognito has authorization = "COGNITO_USER_POOLS" but no authorizer_id: ` + v1Rejected, Range: at(22, 3, 22, 39)},
			},
		},
		{
			Name: "another API's authorizer",
			Content: twoRestAPIs + `
resource "aws_api_gateway_method" "custom" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.b.id
}
`,
			Expected: helper.Issues{{
				Message: "aws_api_gateway_method.custom uses aws_api_gateway_authorizer.b, an authorizer of aws_api_gateway_rest_api.b, but belongs to aws_api_gateway_rest_api.a: " + v1Rejected,
				Range:   at(17, 3, 17, 50),
			}},
		},
		{
			Name: "own authorizer, NONE, AWS_IAM, unknown values, APIs from variables",
			Content: twoRestAPIs + `
resource "aws_api_gateway_method" "own" {
  rest_api_id   = aws_api_gateway_rest_api.b.id
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.b.id
}

resource "aws_api_gateway_method" "none" {
  authorization = "NONE"
}

resource "aws_api_gateway_method" "iam" {
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_method" "unknown" {
  authorization = var.auth
}

resource "aws_api_gateway_method" "from_variable" {
  rest_api_id   = var.api_id
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.b.id
}

resource "aws_api_gateway_method" "authorizer_from_variable" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  authorization = "CUSTOM"
  authorizer_id = var.authorizer_id
}
`,
		},
		{
			Name: "v2 routes: JWT without authorizer_id, CUSTOM with another API's authorizer",
			Content: `resource "aws_apigatewayv2_api" "a" {
  name          = "a"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_api" "b" {
  name          = "b"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_authorizer" "b" {
  api_id          = aws_apigatewayv2_api.b.id
  authorizer_type = "REQUEST"
}

resource "aws_apigatewayv2_route" "jwt" {
  api_id             = aws_apigatewayv2_api.a.id
  route_key          = "GET /items"
  authorization_type = "JWT"
}

resource "aws_apigatewayv2_route" "custom" {
  api_id             = aws_apigatewayv2_api.a.id
  route_key          = "POST /items"
  authorization_type = "CUSTOM"
  authorizer_id      = aws_apigatewayv2_authorizer.b.id
}

resource "aws_apigatewayv2_route" "ok" {
  api_id             = aws_apigatewayv2_api.b.id
  route_key          = "POST /items"
  authorization_type = "CUSTOM"
  authorizer_id      = aws_apigatewayv2_authorizer.b.id
}
`,
			Expected: helper.Issues{
				{Message: `aws_apigatewayv2_route.jwt has authorization_type = "JWT" but no authorizer_id: ` + v2Rejected, Range: at(19, 3, 19, 29)},
				{Message: "aws_apigatewayv2_route.custom uses aws_apigatewayv2_authorizer.b, an authorizer of aws_apigatewayv2_api.b, but belongs to aws_apigatewayv2_api.a: " + v2Rejected, Range: at(26, 3, 26, 56)},
			},
		},
		{
			Name:    "JSON syntax",
			Content: "",
			Files: map[string]string{"m.tf.json": `{"resource": {"aws_api_gateway_method": {"custom": {
  "authorization": "CUSTOM"
}}}}`},
			Expected: helper.Issues{{Message: `aws_api_gateway_method.custom has authorization = "CUSTOM" but no authorizer_id: ` + v1Rejected, Range: atFile("m.tf.json", 2, 3, 2, 28)}},
		},
	})
}

func TestApigwMethodAuthorizerMissingInModuleCalls(t *testing.T) {
	method := func(auth string) string {
		return twoRestAPIs + `
variable "authorization" {
  default = "CUSTOM"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  resource_id   = aws_api_gateway_rest_api.a.root_resource_id
  http_method   = "GET"
  authorization = ` + auth + `
}
`
	}
	runCallCases(t, NewApigwMethodAuthorizerMissingRule(), []ruleCase{
		{
			Name:    "the caller's CUSTOM without an authorizer is reported at the argument",
			Content: method("var.authorization"),
			Expected: helper.Issues{{
				Message: `module.internal_api: authorization = "CUSTOM" makes aws_api_gateway_method.get use CUSTOM authorization, but the module gives it no authorizer_id: ` + v1Rejected,
				Range:   at(22, 19, 22, 36),
			}},
		},
		{Name: "the module's own CUSTOM is left to --recursive", Content: method(`"CUSTOM"`)},
		{Name: "the caller's NONE: silence", Content: strings.Replace(method("var.authorization"), `default = "CUSTOM"`, `default = "NONE"`, 1)},
		{
			Name: "another API's authorizer is the module's own doing",
			Content: strings.Replace(method("var.authorization"), "  authorization = var.authorization\n",
				"  authorization = var.authorization\n  authorizer_id = aws_api_gateway_authorizer.b.id\n", 1),
		},
	})
}
