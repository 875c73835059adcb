package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const cfAPI = `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = "x"
  stage_name    = "prod"
}
`

// cfDist is a distribution with one origin and a default behaviour whose
// body lines follow target_origin_id.
func cfDist(domain, behavior string) string {
	return `
resource "aws_cloudfront_distribution" "cdn" {
  enabled = true
  origin {
    origin_id   = "api"
    domain_name = ` + domain + `
    origin_path = "/prod"
  }
  default_cache_behavior {
    target_origin_id = "api"

` + behavior + `  }
}
`
}

const restHost = `"${aws_api_gateway_rest_api.main.id}.execute-api.${var.region}.amazonaws.com"`

func hostForwarded(behavior, host, via string) string {
	return "aws_cloudfront_distribution.cdn's " + behavior + " forwards the viewer's Host header to " + host + " through " + via + `: API Gateway does not know the distribution's host name, so every request through it gets API Gateway's 403 {"message":"Forbidden"}, not a CloudFront error`
}

func TestApigwCloudfrontHostHeader(t *testing.T) {
	runRuleCases(t, NewApigwCloudfrontHostHeaderRule(), []ruleCase{
		{
			Name:     "the managed AllViewer policy becomes AllViewerExceptHostHeader",
			Content:  cfAPI + cfDist(restHost, "    origin_request_policy_id = \"216adef6-5c7f-47e4-b989-5492eafa07d3\"\n"),
			Expected: helper.Issues{{Message: hostForwarded("default cache behaviour", "aws_api_gateway_rest_api.main's execute-api host", "the managed AllViewer origin request policy"), Range: at(21, 5, 21, 70)}},
			Fixed:    cfAPI + cfDist(restHost, "    origin_request_policy_id = \"b689b0a8-53d0-40ab-baf2-68738e2966ac\"\n"),
		},
		{
			Name: "the data source by name, in front of an HTTP API endpoint",
			Content: `resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

data "aws_cloudfront_origin_request_policy" "all" {
  name = "Managed-AllViewer"
}
` + cfDist(`replace(aws_apigatewayv2_api.http.api_endpoint, "https://", "")`, "    origin_request_policy_id = data.aws_cloudfront_origin_request_policy.all.id\n"),
			Expected: helper.Issues{{Message: hostForwarded("default cache behaviour", "aws_apigatewayv2_api.http's execute-api host", "the managed origin request policy Managed-AllViewer (data.aws_cloudfront_origin_request_policy.all)"), Range: at(20, 5, 20, 80)}},
			Fixed: `resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

data "aws_cloudfront_origin_request_policy" "all" {
  name = "Managed-AllViewer"
}
` + cfDist(`replace(aws_apigatewayv2_api.http.api_endpoint, "https://", "")`, "    origin_request_policy_id = \"b689b0a8-53d0-40ab-baf2-68738e2966ac\"\n"),
		},
		{
			Name: "a whitelist naming Host loses Host",
			Content: cfAPI + `
resource "aws_cloudfront_origin_request_policy" "api" {
  name = "api"
  headers_config {
    header_behavior = "whitelist"
    headers {
      items = ["Authorization", "Host", "x-api-key"]
    }
  }
}
` + cfDist(`split("/", aws_api_gateway_stage.prod.invoke_url)[2]`, "    origin_request_policy_id = aws_cloudfront_origin_request_policy.api.id\n"),
			Expected: helper.Issues{{Message: hostForwarded("default cache behaviour", "aws_api_gateway_rest_api.main's execute-api host", "aws_cloudfront_origin_request_policy.api (a whitelist naming Host)"), Range: at(31, 5, 31, 75)}},
			Fixed: cfAPI + `
resource "aws_cloudfront_origin_request_policy" "api" {
  name = "api"
  headers_config {
    header_behavior = "whitelist"
    headers {
      items = ["Authorization", "x-api-key"]
    }
  }
}
` + cfDist(`split("/", aws_api_gateway_stage.prod.invoke_url)[2]`, "    origin_request_policy_id = aws_cloudfront_origin_request_policy.api.id\n"),
		},
		{
			Name:     "legacy forwarded_values headers, literal host",
			Content:  cfDist(`"abcde12345.execute-api.eu-west-1.amazonaws.com"`, "    forwarded_values {\n      query_string = true\n      headers      = [\"host\", \"Origin\"]\n    }\n"),
			Expected: helper.Issues{{Message: hostForwarded("default cache behaviour", "an execute-api host", `forwarded_values headers naming "host"`), Range: at(14, 7, 14, 40)}},
			Fixed:    cfDist(`"abcde12345.execute-api.eu-west-1.amazonaws.com"`, "    forwarded_values {\n      query_string = true\n      headers      = [\"Origin\"]\n    }\n"),
		},
		{
			Name:     "forwarded_values headers * is reported without a fix",
			Content:  cfAPI + cfDist(restHost, "    forwarded_values {\n      headers = [\"*\"]\n    }\n"),
			Expected: helper.Issues{{Message: hostForwarded("default cache behaviour", "aws_api_gateway_rest_api.main's execute-api host", `forwarded_values headers ["*"]`), Range: at(18, 3, 18, 25)}},
		},
		{
			Name: "a custom allViewer policy is reported without a fix",
			Content: cfAPI + `
resource "aws_cloudfront_origin_request_policy" "all" {
  name = "all"
  headers_config {
    header_behavior = "allViewer"
  }
}
` + cfDist(restHost, "    origin_request_policy_id = aws_cloudfront_origin_request_policy.all.id\n"),
			Expected: helper.Issues{{Message: hostForwarded("default cache behaviour", "aws_api_gateway_rest_api.main's execute-api host", `aws_cloudfront_origin_request_policy.all (header_behavior "allViewer")`), Range: at(28, 5, 28, 75)}},
		},
		{
			Name: "AllViewerExceptHostHeader, allExcept Host, none, no policy, custom domains and unknowns are left alone",
			Content: cfAPI + `
variable "policy_id" {
  type = string
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name = "api.example.com"
}

data "aws_cloudfront_origin_request_policy" "except" {
  name = "Managed-AllViewerExceptHostHeader"
}

resource "aws_cloudfront_origin_request_policy" "except" {
  name = "except"
  headers_config {
    header_behavior = "allExcept"
    headers {
      items = ["host"]
    }
  }
}

resource "aws_cloudfront_distribution" "quiet" {
  aliases = ["api.example.com"]
  origin {
    origin_id   = "a"
    domain_name = ` + restHost + `
  }
  origin {
    origin_id   = "domain"
    domain_name = aws_api_gateway_domain_name.api.regional_domain_name
  }
  origin {
    origin_id   = "site"
    domain_name = "example.org"
  }
  origin {
    origin_id   = "var"
    domain_name = var.policy_id
  }
  default_cache_behavior {
    target_origin_id         = "a"
    origin_request_policy_id = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
  }
  ordered_cache_behavior {
    path_pattern             = "/a/*"
    target_origin_id         = "a"
    origin_request_policy_id = data.aws_cloudfront_origin_request_policy.except.id
  }
  ordered_cache_behavior {
    path_pattern             = "/b/*"
    target_origin_id         = "a"
    origin_request_policy_id = aws_cloudfront_origin_request_policy.except.id
  }
  ordered_cache_behavior {
    path_pattern             = "/c/*"
    target_origin_id         = "a"
    origin_request_policy_id = var.policy_id
  }
  ordered_cache_behavior {
    path_pattern     = "/d/*"
    target_origin_id = "a"
  }
  ordered_cache_behavior {
    path_pattern             = "/e/*"
    target_origin_id         = "domain"
    origin_request_policy_id = "216adef6-5c7f-47e4-b989-5492eafa07d3"
  }
  ordered_cache_behavior {
    path_pattern             = "/f/*"
    target_origin_id         = "site"
    origin_request_policy_id = "216adef6-5c7f-47e4-b989-5492eafa07d3"
  }
  ordered_cache_behavior {
    path_pattern             = "/g/*"
    target_origin_id         = "var"
    origin_request_policy_id = "216adef6-5c7f-47e4-b989-5492eafa07d3"
  }
  ordered_cache_behavior {
    path_pattern             = "/h/*"
    target_origin_id         = var.policy_id
    origin_request_policy_id = "216adef6-5c7f-47e4-b989-5492eafa07d3"
  }
}
`,
		},
		{
			Name: "for_each distributions and dynamic origins stay silent; count distributions are read",
			Content: cfAPI + `
variable "hosts" {
  type = map(string)
}

resource "aws_cloudfront_distribution" "each" {
  for_each = var.hosts
  origin {
    origin_id   = "api"
    domain_name = each.value
  }
  default_cache_behavior {
    target_origin_id         = "api"
    origin_request_policy_id = "216adef6-5c7f-47e4-b989-5492eafa07d3"
  }
}

resource "aws_cloudfront_distribution" "dyn" {
  dynamic "origin" {
    for_each = var.hosts
    content {
      origin_id   = origin.key
      domain_name = origin.value
    }
  }
  origin {
    origin_id   = "api"
    domain_name = ` + restHost + `
  }
  default_cache_behavior {
    target_origin_id         = "api"
    origin_request_policy_id = "216adef6-5c7f-47e4-b989-5492eafa07d3"
  }
}

resource "aws_cloudfront_distribution" "counted" {
  count = 2
  origin {
    origin_id   = "api"
    domain_name = ` + restHost + `
  }
  default_cache_behavior {
    target_origin_id         = "api"
    origin_request_policy_id = "216adef6-5c7f-47e4-b989-5492eafa07d3"
  }
}
`,
			Expected: helper.Issues{{Message: "aws_cloudfront_distribution.counted's default cache behaviour forwards the viewer's Host header to aws_api_gateway_rest_api.main's execute-api host through the managed AllViewer origin request policy: API Gateway does not know the distribution's host name, so every request through it gets API Gateway's 403 {\"message\":\"Forbidden\"}, not a CloudFront error", Range: at(53, 5, 53, 70)}},
			Fixed: cfAPI + `
variable "hosts" {
  type = map(string)
}

resource "aws_cloudfront_distribution" "each" {
  for_each = var.hosts
  origin {
    origin_id   = "api"
    domain_name = each.value
  }
  default_cache_behavior {
    target_origin_id         = "api"
    origin_request_policy_id = "216adef6-5c7f-47e4-b989-5492eafa07d3"
  }
}

resource "aws_cloudfront_distribution" "dyn" {
  dynamic "origin" {
    for_each = var.hosts
    content {
      origin_id   = origin.key
      domain_name = origin.value
    }
  }
  origin {
    origin_id   = "api"
    domain_name = ` + restHost + `
  }
  default_cache_behavior {
    target_origin_id         = "api"
    origin_request_policy_id = "216adef6-5c7f-47e4-b989-5492eafa07d3"
  }
}

resource "aws_cloudfront_distribution" "counted" {
  count = 2
  origin {
    origin_id   = "api"
    domain_name = ` + restHost + `
  }
  default_cache_behavior {
    target_origin_id         = "api"
    origin_request_policy_id = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
  }
}
`,
		},
	})
}
