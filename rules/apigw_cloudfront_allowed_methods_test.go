package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const cfMethods = cfAPI + `
resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_rest_api.main.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "post" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_rest_api.main.root_resource_id
  http_method   = "POST"
  authorization = "NONE"
}
`

func methodsBlocked(behavior, allowed, api, blocked string) string {
	return "aws_cloudfront_distribution.cdn's " + behavior + " allows only " + allowed + " to " + api + ", which serves " + blocked + `: CloudFront answers those requests itself with its own 403 page ("This distribution is not configured to allow the HTTP request method that was used for this request") and API Gateway never sees them`
}

const sevenMethods = "    allowed_methods = [\"DELETE\", \"GET\", \"HEAD\", \"OPTIONS\", \"PATCH\", \"POST\", \"PUT\"]\n"

func TestApigwCloudfrontAllowedMethods(t *testing.T) {
	runRuleCases(t, NewApigwCloudfrontAllowedMethodsRule(), []ruleCase{
		{
			Name:     "GET and HEAD in front of a POST method",
			Content:  cfMethods + cfDist(restHost, "    allowed_methods = [\"GET\", \"HEAD\"]\n"),
			Expected: helper.Issues{{Message: methodsBlocked("default cache behaviour", "GET, HEAD", "aws_api_gateway_rest_api.main's execute-api host", "POST"), Range: at(35, 5, 35, 38)}},
			Fixed:    cfMethods + cfDist(restHost, sevenMethods),
		},
		{
			Name: "an HTTP API with an ANY route behind GET, HEAD, OPTIONS",
			Content: `resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "any" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "ANY /{proxy+}"
}
` + cfDist(`trimprefix(aws_apigatewayv2_api.http.api_endpoint, "https://")`, "    allowed_methods = [\"GET\", \"HEAD\", \"OPTIONS\"]\n"),
			Expected: helper.Issues{{Message: methodsBlocked("default cache behaviour", "GET, HEAD, OPTIONS", "aws_apigatewayv2_api.http's execute-api host", "DELETE, PATCH, POST and PUT"), Range: at(21, 5, 21, 49)}},
			Fixed: `resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "any" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "ANY /{proxy+}"
}
` + cfDist(`trimprefix(aws_apigatewayv2_api.http.api_endpoint, "https://")`, sevenMethods),
		},
		{
			Name: "a method allowed by another behaviour to the same origin, unknown lists, literal hosts and dynamic behaviours are left alone",
			Content: cfMethods + `
variable "methods" {
  type = list(string)
}

resource "aws_cloudfront_distribution" "split" {
  origin {
    origin_id   = "api"
    domain_name = ` + restHost + `
  }
  default_cache_behavior {
    target_origin_id = "api"
    allowed_methods  = ["GET", "HEAD"]
  }
  ordered_cache_behavior {
    path_pattern     = "/orders/*"
    target_origin_id = "api"
    allowed_methods  = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
  }
}

resource "aws_cloudfront_distribution" "unknown" {
  origin {
    origin_id   = "api"
    domain_name = ` + restHost + `
  }
  default_cache_behavior {
    target_origin_id = "api"
    allowed_methods  = var.methods
  }
}

resource "aws_cloudfront_distribution" "literal" {
  origin {
    origin_id   = "api"
    domain_name = "abcde12345.execute-api.eu-west-1.amazonaws.com"
  }
  default_cache_behavior {
    target_origin_id = "api"
    allowed_methods  = ["GET", "HEAD"]
  }
}

resource "aws_cloudfront_distribution" "dynamic" {
  origin {
    origin_id   = "api"
    domain_name = ` + restHost + `
  }
  default_cache_behavior {
    target_origin_id = "api"
    allowed_methods  = ["GET", "HEAD"]
  }
  dynamic "ordered_cache_behavior" {
    for_each = var.methods
    content {
      path_pattern     = ordered_cache_behavior.value
      target_origin_id = "api"
      allowed_methods  = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
    }
  }
}
`,
		},
		{
			Name: "methods from for_each or count = 0 prove nothing",
			Content: cfAPI + `
variable "verbs" {
  type = set(string)
}

resource "aws_api_gateway_method" "each" {
  for_each      = var.verbs
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_rest_api.main.root_resource_id
  http_method   = each.value
  authorization = "NONE"
}

resource "aws_api_gateway_method" "never" {
  count         = 0
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_rest_api.main.root_resource_id
  http_method   = "POST"
  authorization = "NONE"
}
` + cfDist(restHost, "    allowed_methods = [\"GET\", \"HEAD\"]\n"),
		},
	})
}
