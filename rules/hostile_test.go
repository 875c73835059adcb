package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// hostileInputs are configurations that are valid HCL but unusual: no rule
// may panic or return an error on them, and any fix must leave valid HCL.
var hostileInputs = map[string]string{
	"empty blocks": `
resource "aws_api_gateway_rest_api" "a" {}
resource "aws_api_gateway_deployment" "a" {}
resource "aws_api_gateway_stage" "a" {}
resource "aws_apigatewayv2_api" "a" {}
resource "aws_apigatewayv2_stage" "a" {}
resource "aws_apigatewayv2_deployment" "a" {}
resource "aws_api_gateway_method" "a" {}
resource "aws_api_gateway_integration" "a" {}
resource "aws_lambda_function" "a" {}
resource "aws_lambda_permission" "a" {}
resource "aws_api_gateway_usage_plan" "a" {}
resource "aws_api_gateway_rest_api_policy" "a" {}
data "aws_iam_policy_document" "a" {}
`,
	"settings, formats and headers of the wrong type": `
provider "aws" {}
resource "aws_api_gateway_rest_api" "a" {}
resource "aws_api_gateway_method" "a" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  http_method = "OPTIONS"
}
resource "aws_api_gateway_integration_response" "a" {
  rest_api_id         = aws_api_gateway_rest_api.a.id
  http_method         = "OPTIONS"
  response_parameters = "not a map"
}
resource "aws_api_gateway_gateway_response" "a" {
  rest_api_id         = aws_api_gateway_rest_api.a.id
  response_type       = 4
  response_parameters = ["x"]
}
resource "aws_apigatewayv2_stage" "a" {
  default_route_settings {
    throttling_burst_limit = "many"
    throttling_rate_limit  = true
  }
  route_settings {}
  access_log_settings {
    format = 42
  }
}
resource "aws_api_gateway_stage" "b" {
  access_log_settings {
    format = jsonencode({ (local.k) = "$context.requestId", n = null, l = [1, "$context.status"] })
  }
}
resource "aws_api_gateway_usage_plan" "a" {
  throttle_settings {
    rate_limit = null
  }
}
`,
	"every attribute unknown": `
resource "aws_api_gateway_rest_api" "a" {
  name   = var.name
  body   = var.body
  policy = var.policy
  endpoint_configuration {
    types            = var.types
    vpc_endpoint_ids = var.vpces
  }
}
resource "aws_api_gateway_method" "a" {
  rest_api_id      = var.api
  resource_id      = var.resource
  http_method      = var.method
  authorization    = var.auth
  authorizer_id    = var.authorizer
  api_key_required = var.key
}
resource "aws_api_gateway_integration" "a" {
  rest_api_id             = var.api
  resource_id             = var.resource
  http_method             = var.method
  type                    = var.type
  uri                     = var.uri
  integration_http_method = var.ihm
}
resource "aws_api_gateway_deployment" "a" {
  rest_api_id = var.api
  triggers    = var.triggers
  stage_name  = var.stage
}
resource "aws_apigatewayv2_stage" "a" {
  api_id        = var.api2
  auto_deploy   = var.auto
  deployment_id = var.dep
}
`,
	"dynamic blocks and for expressions": `
resource "aws_api_gateway_rest_api" "a" {
  name = "a"
  dynamic "endpoint_configuration" {
    for_each = { for k, v in var.m : k => [for x in v : { for y in x : y => y if y != "" }] }
    content {
      types = endpoint_configuration.value
    }
  }
}
resource "aws_api_gateway_deployment" "a" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  dynamic "lifecycle" {
    for_each = [1]
    content {}
  }
  triggers = { for k, v in var.t : k => sha1(jsonencode([for x in v : [for y in x : y]])) }
}
`,
	"count zero and for_each over nothing": `
resource "aws_api_gateway_rest_api" "a" {
  count = 0
  name  = "a"
}
resource "aws_api_gateway_resource" "r" {
  for_each    = {}
  rest_api_id = aws_api_gateway_rest_api.a[0].id
}
resource "aws_api_gateway_deployment" "d" {
  count       = 0
  rest_api_id = aws_api_gateway_rest_api.a[0].id
}
`,
	"heredocs with template directives and broken policies": `
resource "aws_api_gateway_rest_api" "a" {
  name   = "a"
  policy = <<-EOT
    {"Version": "2012-10-17", "Statement": [%{ for s in var.s ~}${s},%{ endfor ~}]
  EOT
  body = <<EOT
not json, not yaml: {[
EOT
}
resource "aws_api_gateway_rest_api_policy" "p" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  policy      = "{\"Statement\": [{\"Effect\": 42, \"Action\": {}}"
}
resource "aws_api_gateway_deployment" "d" {
  rest_api_id = aws_api_gateway_rest_api.a.id
}
`,
	"unicode names": `
resource "aws_api_gateway_rest_api" "ápi" {
  name = "日本"
}
resource "aws_api_gateway_resource" "ресурс" {
  rest_api_id = aws_api_gateway_rest_api.ápi.id
  path_part   = "ü"
}
resource "aws_api_gateway_deployment" "δ" {
  rest_api_id = aws_api_gateway_rest_api.ápi.id
}
`,
	"references to things that do not exist": `
resource "aws_api_gateway_deployment" "d" {
  rest_api_id = aws_api_gateway_rest_api.missing.id
  triggers    = { r = sha1(jsonencode([aws_api_gateway_method.missing.id, data.x.y.z])) }
}
resource "aws_apigatewayv2_stage" "s" {
  api_id        = aws_apigatewayv2_api.missing.id
  deployment_id = aws_apigatewayv2_deployment.missing.id
}
resource "aws_api_gateway_stage" "s" {
  rest_api_id   = aws_api_gateway_rest_api.missing[each.key].id
  deployment_id = "literal"
}
`,
}

func TestNoRulePanicsOnHostileInput(t *testing.T) {
	inputs := map[string]string{}
	for k, v := range hostileInputs {
		inputs[k] = v
	}
	inputs["a huge file"] = hugeModule(300)
	for name, src := range inputs {
		t.Run(name, func(t *testing.T) {
			for _, rule := range All() {
				runner := helper.TestRunner(t, map[string]string{"main.tf": src})
				if err := rule.(guardedRule).Rule.Check(runner); err != nil {
					t.Errorf("%s: %s", rule.Name(), err)
				}
				for file, fixed := range runner.Changes() {
					if _, diags := hclsyntax.ParseConfig(fixed, file, hcl.InitialPos); diags.HasErrors() {
						t.Errorf("%s wrote invalid HCL: %s", rule.Name(), diags)
					}
				}
			}
		})
	}
}

// hugeModule is one file with n APIs, each with a route and a deployment
// without triggers.
func hugeModule(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `resource "aws_api_gateway_rest_api" "a%[1]d" {
  name = "a%[1]d"
}
resource "aws_api_gateway_resource" "r%[1]d" {
  rest_api_id = aws_api_gateway_rest_api.a%[1]d.id
  parent_id   = aws_api_gateway_rest_api.a%[1]d.root_resource_id
  path_part   = "r"
}
resource "aws_api_gateway_deployment" "d%[1]d" {
  rest_api_id = aws_api_gateway_rest_api.a%[1]d.id
}
`, i)
	}
	return b.String()
}
