package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func dataTrace(addr string) string {
	return addr + " sets data_trace_enabled = true: the execution log receives every request and response body in full, tokens and personal data included; turn it off when debugging is done"
}

func TestApigwDataTraceEnabled(t *testing.T) {
	runRuleCases(t, NewApigwDataTraceEnabledRule(), []ruleCase{
		{
			Name: "REST method settings and a WebSocket stage's route settings",
			Content: `resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    logging_level      = "INFO"
    data_trace_enabled = true
  }
}

resource "aws_apigatewayv2_stage" "ws" {
  api_id = aws_apigatewayv2_api.ws.id
  name   = "prod"

  default_route_settings {
    data_trace_enabled = true
    logging_level      = "INFO"
  }

  route_settings {
    route_key          = "$connect"
    data_trace_enabled = false
  }
}
`,
			Expected: helper.Issues{
				{Message: dataTrace("aws_api_gateway_method_settings.all"), Range: at(8, 5, 8, 30)},
				{Message: dataTrace("aws_apigatewayv2_stage.ws"), Range: at(17, 5, 17, 30)},
			},
		},
		{
			Name: "off, unset, unknown, or a variable's default of false",
			Content: `variable "trace" {
  type = bool
}

variable "off" {
  type    = bool
  default = false
}

resource "aws_api_gateway_method_settings" "a" {
  settings {
    data_trace_enabled = false
  }
}

resource "aws_api_gateway_method_settings" "b" {
  settings {
    logging_level = "INFO"
  }
}

resource "aws_api_gateway_method_settings" "c" {
  for_each = toset(["x"])
  settings {
    data_trace_enabled = var.trace
  }
}

resource "aws_api_gateway_method_settings" "d" {
  settings {
    data_trace_enabled = var.off
  }
}
`,
		},
		{
			Name: "JSON syntax",
			Files: map[string]string{"settings.tf.json": `{
  "resource": {
    "aws_api_gateway_method_settings": {
      "all": {
        "settings": {
          "data_trace_enabled": true
        }
      }
    }
  }
}`},
			Expected: helper.Issues{{Message: dataTrace("aws_api_gateway_method_settings.all"), Range: atFile("settings.tf.json", 6, 11, 6, 37)}},
		},
	})
}
