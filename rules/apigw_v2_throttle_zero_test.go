package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const throttleSymptom = ": every request answers 429 Too Many Requests"

func TestApigwV2ThrottleZero(t *testing.T) {
	runRuleCases(t, NewApigwV2ThrottleZeroRule(), []ruleCase{
		{
			Name: "default_route_settings without limits: the account defaults are added",
			Content: `resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    detailed_metrics_enabled = true
  }
}
`,
			Expected: helper.Issues{{Message: "aws_apigatewayv2_stage.prod default_route_settings leaves throttling_burst_limit and throttling_rate_limit unset, which the AWS provider sends as 0" + throttleSymptom, Range: at(6, 3, 6, 25)}},
			Fixed: `resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    detailed_metrics_enabled = true
    throttling_burst_limit   = 5000
    throttling_rate_limit    = 10000
  }
}
`,
		},
		{
			Name: "route_settings with one limit, a null and an empty block, with count",
			Content: `resource "aws_apigatewayv2_stage" "ws" {
  count  = 2
  api_id = aws_apigatewayv2_api.ws.id
  name   = "prod-${count.index}"

  default_route_settings {}

  route_settings {
    route_key              = "$connect"
    throttling_burst_limit = 100
    throttling_rate_limit  = null
  }
}
`,
			Expected: helper.Issues{
				{Message: "aws_apigatewayv2_stage.ws default_route_settings leaves throttling_burst_limit and throttling_rate_limit unset, which the AWS provider sends as 0" + throttleSymptom, Range: at(6, 3, 6, 25)},
				{Message: `aws_apigatewayv2_stage.ws route_settings "$connect" leaves throttling_rate_limit unset, which the AWS provider sends as 0: every request to the route answers 429 Too Many Requests`, Range: at(8, 3, 8, 17)},
			},
			Fixed: `resource "aws_apigatewayv2_stage" "ws" {
  count  = 2
  api_id = aws_apigatewayv2_api.ws.id
  name   = "prod-${count.index}"

  default_route_settings {
    throttling_burst_limit = 5000
    throttling_rate_limit  = 10000
  }

  route_settings {
    route_key              = "$connect"
    throttling_burst_limit = 100
    throttling_rate_limit  = 10000
  }
}
`,
		},
		{
			Name: "zeros written on purpose: reported without a fix, REST method settings and usage plans too",
			Content: `resource "aws_apigatewayv2_stage" "off" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "off"

  default_route_settings {
    throttling_burst_limit = 0
    throttling_rate_limit  = 0
  }
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    throttling_burst_limit = 0
  }
}

resource "aws_api_gateway_usage_plan" "free" {
  name = "free"

  throttle_settings {
    burst_limit = 10
    rate_limit  = 0
  }
}
`,
			Expected: helper.Issues{
				{Message: "aws_apigatewayv2_stage.off default_route_settings sets throttling_burst_limit and throttling_rate_limit to 0" + throttleSymptom, Range: at(5, 3, 5, 25)},
				{Message: "aws_api_gateway_method_settings.all settings sets throttling_burst_limit to 0: every request to the methods they cover answers 429 Too Many Requests", Range: at(17, 5, 17, 31)},
				{Message: "aws_api_gateway_usage_plan.free throttle_settings sets rate_limit to 0: every request with the plan's API keys answers 429 Too Many Requests", Range: at(26, 5, 26, 20)},
			},
		},
		{
			Name: "limits set, from variables, unset in REST settings, dynamic blocks, a stage that never exists",
			Content: `variable "burst" {
  default = 0
}

resource "aws_apigatewayv2_stage" "set" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "set"

  default_route_settings {
    throttling_burst_limit = var.burst
    throttling_rate_limit  = local.rate
  }

  route_settings {
    route_key              = "GET /items"
    throttling_burst_limit = 50
    throttling_rate_limit  = 100.5
  }

  dynamic "route_settings" {
    for_each = var.routes
    content {
      route_key = route_settings.key
    }
  }
}

resource "aws_apigatewayv2_stage" "none" {
  count  = 0
  api_id = aws_apigatewayv2_api.http.id
  name   = "none"

  default_route_settings {}
}

resource "aws_apigatewayv2_stage" "plain" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "plain"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "prod"
  method_path = "*/*"

  settings {
    logging_level = "INFO"
  }
}

resource "aws_api_gateway_usage_plan" "plan" {
  name = "plan"

  throttle_settings {
    burst_limit = var.burst
  }
}
`,
		},
		{
			Name:    "JSON syntax: reported without a fix",
			Content: "",
			Files: map[string]string{"stage.tf.json": `{"resource": {"aws_apigatewayv2_stage": {"prod": {
  "api_id": "${aws_apigatewayv2_api.http.id}",
  "name": "$default",
  "default_route_settings": {"detailed_metrics_enabled": true}
}}}}`},
			Expected: helper.Issues{{Message: "aws_apigatewayv2_stage.prod default_route_settings leaves throttling_burst_limit and throttling_rate_limit unset, which the AWS provider sends as 0" + throttleSymptom, Range: atFile("stage.tf.json", 4, 29, 4, 30)}},
		},
	})
}
