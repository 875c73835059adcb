package apigw

import "testing"

func TestZeroThrottles(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
variable "burst" {
  default = 0
}

resource "aws_apigatewayv2_stage" "unset" {
  default_route_settings {
    detailed_metrics_enabled = true
  }
  route_settings {
    route_key              = "GET /items"
    throttling_burst_limit = 0
    throttling_rate_limit  = null
  }
}

resource "aws_apigatewayv2_stage" "fine" {
  default_route_settings {
    throttling_burst_limit = var.burst
    throttling_rate_limit  = 100
  }
  dynamic "route_settings" {
    for_each = var.routes
    content {
      route_key = route_settings.key
    }
  }
}

resource "aws_api_gateway_method_settings" "zero" {
  settings {
    throttling_rate_limit = 0.0
  }
}

resource "aws_api_gateway_method_settings" "unset" {
  settings {
    logging_level = "INFO"
  }
}

resource "aws_api_gateway_usage_plan" "zero" {
  throttle_settings {
    burst_limit = "0"
    rate_limit  = 10
  }
}
`}), nil)
	type want struct {
		label string
		unset []string
		zero  []string
	}
	for addr, expected := range map[string][]want{
		"aws_apigatewayv2_stage.unset": {
			{"default_route_settings", []string{StageBurstLimit, StageRateLimit}, nil},
			{`route_settings "GET /items"`, []string{StageRateLimit}, []string{StageBurstLimit}},
		},
		"aws_apigatewayv2_stage.fine":           nil,
		"aws_api_gateway_method_settings.zero":  {{"settings", nil, []string{StageRateLimit}}},
		"aws_api_gateway_method_settings.unset": nil,
		"aws_api_gateway_usage_plan.zero":       {{"throttle_settings", nil, []string{"burst_limit"}}},
	} {
		got := g.ZeroThrottles(g.Lookup(addr))
		if len(got) != len(expected) {
			t.Errorf("%s: %d throttles, want %d", addr, len(got), len(expected))
			continue
		}
		for i, w := range expected {
			var zero []string
			for _, z := range got[i].Zero {
				zero = append(zero, z.Name)
			}
			if got[i].Label != w.label || !equal(got[i].Unset, w.unset) || !equal(zero, w.zero) {
				t.Errorf("%s[%d] = %q unset %v zero %v, want %+v", addr, i, got[i].Label, got[i].Unset, zero, w)
			}
		}
	}
}
