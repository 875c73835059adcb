package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func rootless(resource, api string) string {
	return resource + " ({proxy+}) matches every path below the root of " + api + ", but not the root itself, which has no method: GET /<stage>/ answers 403 Missing Authentication Token"
}

const proxyAPI = `resource "aws_api_gateway_rest_api" "main" {
  name = "app"
}

resource "aws_api_gateway_resource" "proxy" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_rest_api.main.root_resource_id
  path_part   = "{proxy+}"
}

resource "aws_api_gateway_method" "proxy" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_resource.proxy.id
  http_method   = "ANY"
  authorization = "NONE"

  request_parameters = {
    "method.request.path.proxy" = true
  }
}

resource "aws_api_gateway_integration" "proxy" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  resource_id             = aws_api_gateway_method.proxy.resource_id
  http_method             = aws_api_gateway_method.proxy.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.app.invoke_arn
}
`

const proxyRootCopies = `
resource "aws_api_gateway_method" "proxy_root" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_rest_api.main.root_resource_id
  http_method   = "ANY"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "proxy_root" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  resource_id             = aws_api_gateway_rest_api.main.root_resource_id
  http_method             = aws_api_gateway_method.proxy_root.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.app.invoke_arn
}
`

func TestApigwProxyRootMethod(t *testing.T) {
	runRuleCases(t, NewApigwProxyRootMethodRule(), []ruleCase{
		{
			Name:     "the proxy's method and integration are copied onto the root",
			Content:  proxyAPI,
			Expected: helper.Issues{{Message: rootless("aws_api_gateway_resource.proxy", "aws_api_gateway_rest_api.main"), Range: at(8, 3, 8, 27)}},
			Fixed:    proxyAPI + proxyRootCopies,
		},
		{
			Name: "the copy goes right after the proxy's integration",
			Content: proxyAPI + `
resource "aws_lambda_function" "app" {
  function_name = "app"
}
`,
			Expected: helper.Issues{{Message: rootless("aws_api_gateway_resource.proxy", "aws_api_gateway_rest_api.main"), Range: at(8, 3, 8, 27)}},
			Fixed: proxyAPI + proxyRootCopies + `
resource "aws_lambda_function" "app" {
  function_name = "app"
}
`,
		},
		{
			Name: "a root method, an OpenAPI body, or a method on an unknown resource: silent",
			Content: proxyAPI + `
resource "aws_api_gateway_method" "root" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_rest_api.main.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_rest_api" "body" {
  name = "body"
  body = file("openapi.json")
}

resource "aws_api_gateway_resource" "body_proxy" {
  rest_api_id = aws_api_gateway_rest_api.body.id
  parent_id   = aws_api_gateway_rest_api.body.root_resource_id
  path_part   = "{proxy+}"
}

resource "aws_api_gateway_method" "body_proxy" {
  rest_api_id   = aws_api_gateway_rest_api.body.id
  resource_id   = aws_api_gateway_resource.body_proxy.id
  http_method   = "ANY"
  authorization = "NONE"
}

resource "aws_api_gateway_rest_api" "other" {
  name = "other"
}

resource "aws_api_gateway_resource" "other_proxy" {
  rest_api_id = aws_api_gateway_rest_api.other.id
  parent_id   = aws_api_gateway_rest_api.other.root_resource_id
  path_part   = "{proxy+}"
}

resource "aws_api_gateway_method" "other_proxy" {
  rest_api_id   = aws_api_gateway_rest_api.other.id
  resource_id   = aws_api_gateway_resource.other_proxy.id
  http_method   = "ANY"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "other_somewhere" {
  rest_api_id   = aws_api_gateway_rest_api.other.id
  resource_id   = var.resource_id
  http_method   = "GET"
  authorization = "NONE"
}
`,
		},
		{
			Name: "a proxy deeper in the tree, or one without methods, is not the root's business",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "app"
}

resource "aws_api_gateway_resource" "api" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_rest_api.main.root_resource_id
  path_part   = "api"
}

resource "aws_api_gateway_resource" "proxy" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_resource.api.id
  path_part   = "{proxy+}"
}

resource "aws_api_gateway_method" "proxy" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_resource.proxy.id
  http_method   = "ANY"
  authorization = "NONE"
}

resource "aws_api_gateway_rest_api" "empty" {
  name = "empty"
}

