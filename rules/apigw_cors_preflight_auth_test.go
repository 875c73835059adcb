package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const preflightTail = ": browsers send preflights without credentials or keys, so the preflight gets "
const preflightEnd = " and the browser reports a CORS error instead of sending the request"

func preflightV1(why, status string) string {
	return "aws_api_gateway_method.options answers CORS preflights but " + why + preflightTail + status + preflightEnd
}

func preflightV2(auth, status string) string {
	return `aws_apigatewayv2_route.options (OPTIONS /items) has authorization_type = "` + auth + `" and aws_apigatewayv2_api.http has no cors_configuration: browsers send preflights without credentials, so the preflight gets ` + status + preflightEnd
}

const httpAPI = `resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}
`

func TestApigwCORSPreflightAuth(t *testing.T) {
	runRuleCases(t, NewApigwCORSPreflightAuthRule(), []ruleCase{
		{
			Name: "v1 OPTIONS with a Lambda authorizer and a key",
			Content: `resource "aws_api_gateway_method" "options" {
  rest_api_id          = aws_api_gateway_rest_api.main.id
  resource_id          = aws_api_gateway_resource.items.id
  http_method          = "OPTIONS"
  authorization        = "CUSTOM"
  authorizer_id        = aws_api_gateway_authorizer.main.id
  authorization_scopes = ["read"]
  api_key_required     = true
}
`,
			Expected: helper.Issues{{Message: preflightV1(`has authorization = "CUSTOM"`, "401 Unauthorized"), Range: at(5, 3, 5, 34)}},
			Fixed: `resource "aws_api_gateway_method" "options" {
  rest_api_id      = aws_api_gateway_rest_api.main.id
  resource_id      = aws_api_gateway_resource.items.id
  http_method      = "OPTIONS"
  authorization    = "NONE"
  api_key_required = false
}
`,
		},
		{
			Name: "v1 OPTIONS with IAM",
			Content: `resource "aws_api_gateway_method" "options" {
  for_each      = toset(["a", "b"])
  http_method   = "OPTIONS"
  authorization = "AWS_IAM"
}
`,
			Expected: helper.Issues{{Message: preflightV1(`has authorization = "AWS_IAM"`, "403 Missing Authentication Token"), Range: at(4, 3, 4, 28)}},
			Fixed: `resource "aws_api_gateway_method" "options" {
  for_each      = toset(["a", "b"])
  http_method   = "OPTIONS"
  authorization = "NONE"
}
`,
		},
		{
			Name: "v1 OPTIONS that requires a key",
			Content: `resource "aws_api_gateway_method" "options" {
  http_method      = "OPTIONS"
  authorization    = "NONE"
  api_key_required = true
}
`,
			Expected: helper.Issues{{Message: preflightV1("requires an API key", "403 Forbidden"), Range: at(4, 3, 4, 26)}},
			Fixed: `resource "aws_api_gateway_method" "options" {
  http_method      = "OPTIONS"
  authorization    = "NONE"
  api_key_required = false
}
`,
		},
		{
			Name: "a variable's known value is replaced",
			Content: `variable "auth" {
  type    = string
  default = "COGNITO_USER_POOLS"
}

resource "aws_api_gateway_method" "options" {
  http_method   = "OPTIONS"
  authorization = var.auth
  authorizer_id = aws_api_gateway_authorizer.cognito.id
}
`,
			Expected: helper.Issues{{Message: preflightV1(`has authorization = "COGNITO_USER_POOLS"`, "401 Unauthorized"), Range: at(8, 3, 8, 27)}},
			Fixed: `variable "auth" {
  type    = string
  default = "COGNITO_USER_POOLS"
}

resource "aws_api_gateway_method" "options" {
  http_method   = "OPTIONS"
  authorization = "NONE"
}
`,
		},
		{
			Name: "v1: open OPTIONS, other verbs, unknown values",
			Content: `variable "auth" {
  type = string
}

resource "aws_api_gateway_method" "a" {
  http_method   = "OPTIONS"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "b" {
  http_method      = "GET"
  authorization    = "CUSTOM"
  api_key_required = true
}

resource "aws_api_gateway_method" "c" {
  http_method      = "OPTIONS"
  authorization    = var.auth
  api_key_required = var.required
}

resource "aws_api_gateway_method" "d" {
  http_method   = var.verb
  authorization = "AWS_IAM"
}
`,
		},
		{
			Name: "v2 OPTIONS route with a JWT authorizer",
			Content: httpAPI + `
resource "aws_apigatewayv2_route" "options" {
  api_id               = aws_apigatewayv2_api.http.id
  route_key            = "OPTIONS /items"
  authorization_type   = "JWT"
  authorizer_id        = aws_apigatewayv2_authorizer.jwt.id
  authorization_scopes = ["read"]
}
`,
			Expected: helper.Issues{{Message: preflightV2("JWT", "401 Unauthorized"), Range: at(9, 3, 9, 31)}},
			Fixed: httpAPI + `
resource "aws_apigatewayv2_route" "options" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "OPTIONS /items"
  authorization_type = "NONE"
}
`,
		},
		{
			Name: "v2 OPTIONS route with IAM",
			Content: httpAPI + `
resource "aws_apigatewayv2_route" "options" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "OPTIONS /items"
  authorization_type = "AWS_IAM"
}
`,
			Expected: helper.Issues{{Message: preflightV2("AWS_IAM", "403 Forbidden"), Range: at(9, 3, 9, 33)}},
			Fixed: httpAPI + `
resource "aws_apigatewayv2_route" "options" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "OPTIONS /items"
  authorization_type = "NONE"
}
`,
		},
		{
			Name: "v2: cors_configuration (static or dynamic), a body, an API from elsewhere, open routes",
			Content: `resource "aws_apigatewayv2_api" "cors" {
  name          = "cors"
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins = ["https://example.com"]
  }
}

resource "aws_apigatewayv2_api" "dynamic" {
  name          = "dynamic"
  protocol_type = "HTTP"

  dynamic "cors_configuration" {
    for_each = var.cors
    content {
      allow_origins = cors_configuration.value
    }
  }
}

resource "aws_apigatewayv2_api" "body" {
  name          = "body"
  protocol_type = "HTTP"
  body          = var.openapi
}

resource "aws_apigatewayv2_api" "open" {
  name          = "open"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "a" {
  api_id             = aws_apigatewayv2_api.cors.id
  route_key          = "OPTIONS /items"
  authorization_type = "JWT"
}

resource "aws_apigatewayv2_route" "b" {
  api_id             = aws_apigatewayv2_api.dynamic.id
  route_key          = "OPTIONS /items"
  authorization_type = "JWT"
}

resource "aws_apigatewayv2_route" "c" {
  api_id             = aws_apigatewayv2_api.body.id
  route_key          = "OPTIONS /items"
  authorization_type = "JWT"
}

resource "aws_apigatewayv2_route" "d" {
  api_id             = var.api_id
  route_key          = "OPTIONS /items"
  authorization_type = "JWT"
}

resource "aws_apigatewayv2_route" "e" {
  api_id    = aws_apigatewayv2_api.open.id
  route_key = "OPTIONS /items"
}

resource "aws_apigatewayv2_route" "f" {
  api_id             = aws_apigatewayv2_api.open.id
  route_key          = "GET /items"
  authorization_type = "JWT"
}

resource "aws_apigatewayv2_route" "g" {
  api_id             = aws_apigatewayv2_api.open.id
  route_key          = "OPTIONS /items"
  authorization_type = var.auth
}
`,
		},
		{
			Name:    "JSON syntax: reported without a fix",
			Content: "",
			Files: map[string]string{"m.tf.json": `{"resource": {"aws_api_gateway_method": {"options": {
  "http_method": "OPTIONS",
  "authorization": "CUSTOM"
}}}}`},
			Expected: helper.Issues{{Message: preflightV1(`has authorization = "CUSTOM"`, "401 Unauthorized"), Range: atFile("m.tf.json", 3, 3, 3, 28)}},
		},
		{
			Name: "an OPTIONS method or route never created is not reported",
			Content: httpAPI + `
resource "aws_api_gateway_method" "options" {
  count         = 0
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "OPTIONS"
  authorization = "AWS_IAM"
}

resource "aws_apigatewayv2_route" "options" {
  for_each           = {}
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "OPTIONS /items"
  authorization_type = "JWT"
}
`,
		},
	})
}
