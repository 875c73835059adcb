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

// hostileBodies are OpenAPI bodies that are broken or hostile: each would
// hold findings if it were read (a PUT Lambda integration, a proxy without
// a root), so every rule must stay silent on them, and none may panic.
var hostileBodies = map[string]string{
	"invalid yaml": `<<-EOT
    paths:
      /{proxy+}:
        x-amazon-apigateway-any-method: [
          x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: PUT, uri: "${aws_lambda_function.f.invoke_arn}"
  EOT`,
	"yaml aliases that expand to millions of nodes": "<<-EOT\n" + aliasBomb + "  EOT",
	"binary text": `"paths:\u0000\u0001\u00ff"`,
	"a for directive": `<<-EOT
    paths:
    %{ for p in ["a", "b"] ~}
      /${p}:
        put:
          x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: PUT, uri: "${aws_lambda_function.f.invoke_arn}"}
    %{ endfor ~}
  EOT`,
	"hcl for expressions and dynamic keys": `jsonencode({
    paths = { for p in var.paths : p => { put = { x-amazon-apigateway-integration = { type = "aws_proxy", httpMethod = "PUT", uri = aws_lambda_function.f.invoke_arn } } } }
  })`,
	"a dynamic path key": `jsonencode({
    paths = { (var.path) = { put = { x-amazon-apigateway-integration = { type = "aws_proxy", httpMethod = var.verb, uri = aws_lambda_function.f.invoke_arn } } } }
  })`,
	"wrong types everywhere": `jsonencode({
    paths = { "/x" = { get = { security = "x", x-amazon-apigateway-integration = 42 }, put = ["x"] } }
    components = { securitySchemes = { a = "b", c = { x-amazon-apigateway-authorizer = [] } } }
    x-amazon-apigateway-policy = 7
    x-amazon-apigateway-gateway-responses = "none"
    x-amazon-apigateway-endpoint-configuration = { disableExecuteApiEndpoint = "maybe" }
    x-amazon-apigateway-api-key-source = ["AUTHORIZER"]
  })`,
	"deep nesting":                     `"` + strings.Repeat("[", 3000) + strings.Repeat("]", 3000) + `"`,
	"a huge document":                  "jsonencode({ paths = {\n" + hugePaths(300) + "  } })",
	"a file outside the configuration": `file("/etc/passwd")`,
	"a file above the configuration":   `templatefile("${path.module}/../../../etc/passwd", {})`,
	"a missing file":                   `file("${path.module}/nope.yaml")`,
	"a variable":                       `var.body`,
	"a module output":                  `module.spec.body`,
}

const aliasBomb = `    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
    b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
    c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
    d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
    e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
    f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
    g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
    paths:
      /{proxy+}:
        put:
          x-bomb: *g
          x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: PUT, uri: "${aws_lambda_function.f.invoke_arn}"}
`

// hugePaths writes n paths of an HCL body, each with a correct operation.
func hugePaths(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "    \"/p%d\" = { post = { x-amazon-apigateway-integration = { type = \"aws_proxy\", httpMethod = \"POST\", uri = aws_lambda_function.f.invoke_arn } } }\n", i)
	}
	return b.String()
}

// hostileBodyModule is a REST API with the body, its function, permission,
// stage and a usage plan with a key: every finding would come from the body.
func hostileBodyModule(body string) string {
	return `resource "aws_api_gateway_rest_api" "a" {
  name = "a"
  body = ` + body + `
}
resource "aws_lambda_function" "f" {
  function_name = "f"
}
resource "aws_lambda_permission" "f" {
  function_name = aws_lambda_function.f.function_name
  principal     = "apigateway.amazonaws.com"
  action        = "lambda:InvokeFunction"
  source_arn    = "${aws_api_gateway_rest_api.a.execution_arn}/*/*"
}
`
}

// bodyRules are the rules that read bodies: on a hostile body they stay silent.
var bodyRules = map[string]bool{
	"apigw_lambda_integration_method": true, "apigw_lambda_invoke_arn": true, "apigw_lambda_permission": true,
	"apigw_lambda_permission_qualifier": true, "apigw_aws_integration_credentials": true, "apigw_api_key_usage_plan": true,
	"apigw_api_key_source_authorizer": true, "apigw_cors_preflight_auth": true, "apigw_method_authorizer_missing": true,
	"apigw_authorizer_cache": true, "apigw_proxy_root_method": true, "apigw_disabled_default_endpoint": true,
	"apigw_cors_gateway_responses": true, "apigw_policy_no_allow": true, "apigw_policy_vpc_condition_public_api": true,
	"apigw_policy_resource_mismatch": true, "apigw_policy_principal_authorization": true, "apigw_private_api_policy": true,
}

func TestHostileBodiesGiveSilence(t *testing.T) {
	for name, body := range hostileBodies {
		t.Run(name, func(t *testing.T) {
			src := hostileBodyModule(body)
			if _, diags := hclsyntax.ParseConfig([]byte(src), "main.tf", hcl.InitialPos); diags.HasErrors() {
				t.Fatalf("the case is not HCL: %s", diags)
			}
			for _, rule := range All() {
				if !bodyRules[rule.Name()] {
					continue
				}
				runner := helper.TestRunner(t, map[string]string{"main.tf": src})
				if err := rule.(guardedRule).Rule.Check(runner); err != nil {
					t.Errorf("%s: %s", rule.Name(), err)
				}
				for _, issue := range runner.Issues {
					t.Errorf("%s reported on a body it cannot read: %s", rule.Name(), issue.Message)
				}
			}
		})
	}
}

func TestNoRulePanicsOnHostileInput(t *testing.T) {
	inputs := map[string]string{}
	for k, v := range hostileInputs {
		inputs[k] = v
	}
	for k, body := range hostileBodies {
		inputs["body: "+k] = hostileBodyModule(body)
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