resource "aws_api_gateway_resource" "empty_proxy" {
  rest_api_id = aws_api_gateway_rest_api.empty.id
  parent_id   = aws_api_gateway_rest_api.empty.root_resource_id
  path_part   = "{proxy+}"
}
`,
		},
		{
			Name: "two methods, an HTTP backend built from {proxy}, or for_each: reported without a fix",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "app"
}

resource "aws_api_gateway_resource" "proxy" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_rest_api.main.root_resource_id
  path_part   = "{proxy+}"
}

resource "aws_api_gateway_method" "proxy" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_resource.proxy.id
  http_method   = "ANY"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "proxy" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  resource_id             = aws_api_gateway_resource.proxy.id
  http_method             = "ANY"
  type                    = "HTTP_PROXY"
  integration_http_method = "ANY"
  uri                     = "https://backend.example.com/{proxy}"
}

resource "aws_api_gateway_rest_api" "two" {
  name = "two"
}

resource "aws_api_gateway_resource" "two_proxy" {
  rest_api_id = aws_api_gateway_rest_api.two.id
  parent_id   = aws_api_gateway_rest_api.two.root_resource_id
  path_part   = "{proxy+}"
}

resource "aws_api_gateway_method" "two_proxy" {
  for_each      = toset(["GET", "POST"])
  rest_api_id   = aws_api_gateway_rest_api.two.id
  resource_id   = aws_api_gateway_resource.two_proxy.id
  http_method   = each.key
  authorization = "NONE"
}
`,
			Expected: helper.Issues{
				{Message: rootless("aws_api_gateway_resource.proxy", "aws_api_gateway_rest_api.main"), Range: at(8, 3, 8, 27)},
				{Message: rootless("aws_api_gateway_resource.two_proxy", "aws_api_gateway_rest_api.two"), Range: at(34, 3, 34, 27)},
			},
		},
		{
			Name: "cache keys naming the proxy are left out of the copy; other parameters stay",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "app"
}

resource "aws_api_gateway_resource" "proxy" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_rest_api.main.root_resource_id
  path_part   = "{proxy+}"
}

resource "aws_api_gateway_method" "proxy" {
  rest_api_id        = aws_api_gateway_rest_api.main.id
  resource_id        = aws_api_gateway_resource.proxy.id
  http_method        = "GET"
  authorization      = "CUSTOM"
  authorizer_id      = aws_api_gateway_authorizer.token.id
  request_parameters = { "method.request.querystring.page" = false }
}

resource "aws_api_gateway_integration" "proxy" {
  rest_api_id          = aws_api_gateway_rest_api.main.id
  resource_id          = aws_api_gateway_resource.proxy.id
  http_method          = "GET"
  type                 = "AWS_PROXY"
  uri                  = aws_lambda_function.app.invoke_arn
  cache_key_parameters = ["method.request.path.proxy"]
}
`,
			Expected: helper.Issues{{Message: rootless("aws_api_gateway_resource.proxy", "aws_api_gateway_rest_api.main"), Range: at(8, 3, 8, 27)}},
			Fixed: `resource "aws_api_gateway_rest_api" "main" {
  name = "app"
}

resource "aws_api_gateway_resource" "proxy" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_rest_api.main.root_resource_id
  path_part   = "{proxy+}"
}

resource "aws_api_gateway_method" "proxy" {
  rest_api_id        = aws_api_gateway_rest_api.main.id
  resource_id        = aws_api_gateway_resource.proxy.id
  http_method        = "GET"
  authorization      = "CUSTOM"
  authorizer_id      = aws_api_gateway_authorizer.token.id
  request_parameters = { "method.request.querystring.page" = false }
}

resource "aws_api_gateway_integration" "proxy" {
  rest_api_id          = aws_api_gateway_rest_api.main.id
  resource_id          = aws_api_gateway_resource.proxy.id
  http_method          = "GET"
  type                 = "AWS_PROXY"
  uri                  = aws_lambda_function.app.invoke_arn
  cache_key_parameters = ["method.request.path.proxy"]
}

resource "aws_api_gateway_method" "proxy_root" {
  rest_api_id        = aws_api_gateway_rest_api.main.id
  resource_id        = aws_api_gateway_rest_api.main.root_resource_id
  http_method        = "GET"
  authorization      = "CUSTOM"
  authorizer_id      = aws_api_gateway_authorizer.token.id
  request_parameters = { "method.request.querystring.page" = false }
}

resource "aws_api_gateway_integration" "proxy_root" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  resource_id = aws_api_gateway_rest_api.main.root_resource_id
  http_method = "GET"
  type        = "AWS_PROXY"
  uri         = aws_lambda_function.app.invoke_arn
}
`,
		},
		{
			Name:    "JSON syntax: reported without a fix",
			Content: "",
			Files: map[string]string{"api.tf.json": `{"resource": {
  "aws_api_gateway_rest_api": {"main": {"name": "app"}},
  "aws_api_gateway_resource": {"proxy": {
    "rest_api_id": "${aws_api_gateway_rest_api.main.id}",
    "parent_id": "${aws_api_gateway_rest_api.main.root_resource_id}",
    "path_part": "{proxy+}"
  }},
  "aws_api_gateway_method": {"proxy": {
    "rest_api_id": "${aws_api_gateway_rest_api.main.id}",
    "resource_id": "${aws_api_gateway_resource.proxy.id}",
    "http_method": "ANY",
    "authorization": "NONE"
  }}
}}`},
			Expected: helper.Issues{{Message: rootless("aws_api_gateway_resource.proxy", "aws_api_gateway_rest_api.main"), Range: atFile("api.tf.json", 6, 5, 6, 28)}},
		},
		{
			Name:     "a root method never created does not serve the root",
			Content:  proxyAPI + neverRoot,
			Expected: helper.Issues{{Message: rootless("aws_api_gateway_resource.proxy", "aws_api_gateway_rest_api.main"), Range: at(8, 3, 8, 27)}},
			Fixed:    proxyAPI + proxyRootCopies + neverRoot,
		},
	})
}

// neverRoot is a root method with no instance.
const neverRoot = `
resource "aws_api_gateway_method" "legacy_root" {
  count         = 0
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_rest_api.main.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}
`
