package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func cacheMessage(addr, ttl, users, denied string) string {
	return addr + " caches the policy its Lambda returns " + ttl + " and reuses it for every " + users + " it protects: if the policy allows only the method ARN of the first call, the caller's other calls answer " + denied + " until the cache expires; return a wildcard resource or set the TTL to 0"
}

const restDenied = `403 "User is not authorized to access this resource"`

func authorizer(name, body string) string {
	return `
resource "aws_api_gateway_authorizer" "` + name + `" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  name        = "` + name + `"` + body + `
}
`
}

// twoMethods use aws_api_gateway_authorizer.a (lines 1-14).
const twoMethods = `resource "aws_api_gateway_rest_api" "main" {
  name = "main"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.a.id
}

resource "aws_api_gateway_method" "post" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  authorizer_id = aws_api_gateway_authorizer.a.id
}
`

func TestApigwAuthorizerCache(t *testing.T) {
	runRuleCases(t, NewApigwAuthorizerCacheRule(), []ruleCase{
		{
			Name:    "TOKEN by default, TTL unset",
			Content: twoMethods + authorizer("a", ""),
			Expected: helper.Issues{{
				Message: cacheMessage("aws_api_gateway_authorizer.a", "for 300 seconds (authorizer_result_ttl_in_seconds is unset)", "method", restDenied),
				Range:   at(16, 1, 16, 42),
			}},
		},
		{
			Name:    "REQUEST with a TTL",
			Content: twoMethods + authorizer("a", "\n  type = \"REQUEST\"\n  authorizer_result_ttl_in_seconds = 60"),
			Expected: helper.Issues{{
				Message: cacheMessage("aws_api_gateway_authorizer.a", "for 60 seconds", "method", restDenied),
				Range:   at(20, 3, 20, 40),
			}},
		},
		{
			Name: "TTL 0, Cognito, unknown type or TTL",
			Content: twoMethods + authorizer("a", "\n  authorizer_result_ttl_in_seconds = 0") +
				authorizer("b", "\n  type = \"COGNITO_USER_POOLS\"") +
				authorizer("c", "\n  type = var.type") +
				authorizer("d", "\n  authorizer_result_ttl_in_seconds = var.ttl"),
		},
		{
			Name: "an authorizer that protects one method, or none",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "main"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.a.id
}
` + authorizer("a", "") + authorizer("b", ""),
		},
		{
			Name: "one method resource with for_each is several methods",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "main"
}

resource "aws_api_gateway_method" "get" {
  for_each      = toset(["GET", "POST"])
  rest_api_id   = aws_api_gateway_rest_api.main.id
  http_method   = each.key
  authorizer_id = aws_api_gateway_authorizer.a.id
}
` + authorizer("a", ""),
			Expected: helper.Issues{{
				Message: cacheMessage("aws_api_gateway_authorizer.a", "for 300 seconds (authorizer_result_ttl_in_seconds is unset)", "method", restDenied),
				Range:   at(12, 1, 12, 42),
			}},
		},
		{
			Name: "one method, but another's authorizer_id cannot be followed",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "main"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  authorizer_id = aws_api_gateway_authorizer.a.id
}

resource "aws_api_gateway_method" "post" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  authorizer_id = var.authorizer_id
}
` + authorizer("a", ""),
			Expected: helper.Issues{{
				Message: cacheMessage("aws_api_gateway_authorizer.a", "for 300 seconds (authorizer_result_ttl_in_seconds is unset)", "method", restDenied),
				Range:   at(15, 1, 15, 42),
			}},
		},
		{
			Name: "an API from a variable: its methods may be elsewhere",
			Content: `resource "aws_api_gateway_authorizer" "a" {
  rest_api_id = var.api_id
  name        = "a"
}
`,
			Expected: helper.Issues{{
				Message: cacheMessage("aws_api_gateway_authorizer.a", "for 300 seconds (authorizer_result_ttl_in_seconds is unset)", "method", restDenied),
				Range:   at(1, 1, 1, 42),
			}},
		},
		{
			Name: "HTTP API: REQUEST with a TTL and policy responses; simple responses, JWT, unset TTL, WebSocket",
			Content: `resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_api" "ws" {
  name          = "ws"
  protocol_type = "WEBSOCKET"
}

resource "aws_apigatewayv2_authorizer" "policy" {
  api_id                           = aws_apigatewayv2_api.http.id
  authorizer_type                  = "REQUEST"
  authorizer_result_ttl_in_seconds = "120"
}

resource "aws_apigatewayv2_authorizer" "simple" {
  api_id                           = aws_apigatewayv2_api.http.id
  authorizer_type                  = "REQUEST"
  authorizer_result_ttl_in_seconds = 120
  enable_simple_responses          = true
}

resource "aws_apigatewayv2_authorizer" "jwt" {
  api_id                           = aws_apigatewayv2_api.http.id
  authorizer_type                  = "JWT"
  authorizer_result_ttl_in_seconds = 120
}

resource "aws_apigatewayv2_authorizer" "unset" {
  api_id          = aws_apigatewayv2_api.http.id
  authorizer_type = "REQUEST"
}

resource "aws_apigatewayv2_authorizer" "ws" {
  api_id                           = aws_apigatewayv2_api.ws.id
  authorizer_type                  = "REQUEST"
  authorizer_result_ttl_in_seconds = 120
}

resource "aws_apigatewayv2_route" "route" {
  for_each           = toset(["GET /a", "GET /b"])
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = each.key
  authorization_type = "CUSTOM"
  authorizer_id      = aws_apigatewayv2_authorizer.policy.id
}

resource "aws_apigatewayv2_route" "other" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "GET /c"
  authorization_type = "CUSTOM"
  authorizer_id      = aws_apigatewayv2_authorizer.policy.id
}
`,
			Expected: helper.Issues{{
				Message: cacheMessage("aws_apigatewayv2_authorizer.policy", "for 120 seconds", "route", "403 Forbidden"),
				Range:   at(14, 3, 14, 43),
			}},
		},
		{
			Name:    "JSON syntax",
			Content: "",
			Files: map[string]string{"a.tf.json": `{"resource": {"aws_api_gateway_authorizer": {"a": {
  "rest_api_id": "${var.api_id}",
  "authorizer_result_ttl_in_seconds": 3600
}}}}`},
			Expected: helper.Issues{{
				Message: cacheMessage("aws_api_gateway_authorizer.a", "for 3600 seconds", "method", restDenied),
				Range:   atFile("a.tf.json", 3, 3, 3, 43),
			}},
		},
	})
}
