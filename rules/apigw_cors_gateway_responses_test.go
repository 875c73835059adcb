package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func corsMessage(api, missing, origin string) string {
	msg := api + " serves CORS, but no " + missing + " gateway response sends Access-Control-Allow-Origin: the 403s API Gateway answers itself (API key, WAF, resource policy, authorizer) reach the browser as a CORS error"
	if origin != "" {
		msg += "; the fix adds Access-Control-Allow-Origin " + origin + " to these error responses, which lets browsers from that origin read them"
	}
	return msg
}

const corsAPI = `resource "aws_api_gateway_rest_api" "app" {
  name = "app"
}

resource "aws_api_gateway_method" "options" {
  rest_api_id   = aws_api_gateway_rest_api.app.id
  resource_id   = aws_api_gateway_rest_api.app.root_resource_id
  http_method   = "OPTIONS"
  authorization = "NONE"
}
`

const corsOptionsResponse = `
resource "aws_api_gateway_integration_response" "options" {
  rest_api_id = aws_api_gateway_rest_api.app.id
  resource_id = aws_api_gateway_rest_api.app.root_resource_id
  http_method = aws_api_gateway_method.options.http_method
  status_code = "200"
  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "'https://app.example.com'"
  }
}
`

func TestApigwCORSGatewayResponses(t *testing.T) {
	runRuleCases(t, NewApigwCORSGatewayResponsesRule(), []ruleCase{
		{
			Name:     "an OPTIONS method and no gateway responses: both inserted with the preflight's origin",
			Content:  corsAPI + corsOptionsResponse,
			Expected: helper.Issues{{Message: corsMessage("aws_api_gateway_rest_api.app", "DEFAULT_4XX or DEFAULT_5XX", `"'https://app.example.com'"`), Range: at(1, 1, 1, 42)}},
			Fixed: `resource "aws_api_gateway_rest_api" "app" {
  name = "app"
}

resource "aws_api_gateway_gateway_response" "app_default_4xx" {
  rest_api_id   = aws_api_gateway_rest_api.app.id
  response_type = "DEFAULT_4XX"

  response_parameters = {
    "gatewayresponse.header.Access-Control-Allow-Origin" = "'https://app.example.com'"
  }
}

resource "aws_api_gateway_gateway_response" "app_default_5xx" {
  rest_api_id   = aws_api_gateway_rest_api.app.id
  response_type = "DEFAULT_5XX"

  response_parameters = {
    "gatewayresponse.header.Access-Control-Allow-Origin" = "'https://app.example.com'"
  }
}

resource "aws_api_gateway_method" "options" {
  rest_api_id   = aws_api_gateway_rest_api.app.id
  resource_id   = aws_api_gateway_rest_api.app.root_resource_id
  http_method   = "OPTIONS"
  authorization = "NONE"
}
` + corsOptionsResponse,
		},
		{
			Name: "a method response with the header, DEFAULT_4XX covered: DEFAULT_5XX inserted with '*', for_each",
			Content: `resource "aws_api_gateway_rest_api" "app" {
  for_each = toset(["a", "b"])
  name     = each.key
}

resource "aws_api_gateway_method_response" "get" {
  for_each    = aws_api_gateway_rest_api.app
  rest_api_id = aws_api_gateway_rest_api.app[each.key].id
  http_method = "GET"
  status_code = "200"
  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = true
  }
}

resource "aws_api_gateway_gateway_response" "d4" {
  for_each      = aws_api_gateway_rest_api.app
  rest_api_id   = aws_api_gateway_rest_api.app[each.key].id
  response_type = "DEFAULT_4XX"
  response_parameters = {
    "gatewayresponse.header.Access-Control-Allow-Origin" = "'*'"
  }
}
`,
			Expected: helper.Issues{{Message: corsMessage("aws_api_gateway_rest_api.app", "DEFAULT_5XX", `"'*'"`), Range: at(1, 1, 1, 42)}},
			Fixed: `resource "aws_api_gateway_rest_api" "app" {
  for_each = toset(["a", "b"])
  name     = each.key
}

resource "aws_api_gateway_gateway_response" "app_default_5xx" {
  for_each = aws_api_gateway_rest_api.app

  rest_api_id   = aws_api_gateway_rest_api.app[each.key].id
  response_type = "DEFAULT_5XX"

  response_parameters = {
    "gatewayresponse.header.Access-Control-Allow-Origin" = "'*'"
  }
}

resource "aws_api_gateway_method_response" "get" {
  for_each    = aws_api_gateway_rest_api.app
  rest_api_id = aws_api_gateway_rest_api.app[each.key].id
  http_method = "GET"
  status_code = "200"
  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = true
  }
}

resource "aws_api_gateway_gateway_response" "d4" {
  for_each      = aws_api_gateway_rest_api.app
  rest_api_id   = aws_api_gateway_rest_api.app[each.key].id
  response_type = "DEFAULT_4XX"
  response_parameters = {
    "gatewayresponse.header.Access-Control-Allow-Origin" = "'*'"
  }
}
`,
		},
		{
			Name: "a DEFAULT_4XX without the header is reported, not duplicated",
			Content: corsAPI + `
resource "aws_api_gateway_gateway_response" "d4" {
  rest_api_id   = aws_api_gateway_rest_api.app.id
  response_type = "DEFAULT_4XX"
  status_code   = "403"
}

resource "aws_api_gateway_gateway_response" "d5" {
  rest_api_id   = aws_api_gateway_rest_api.app.id
  response_type = "DEFAULT_5XX"
  response_parameters = {
    "gatewayresponse.header.Access-Control-Allow-Origin" = "'*'"
  }
}
`,
			Expected: helper.Issues{{Message: corsMessage("aws_api_gateway_rest_api.app", "DEFAULT_4XX", ""), Range: at(1, 1, 1, 42)}},
		},
		{
			Name: "covered, no CORS at all, an OpenAPI body, an API from a variable",
			Content: corsAPI + `
resource "aws_api_gateway_gateway_response" "d4" {
  rest_api_id   = aws_api_gateway_rest_api.app.id
  response_type = "DEFAULT_4XX"
  response_parameters = {
    "gatewayresponse.header.Access-Control-Allow-Origin" = "'*'"
  }
}

resource "aws_api_gateway_gateway_response" "d5" {
  rest_api_id   = aws_api_gateway_rest_api.app.id
  response_type = "DEFAULT_5XX"
  response_parameters = {
    "gatewayresponse.header.Access-Control-Allow-Origin" = "'*'"
  }
}

resource "aws_api_gateway_rest_api" "plain" {
  name = "plain"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id = aws_api_gateway_rest_api.plain.id
  http_method = "GET"
}

resource "aws_api_gateway_rest_api" "spec" {
  body = file("openapi.json")
}

resource "aws_api_gateway_method" "spec_options" {
  rest_api_id = aws_api_gateway_rest_api.spec.id
  http_method = "OPTIONS"
}

resource "aws_api_gateway_method" "shared_options" {
  rest_api_id = var.api_id
  http_method = "OPTIONS"
}
`,
		},
		{
			Name: "unknown values: a response type from a variable, headers from a data source",
			Content: corsAPI + `
resource "aws_api_gateway_gateway_response" "any" {
  rest_api_id   = aws_api_gateway_rest_api.app.id
  response_type = var.response_type
}

resource "aws_api_gateway_rest_api" "other" {
  name = "other"
}

resource "aws_api_gateway_method" "other_options" {
  rest_api_id = aws_api_gateway_rest_api.other.id
  http_method = "OPTIONS"
}

resource "aws_api_gateway_gateway_response" "other" {
  rest_api_id         = aws_api_gateway_rest_api.other.id
  response_type       = "DEFAULT_4XX"
  response_parameters = data.external.headers.result
}
`,
		},
		{
			Name: "two origins: reported without a fix",
			Content: corsAPI + corsOptionsResponse + `
resource "aws_api_gateway_integration_response" "options_b" {
  rest_api_id = aws_api_gateway_rest_api.app.id
  http_method = "OPTIONS"
  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "'https://admin.example.com'"
  }
}
`,
			Expected: helper.Issues{{Message: corsMessage("aws_api_gateway_rest_api.app", "DEFAULT_4XX or DEFAULT_5XX", ""), Range: at(1, 1, 1, 42)}},
		},
		{
			Name: "JSON syntax, an API with count: reported without a fix",
			Files: map[string]string{"api.tf.json": `{"resource": {
  "aws_api_gateway_rest_api": {"app": {"count": 2, "name": "app"}},
  "aws_api_gateway_method": {"options": {
    "count": 2,
    "rest_api_id": "${aws_api_gateway_rest_api.app[count.index].id}",
    "http_method": "OPTIONS"
  }}
}}`},
			Expected: helper.Issues{{Message: corsMessage("aws_api_gateway_rest_api.app", "DEFAULT_4XX or DEFAULT_5XX", ""), Range: atFile("api.tf.json", 2, 39, 2, 40)}},
		},
		{
			Name: "count on the API: the responses follow it",
			Content: `resource "aws_api_gateway_rest_api" "app" {
  count = var.enabled ? 1 : 0
  name  = "app"
}

resource "aws_api_gateway_method" "options" {
  count       = length(aws_api_gateway_rest_api.app)
  rest_api_id = aws_api_gateway_rest_api.app[count.index].id
  http_method = "OPTIONS"
}
`,
			Expected: helper.Issues{{Message: corsMessage("aws_api_gateway_rest_api.app", "DEFAULT_4XX or DEFAULT_5XX", `"'*'"`), Range: at(1, 1, 1, 42)}},
			Fixed: `resource "aws_api_gateway_rest_api" "app" {
  count = var.enabled ? 1 : 0
  name  = "app"
}

resource "aws_api_gateway_gateway_response" "app_default_4xx" {
  count = length(aws_api_gateway_rest_api.app)

  rest_api_id   = aws_api_gateway_rest_api.app[count.index].id
  response_type = "DEFAULT_4XX"

  response_parameters = {
    "gatewayresponse.header.Access-Control-Allow-Origin" = "'*'"
  }
}

resource "aws_api_gateway_gateway_response" "app_default_5xx" {
  count = length(aws_api_gateway_rest_api.app)

  rest_api_id   = aws_api_gateway_rest_api.app[count.index].id
  response_type = "DEFAULT_5XX"

  response_parameters = {
    "gatewayresponse.header.Access-Control-Allow-Origin" = "'*'"
  }
}

resource "aws_api_gateway_method" "options" {
  count       = length(aws_api_gateway_rest_api.app)
  rest_api_id = aws_api_gateway_rest_api.app[count.index].id
  http_method = "OPTIONS"
}
`,
		},
	})
}
