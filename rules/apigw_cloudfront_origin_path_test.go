package rules

import (
	"strings"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// cfPathDist is a distribution with an S3 default and an API origin whose
// origin block lines are given, behind one ordered behaviour.
func cfPathDist(origin, pattern string) string {
	return `
resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "site"
    domain_name = "site.s3.amazonaws.com"
  }
  origin {
    origin_id   = "api"
    domain_name = ` + restHost + `
` + origin + `  }
  default_cache_behavior {
    target_origin_id = "site"
  }
  ordered_cache_behavior {
    path_pattern     = "` + pattern + `"
    target_origin_id = "api"
  }
}
`
}

func TestApigwCloudfrontOriginPath(t *testing.T) {
	runRuleCases(t, NewApigwCloudfrontOriginPathRule(), []ruleCase{
		{
			Name:    "no origin_path: the single stage is added",
			Content: cfAPI + cfPathDist("", "/items/*"),
			Expected: helper.Issues{{Message: `aws_cloudfront_distribution.cdn's ordered cache behaviour "/items/*" sends its paths to aws_api_gateway_rest_api.main's execute-api host without an origin_path naming a stage ("prod"): API Gateway reads "items" as the stage name and answers 403 {"message":"Forbidden"}`,
				Range: at(24, 5, 24, 34)}},
			Fixed: cfAPI + cfPathDist("    origin_path = \"/${aws_api_gateway_stage.prod.stage_name}\"\n", "/items/*"),
		},
		{
			Name:    "an origin_path that names no stage is reported without a fix",
			Content: cfAPI + cfPathDist("    origin_path = \"/v1\"\n", "/items/*"),
			Expected: helper.Issues{{Message: `aws_cloudfront_distribution.cdn's origin "api" sends every request to aws_api_gateway_rest_api.main's execute-api host under origin_path "/v1", which names no stage of it ("prod"): API Gateway reads "v1" as the stage name and answers 403 {"message":"Forbidden"}`,
				Range: at(19, 5, 19, 24)}},
		},
		{
			Name: "two stages: reported, no fix",
			Content: cfAPI + `
resource "aws_api_gateway_stage" "dev" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = "x"
  stage_name    = "dev"
}
` + cfPathDist("", "/items"),
			Expected: helper.Issues{{Message: `aws_cloudfront_distribution.cdn's ordered cache behaviour "/items" sends its paths to aws_api_gateway_rest_api.main's execute-api host without an origin_path naming a stage ("prod" and "dev"): API Gateway reads "items" as the stage name and answers 403 {"message":"Forbidden"}`,
				Range: at(30, 5, 30, 32)}},
		},
		{
			Name: "a stage with count and a distribution with for_each: reported, no fix",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_api_gateway_stage" "prod" {
  count         = 1
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = "x"
  stage_name    = "prod"
}
` + strings.Replace(cfPathDist("", "/items/*"), "\"cdn\" {\n", "\"cdn\" {\n  for_each = toset([\"a\", \"b\"])\n\n", 1),
			Expected: helper.Issues{{Message: `aws_cloudfront_distribution.cdn's ordered cache behaviour "/items/*" sends its paths to aws_api_gateway_rest_api.main's execute-api host without an origin_path naming a stage ("prod"): API Gateway reads "items" as the stage name and answers 403 {"message":"Forbidden"}`,
				Range: at(27, 5, 27, 34)}},
		},
		{
			Name: "the default behaviour also reaches the API: no fix, it may carry the stage",
			Content: cfAPI + `
resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "api"
    domain_name = ` + restHost + `
  }
  default_cache_behavior {
    target_origin_id = "api"
  }
  ordered_cache_behavior {
    path_pattern     = "/items/*"
    target_origin_id = "api"
  }
}
`,
			Expected: helper.Issues{{Message: `aws_cloudfront_distribution.cdn's ordered cache behaviour "/items/*" sends its paths to aws_api_gateway_rest_api.main's execute-api host without an origin_path naming a stage ("prod"): API Gateway reads "items" as the stage name and answers 403 {"message":"Forbidden"}`,
				Range: at(20, 5, 20, 34)}},
		},
		{
			Name: "stage paths, wildcards, an origin_path naming the stage, unknown stages and HTTP APIs are left alone",
			Content: cfAPI + `
variable "stage" {
  type = string
}

resource "aws_api_gateway_rest_api" "other" {
  name = "other"
}

resource "aws_api_gateway_stage" "other" {
  rest_api_id   = aws_api_gateway_rest_api.other.id
  deployment_id = "x"
  stage_name    = var.stage
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_cloudfront_distribution" "quiet" {
  origin {
    origin_id   = "api"
    domain_name = ` + restHost + `
  }
  origin {
    origin_id   = "named"
    domain_name = ` + restHost + `
    origin_path = "/prod"
  }
  origin {
    origin_id   = "other"
    domain_name = "${aws_api_gateway_rest_api.other.id}.execute-api.eu-west-1.amazonaws.com"
  }
  origin {
    origin_id   = "http"
    domain_name = replace(aws_apigatewayv2_api.http.api_endpoint, "https://", "")
  }
  default_cache_behavior {
    target_origin_id = "api"
  }
  ordered_cache_behavior {
    path_pattern     = "/prod/*"
    target_origin_id = "api"
  }
  ordered_cache_behavior {
    path_pattern     = "*.json"
    target_origin_id = "api"
  }
  ordered_cache_behavior {
    path_pattern     = "/items/*"
    target_origin_id = "named"
  }
  ordered_cache_behavior {
    path_pattern     = "/items/*"
    target_origin_id = "other"
  }
  ordered_cache_behavior {
    path_pattern     = "/items/*"
    target_origin_id = "http"
  }
  ordered_cache_behavior {
    path_pattern     = var.stage
    target_origin_id = "api"
  }
}
`,
		},
	})
}
