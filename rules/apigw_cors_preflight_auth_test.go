package rules

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
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
	})
}

const corsHTTPAPI = `resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins = ["https://app.example.com"]
  }
}

resource "aws_apigatewayv2_integration" "lambda" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.api.invoke_arn
}
`

func catchAllMessage(route, key, auth, optionsKey, status, fix string) string {
	msg := route + " (" + key + `) has authorization_type = "` + auth + `" and matches OPTIONS requests, and aws_apigatewayv2_api.http has no ` + optionsKey + " route: API Gateway passes CORS preflights to the route instead of answering them from cors_configuration, so the preflight gets " + status + preflightEnd
	if fix != "" {
		msg += "; the fix adds an " + optionsKey + ` route with authorization_type = "NONE" and the same target, which lets unauthenticated OPTIONS requests reach ` + fix + ": it must answer them with a 2xx status, and API Gateway adds the CORS headers"
	}
	return msg
}

func TestApigwCORSPreflightAuthCatchAll(t *testing.T) {
	runRuleCases(t, NewApigwCORSPreflightAuthRule(), []ruleCase{
		{
			Name: "ANY /{proxy+} with a JWT authorizer",
			Content: corsHTTPAPI + `
resource "aws_apigatewayv2_route" "proxy" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "ANY /{proxy+}"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.jwt.id
  target             = "integrations/${aws_apigatewayv2_integration.lambda.id}"
}

resource "aws_apigatewayv2_route" "items" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "GET /items"
  authorization_type = "JWT"
}
`,
			Expected: helper.Issues{{Message: catchAllMessage("aws_apigatewayv2_route.proxy", "ANY /{proxy+}", "JWT", "OPTIONS /{proxy+}", "401 Unauthorized", "aws_apigatewayv2_integration.lambda"), Range: at(19, 3, 19, 29)}},
			Fixed: corsHTTPAPI + `
resource "aws_apigatewayv2_route" "proxy" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "ANY /{proxy+}"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.jwt.id
  target             = "integrations/${aws_apigatewayv2_integration.lambda.id}"
}

resource "aws_apigatewayv2_route" "proxy_options" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "OPTIONS /{proxy+}"
  authorization_type = "NONE"
  target             = aws_apigatewayv2_route.proxy.target
}

resource "aws_apigatewayv2_route" "items" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "GET /items"
  authorization_type = "JWT"
}
`,
		},
		{
			Name: "$default with IAM, and a free name",
			Content: corsHTTPAPI + `
resource "aws_apigatewayv2_route" "default" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "$default"
  authorization_type = "AWS_IAM"
  target             = "integrations/${aws_apigatewayv2_integration.lambda.id}"
}

resource "aws_apigatewayv2_route" "default_options" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "OPTIONS /items"
  target    = "integrations/${aws_apigatewayv2_integration.lambda.id}"
}
`,
			Expected: helper.Issues{{Message: catchAllMessage("aws_apigatewayv2_route.default", "$default", "AWS_IAM", "OPTIONS /{proxy+}", "403 Forbidden", "aws_apigatewayv2_integration.lambda"), Range: at(19, 3, 19, 33)}},
			Fixed: corsHTTPAPI + `
resource "aws_apigatewayv2_route" "default" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "$default"
  authorization_type = "AWS_IAM"
  target             = "integrations/${aws_apigatewayv2_integration.lambda.id}"
}

resource "aws_apigatewayv2_route" "default_options_2" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "OPTIONS /{proxy+}"
  authorization_type = "NONE"
  target             = aws_apigatewayv2_route.default.target
}

resource "aws_apigatewayv2_route" "default_options" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "OPTIONS /items"
  target    = "integrations/${aws_apigatewayv2_integration.lambda.id}"
}
`,
		},
		{
			Name: "ANY /v1/{proxy+} with count and a Lambda authorizer from a variable's default",
			Content: corsHTTPAPI + `
variable "auth" {
  type    = string
  default = "CUSTOM"
}

resource "aws_apigatewayv2_route" "v1" {
  count              = var.enabled ? 1 : 0
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "ANY /v1/{proxy+}"
  authorization_type = var.auth
  target             = "integrations/${aws_apigatewayv2_integration.lambda.id}"
}
`,
			Expected: helper.Issues{{Message: catchAllMessage("aws_apigatewayv2_route.v1", "ANY /v1/{proxy+}", "CUSTOM", "OPTIONS /v1/{proxy+}", "401 Unauthorized", "aws_apigatewayv2_integration.lambda"), Range: at(25, 3, 25, 32)}},
			Fixed: corsHTTPAPI + `
variable "auth" {
  type    = string
  default = "CUSTOM"
}

resource "aws_apigatewayv2_route" "v1" {
  count              = var.enabled ? 1 : 0
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "ANY /v1/{proxy+}"
  authorization_type = var.auth
  target             = "integrations/${aws_apigatewayv2_integration.lambda.id}"
}

resource "aws_apigatewayv2_route" "v1_options" {
  count = length(aws_apigatewayv2_route.v1)

  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "OPTIONS /v1/{proxy+}"
  authorization_type = "NONE"
  target             = aws_apigatewayv2_route.v1[count.index].target
}
`,
		},
		{
			Name: "ANY on one path, for_each over APIs, target from a variable",
			Content: `resource "aws_apigatewayv2_api" "http" {
  for_each      = toset(["a", "b"])
  name          = each.key
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins = ["*"]
  }
}

resource "aws_apigatewayv2_route" "items" {
  for_each           = aws_apigatewayv2_api.http
  api_id             = aws_apigatewayv2_api.http[each.key].id
  route_key          = "ANY /items"
  authorization_type = "JWT"
  target             = var.target
}
`,
			Expected: helper.Issues{{Message: catchAllMessage("aws_apigatewayv2_route.items", "ANY /items", "JWT", "OPTIONS /items", "401 Unauthorized", "the route's integration"), Range: at(15, 3, 15, 29)}},
			Fixed: `resource "aws_apigatewayv2_api" "http" {
  for_each      = toset(["a", "b"])
  name          = each.key
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins = ["*"]
  }
}

resource "aws_apigatewayv2_route" "items" {
  for_each           = aws_apigatewayv2_api.http
  api_id             = aws_apigatewayv2_api.http[each.key].id
  route_key          = "ANY /items"
  authorization_type = "JWT"
  target             = var.target
}

resource "aws_apigatewayv2_route" "items_options" {
  for_each = aws_apigatewayv2_route.items

  api_id             = aws_apigatewayv2_api.http[each.key].id
  route_key          = "OPTIONS /items"
  authorization_type = "NONE"
  target             = aws_apigatewayv2_route.items[each.key].target
}
`,
		},
		{
			Name: "a catch-all without a target: reported without a fix",
			Content: corsHTTPAPI + `
resource "aws_apigatewayv2_route" "proxy" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "ANY /{proxy+}"
  authorization_type = "JWT"
}
`,
			Expected: helper.Issues{{Message: catchAllMessage("aws_apigatewayv2_route.proxy", "ANY /{proxy+}", "JWT", "OPTIONS /{proxy+}", "401 Unauthorized", ""), Range: at(19, 3, 19, 29)}},
		},
		{
			Name:    "JSON syntax: reported without a fix",
			Content: corsHTTPAPI,
			Files: map[string]string{"routes.tf.json": `{"resource": {"aws_apigatewayv2_route": {"proxy": {
  "api_id": "${aws_apigatewayv2_api.http.id}",
  "route_key": "ANY /{proxy+}",
  "authorization_type": "JWT",
  "target": "integrations/${aws_apigatewayv2_integration.lambda.id}"
}}}}`},
			Expected: helper.Issues{{Message: catchAllMessage("aws_apigatewayv2_route.proxy", "ANY /{proxy+}", "JWT", "OPTIONS /{proxy+}", "401 Unauthorized", ""), Range: atFile("routes.tf.json", 4, 3, 4, 30)}},
		},
		{
			Name: "silent: plain routes, open catch-alls, OPTIONS routes, unknown values, no CORS, APIs from elsewhere",
			Content: corsHTTPAPI + `
resource "aws_apigatewayv2_route" "items" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "GET /items"
  authorization_type = "JWT"
}

resource "aws_apigatewayv2_route" "open" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "ANY /open/{proxy+}"
}

resource "aws_apigatewayv2_route" "none" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "ANY /none/{proxy+}"
  authorization_type = "NONE"
}

resource "aws_apigatewayv2_route" "covered" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "ANY /covered/{proxy+}"
  authorization_type = "JWT"
}

resource "aws_apigatewayv2_route" "covered_options" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "OPTIONS /covered/{proxy+}"
}

resource "aws_apigatewayv2_route" "proxy" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "ANY /{proxy+}"
}

resource "aws_apigatewayv2_route" "default" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "$default"
  authorization_type = "JWT"
}

resource "aws_apigatewayv2_route" "by_var" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "ANY /var/{proxy+}"
  authorization_type = var.auth
}

resource "aws_apigatewayv2_route" "never" {
  count              = 0
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "ANY /never/{proxy+}"
  authorization_type = "JWT"
}

resource "aws_apigatewayv2_route" "from_var" {
  api_id             = var.api_id
  route_key          = "ANY /{proxy+}"
  authorization_type = "JWT"
}

resource "aws_apigatewayv2_route" "from_data" {
  api_id             = data.aws_apigatewayv2_api.shared.id
  route_key          = "ANY /{proxy+}"
  authorization_type = "JWT"
}

data "aws_apigatewayv2_api" "shared" {
  api_id = "abc123"
}

resource "aws_apigatewayv2_api" "plain" {
  name          = "plain"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "plain" {
  api_id             = aws_apigatewayv2_api.plain.id
  route_key          = "ANY /{proxy+}"
  authorization_type = "JWT"
}
`,
		},
		{
			Name: "silent: a route key that is not known, a dynamic cors_configuration, a body, a greedy OPTIONS route above, a WebSocket $default",
			Content: `resource "aws_apigatewayv2_api" "unknown_keys" {
  name          = "unknown_keys"
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins = ["*"]
  }
}

resource "aws_apigatewayv2_route" "proxy" {
  api_id             = aws_apigatewayv2_api.unknown_keys.id
  route_key          = "ANY /{proxy+}"
  authorization_type = "JWT"
}

resource "aws_apigatewayv2_route" "each" {
  for_each  = var.routes
  api_id    = aws_apigatewayv2_api.unknown_keys.id
  route_key = each.value
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

resource "aws_apigatewayv2_route" "dynamic" {
  api_id             = aws_apigatewayv2_api.dynamic.id
  route_key          = "ANY /{proxy+}"
  authorization_type = "JWT"
}

resource "aws_apigatewayv2_api" "body" {
  name          = "body"
  protocol_type = "HTTP"
  body          = file("openapi.yaml")

  cors_configuration {
    allow_origins = ["*"]
  }
}

resource "aws_apigatewayv2_route" "body" {
  api_id             = aws_apigatewayv2_api.body.id
  route_key          = "ANY /{proxy+}"
  authorization_type = "JWT"
}

resource "aws_apigatewayv2_api" "greedy" {
  name          = "greedy"
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins = ["*"]
  }
}

resource "aws_apigatewayv2_route" "greedy_options" {
  api_id    = aws_apigatewayv2_api.greedy.id
  route_key = "OPTIONS /{path+}"
}

resource "aws_apigatewayv2_route" "greedy_v1" {
  api_id             = aws_apigatewayv2_api.greedy.id
  route_key          = "ANY /v1/{proxy+}"
  authorization_type = "JWT"
}

resource "aws_apigatewayv2_route" "greedy_default" {
  api_id             = aws_apigatewayv2_api.greedy.id
  route_key          = "$default"
  authorization_type = "JWT"
}

resource "aws_apigatewayv2_api" "ws" {
  name                       = "ws"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_route" "ws" {
  api_id             = aws_apigatewayv2_api.ws.id
  route_key          = "$default"
  authorization_type = "AWS_IAM"
}
`,
		},
	})
}

func TestKeepsInstanceKeys(t *testing.T) {
	for src, want := range map[string]bool{
		"aws_apigatewayv2_api.http.id":                  true,
		"aws_apigatewayv2_api.http[count.index].id":     true,
		"aws_apigatewayv2_api.http[each.key].id":        true,
		"each.value.id":                                 false,
		"aws_apigatewayv2_api.http[each.value.name].id": false,
	} {
		expr, diags := hclsyntax.ParseExpression([]byte(src), "x.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		if got := keepsInstanceKeys(expr); got != want {
			t.Errorf("keepsInstanceKeys(%s) = %v", src, got)
		}
	}
}
