package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func noTriggersV1(addr string) string {
	return addr + " has no triggers, so Terraform never redeploys it: new and changed routes answer 403 Missing Authentication Token, and policy and authorizer changes stay unpublished, until someone redeploys by hand"
}

const restAPIWithRoute = `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_rest_api.main.root_resource_id
  path_part   = "items"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "NONE"
}
`

func TestApigwDeploymentTriggers(t *testing.T) {
	runRuleCases(t, NewApigwDeploymentTriggersRule(), []ruleCase{
		{
			Name: "deployment without triggers gets them, with create_before_destroy",
			Content: restAPIWithRoute + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
}
` + servingStage("main"),
			Expected: helper.Issues{{Message: noTriggersV1("aws_api_gateway_deployment.main"), Range: at(18, 1, 18, 45)}},
			Fixed: restAPIWithRoute + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.get.id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}
` + servingStage("main"),
		},
		{
			Name: "deployment with triggers is left alone",
			Content: restAPIWithRoute + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers    = { redeployment = sha1(jsonencode([aws_api_gateway_method.get.id])) }
}
`,
		},
		{
			Name: "depends_on does not redeploy: triggers go before it, the existing lifecycle gains the argument",
			Content: restAPIWithRoute + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id

  depends_on = [aws_api_gateway_method.get]

  lifecycle {
    ignore_changes = [description]
  }
}
` + servingStage("main"),
			Expected: helper.Issues{{Message: noTriggersV1("aws_api_gateway_deployment.main"), Range: at(18, 1, 18, 45)}},
			Fixed: restAPIWithRoute + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.get.id,
    ]))
  }

  depends_on = [aws_api_gateway_method.get]

  lifecycle {
    ignore_changes        = [description]
    create_before_destroy = true
  }
}
` + servingStage("main"),
		},
		{
			Name: "create_before_destroy = false is turned on",
			Content: restAPIWithRoute + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  lifecycle {
    create_before_destroy = false
  }
}
` + servingStage("main"),
			Expected: helper.Issues{{Message: noTriggersV1("aws_api_gateway_deployment.main"), Range: at(18, 1, 18, 45)}},
			Fixed: restAPIWithRoute + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.get.id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}
` + servingStage("main"),
		},
		{
			Name: "count and for_each members are referenced with a splat and values()",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_api_gateway_resource" "route" {
  for_each    = toset(["items", "orders"])
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_rest_api.main.root_resource_id
  path_part   = each.key
}

resource "aws_api_gateway_method" "any" {
  count         = 2
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_resource.route["items"].id
  http_method   = "ANY"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "main" {
  count       = var.enabled ? 1 : 0
  rest_api_id = aws_api_gateway_rest_api.main.id
}
` + servingStage("main[0]"),
			Expected: helper.Issues{{Message: noTriggersV1("aws_api_gateway_deployment.main"), Range: at(20, 1, 20, 45)}},
			Fixed: `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_api_gateway_resource" "route" {
  for_each    = toset(["items", "orders"])
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_rest_api.main.root_resource_id
  path_part   = each.key
}

resource "aws_api_gateway_method" "any" {
  count         = 2
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_resource.route["items"].id
  http_method   = "ANY"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "main" {
  count       = var.enabled ? 1 : 0
  rest_api_id = aws_api_gateway_rest_api.main.id

  triggers = {
    redeployment = sha1(jsonencode([
      values(aws_api_gateway_resource.route)[*].id,
      aws_api_gateway_method.any[*].id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}
` + servingStage("main[0]"),
		},
		{
			Name:   `hash = "resource" hashes whole resources; the policy by its document`,
			Config: "rule \"apigw_deployment_triggers\" {\n  enabled = true\n  hash    = \"resource\"\n}\n",
			Content: restAPIWithRoute + `
resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy      = "{}"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
}
` + servingStage("main"),
			Expected: helper.Issues{{Message: noTriggersV1("aws_api_gateway_deployment.main"), Range: at(23, 1, 23, 45)}},
			Fixed: restAPIWithRoute + `
resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy      = "{}"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items,
      aws_api_gateway_method.get,
      aws_api_gateway_rest_api_policy.main.policy,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}
` + servingStage("main"),
		},
		{
			Name:    "an unknown hash option is an error",
			Config:  "rule \"apigw_deployment_triggers\" {\n  enabled = true\n  hash    = \"sha\"\n}\n",
			Content: restAPIWithRoute,
			WantErr: `hash must be "id" or "resource"`,
		},
		{
			Name: "API id from a variable: resources that share the expression form the API",
			Content: `variable "rest_api_id" {
  type = string
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = var.rest_api_id
  resource_id   = "abc123"
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "other" {
  rest_api_id   = var.other_api_id
  resource_id   = "abc123"
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = var.rest_api_id
}
` + servingStage("main"),
			Expected: helper.Issues{{Message: noTriggersV1("aws_api_gateway_deployment.main"), Range: at(19, 1, 19, 45)}},
			Fixed: `variable "rest_api_id" {
  type = string
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = var.rest_api_id
  resource_id   = "abc123"
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_method" "other" {
  rest_api_id   = var.other_api_id
  resource_id   = "abc123"
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = var.rest_api_id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_method.get.id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}
` + servingStage("main"),
		},
		{
			Name: "API from a data source lives elsewhere: silence",
			Content: `data "aws_api_gateway_rest_api" "shared" {
  name = "shared"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = data.aws_api_gateway_rest_api.shared.id
  resource_id   = data.aws_api_gateway_rest_api.shared.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = data.aws_api_gateway_rest_api.shared.id
}
`,
		},
		{
			Name: "two APIs in one file: each fix lists only its own API's resources",
			Content: `resource "aws_api_gateway_rest_api" "a" {
  name = "a"
}

resource "aws_api_gateway_rest_api" "b" {
  name = "b"
}

resource "aws_api_gateway_resource" "a" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = aws_api_gateway_rest_api.a.root_resource_id
  path_part   = "a"
}

resource "aws_api_gateway_resource" "b" {
  rest_api_id = aws_api_gateway_rest_api.b.id
  parent_id   = aws_api_gateway_rest_api.b.root_resource_id
  path_part   = "b"
}

resource "aws_api_gateway_deployment" "a" {
  rest_api_id = aws_api_gateway_rest_api.a.id
}

resource "aws_api_gateway_deployment" "b" {
  rest_api_id = aws_api_gateway_rest_api.b.id
}
` + servingStage("a") + servingStage("b"),
			Expected: helper.Issues{
				{Message: noTriggersV1("aws_api_gateway_deployment.a"), Range: at(21, 1, 21, 42)},
				{Message: noTriggersV1("aws_api_gateway_deployment.b"), Range: at(25, 1, 25, 42)},
			},
			Fixed: `resource "aws_api_gateway_rest_api" "a" {
  name = "a"
}

resource "aws_api_gateway_rest_api" "b" {
  name = "b"
}

resource "aws_api_gateway_resource" "a" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = aws_api_gateway_rest_api.a.root_resource_id
  path_part   = "a"
}

resource "aws_api_gateway_resource" "b" {
  rest_api_id = aws_api_gateway_rest_api.b.id
  parent_id   = aws_api_gateway_rest_api.b.root_resource_id
  path_part   = "b"
}

resource "aws_api_gateway_deployment" "a" {
  rest_api_id = aws_api_gateway_rest_api.a.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.a.id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_deployment" "b" {
  rest_api_id = aws_api_gateway_rest_api.b.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.b.id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}
` + servingStage("a") + servingStage("b"),
		},
		{
			Name: "an API defined by its OpenAPI body hashes the body; a one-line block is opened up",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
  body = jsonencode({ openapi = "3.0.1", paths = {} })
}

resource "aws_api_gateway_deployment" "main" { rest_api_id = aws_api_gateway_rest_api.main.id }
` + servingStage("main"),
			Expected: helper.Issues{{Message: noTriggersV1("aws_api_gateway_deployment.main"), Range: at(6, 1, 6, 45)}},
			Fixed: `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
  body = jsonencode({ openapi = "3.0.1", paths = {} })
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_rest_api.main.body,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}
` + servingStage("main"),
		},
		{
			Name:    "JSON syntax is reported without a fix",
			Content: restAPIWithRoute + servingStage("main"),
			Files: map[string]string{"deploy.tf.json": `{
  "resource": {
    "aws_api_gateway_deployment": {
      "main": {
        "rest_api_id": "${aws_api_gateway_rest_api.main.id}"
      }
    }
  }
}`},
			Expected: helper.Issues{{Message: noTriggersV1("aws_api_gateway_deployment.main"), Range: atFile("deploy.tf.json", 4, 15, 4, 16)}},
		},
		{
			Name: "an API with nothing deployable in this module is reported without a fix",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
}
` + servingStage("main"),
			Expected: helper.Issues{{Message: noTriggersV1("aws_api_gateway_deployment.main"), Range: at(5, 1, 5, 45)}},
		},
		{
			Name: "triggers = null are no triggers: the value is written in place",
			Content: restAPIWithRoute + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers    = null

}
` + servingStage("main"),
			Expected: helper.Issues{{Message: noTriggersV1("aws_api_gateway_deployment.main"), Range: at(18, 1, 18, 45)}},
			Fixed: restAPIWithRoute + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.get.id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}
` + servingStage("main"),
		},
		{
			Name: "an API known only from a variable or module output, with nothing deployable here, may be deployed elsewhere",
			Content: `resource "aws_api_gateway_deployment" "a" {
  rest_api_id = var.rest_api_id
}

resource "aws_api_gateway_deployment" "b" {
  rest_api_id = module.api.id
}
`,
		},
		{
			Name: "an HTTP API deployment that no stage names is live nowhere",
			Content: `resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "get" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /items"
}

resource "aws_apigatewayv2_deployment" "unused" {
  api_id = aws_apigatewayv2_api.http.id
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "prod"
}
`,
		},
		{
			Name: "one auto-deploying stage does not make a manual stage of the same deployment fresh",
			Content: `resource "aws_apigatewayv2_api" "ws" {
  name          = "ws"
  protocol_type = "WEBSOCKET"
}

resource "aws_apigatewayv2_route" "connect" {
  api_id    = aws_apigatewayv2_api.ws.id
  route_key = "$connect"
}

resource "aws_apigatewayv2_deployment" "main" {
  api_id = aws_apigatewayv2_api.ws.id

}

resource "aws_apigatewayv2_stage" "auto" {
  api_id        = aws_apigatewayv2_api.ws.id
  deployment_id = aws_apigatewayv2_deployment.main.id
  auto_deploy   = true
}

resource "aws_apigatewayv2_stage" "manual" {
  api_id        = aws_apigatewayv2_api.ws.id
  deployment_id = aws_apigatewayv2_deployment.main.id
}
`,
			Expected: helper.Issues{{
				Message: "aws_apigatewayv2_deployment.main has no triggers, so Terraform never redeploys it: new and changed routes are not live until someone redeploys by hand",
				Range:   at(11, 1, 11, 46),
			}},
			Fixed: `resource "aws_apigatewayv2_api" "ws" {
  name          = "ws"
  protocol_type = "WEBSOCKET"
}

resource "aws_apigatewayv2_route" "connect" {
  api_id    = aws_apigatewayv2_api.ws.id
  route_key = "$connect"
}

resource "aws_apigatewayv2_deployment" "main" {
  api_id = aws_apigatewayv2_api.ws.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_apigatewayv2_route.connect.id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_apigatewayv2_stage" "auto" {
  api_id        = aws_apigatewayv2_api.ws.id
  deployment_id = aws_apigatewayv2_deployment.main.id
  auto_deploy   = true
}

resource "aws_apigatewayv2_stage" "manual" {
  api_id        = aws_apigatewayv2_api.ws.id
  deployment_id = aws_apigatewayv2_deployment.main.id
}
`,
		},
		{
			Name: "a deployment that names no API is left alone",
			Content: `resource "aws_api_gateway_deployment" "main" {
  description = "no api"
}
`,
		},
		{
			Name: "HTTP API deployment whose stage does not auto-deploy",
			Content: `resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "get" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /items"
}

resource "aws_apigatewayv2_deployment" "main" {
  api_id = aws_apigatewayv2_api.http.id
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id        = aws_apigatewayv2_api.http.id
  name          = "prod"
  deployment_id = aws_apigatewayv2_deployment.main.id
}
`,
			Expected: helper.Issues{{
				Message: "aws_apigatewayv2_deployment.main has no triggers, so Terraform never redeploys it: new routes answer 404 Not Found and changed ones keep their old behaviour until someone redeploys by hand",
				Range:   at(11, 1, 11, 46),
			}},
			Fixed: `resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "get" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /items"
}

resource "aws_apigatewayv2_deployment" "main" {
  api_id = aws_apigatewayv2_api.http.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_apigatewayv2_route.get.id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id        = aws_apigatewayv2_api.http.id
  name          = "prod"
  deployment_id = aws_apigatewayv2_deployment.main.id
}
`,
		},
		{
			Name: "HTTP API stage that auto-deploys, or whose auto_deploy is unknown, needs no triggers",
			Content: `variable "auto" {
  type = bool
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "get" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /items"
}

resource "aws_apigatewayv2_deployment" "a" {
  api_id = aws_apigatewayv2_api.http.id
}

resource "aws_apigatewayv2_stage" "a" {
  api_id        = aws_apigatewayv2_api.http.id
  name          = "a"
  auto_deploy   = true
  deployment_id = aws_apigatewayv2_deployment.a.id
}

resource "aws_apigatewayv2_deployment" "b" {
  api_id = aws_apigatewayv2_api.http.id
}

resource "aws_apigatewayv2_stage" "b" {
  api_id        = aws_apigatewayv2_api.http.id
  name          = "b"
  auto_deploy   = var.auto
  deployment_id = aws_apigatewayv2_deployment.b.id
}
`,
		},
		{
			Name: "dynamic blocks, heredocs and missing attributes do not upset the model",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
  body = <<-EOT
    openapi: 3.0.1
    %{ for p in var.paths }
    ${p}: {}
    %{ endfor }
  EOT
  dynamic "endpoint_configuration" {
    for_each = var.private ? [1] : []
    content {
      types = ["PRIVATE"]
    }
  }
}

resource "aws_api_gateway_method" "broken" {
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers    = var.triggers
}
`,
		},
		{
			Name: "variables or stage_description holding the clock redeploy on every apply",
			Content: restAPIWithRoute + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  variables = {
    deployed_at = timestamp()
  }
}

resource "aws_api_gateway_deployment" "described" {
  rest_api_id       = aws_api_gateway_rest_api.main.id
  stage_description = "Deployed ${uuid()}"
}
` + servingStage("main") + servingStage("described"),
		},
		{
			Name: "a terraform_data fed by the clock, a hash of the body, or replace_triggered_by redeploy",
			Content: restAPIWithRoute + `
resource "terraform_data" "revision" {
  input = plantimestamp()
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  variables = {
    revision = terraform_data.revision.output
  }
}

resource "aws_api_gateway_deployment" "replaced" {
  rest_api_id = aws_api_gateway_rest_api.main.id

  lifecycle {
    create_before_destroy = true
    replace_triggered_by  = [aws_api_gateway_method.get, aws_api_gateway_resource.items]
  }
}

resource "aws_api_gateway_rest_api" "spec" {
  name = "spec"
  body = file("${path.module}/openapi.yaml")
}

resource "aws_api_gateway_deployment" "spec" {
  rest_api_id = aws_api_gateway_rest_api.spec.id
  variables = {
    spec_sha = sha1(aws_api_gateway_rest_api.spec.body)
  }
}

resource "aws_api_gateway_stage" "spec" {
  rest_api_id   = aws_api_gateway_rest_api.spec.id
  deployment_id = aws_api_gateway_deployment.spec.id
  stage_name    = "prod"
}
` + servingStage("main") + servingStage("replaced"),
		},
		{
			Name: "variables with a fixed value do not redeploy",
			Content: restAPIWithRoute + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  variables = {
    alias = "live"
  }
}
` + servingStage("main"),
			Expected: helper.Issues{{Message: noTriggersV1("aws_api_gateway_deployment.main"), Range: at(18, 1, 18, 45)}},
			Fixed: restAPIWithRoute + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  variables = {
    alias = "live"
  }

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.get.id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}
` + servingStage("main"),
		},
		{
			Name: "a deployment no stage serves is left alone, and so is one whose stage ignores deployment_id",
			Content: restAPIWithRoute + `
resource "aws_api_gateway_deployment" "unused" {
  rest_api_id = aws_api_gateway_rest_api.main.id
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
}

resource "aws_api_gateway_stage" "main" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "prod"

  lifecycle {
    ignore_changes = [deployment_id, variables]
  }
}
`,
		},
		{
			Name: "a deployment whose id leaves the module, or whose stage is named by a variable, may be served",
			Content: restAPIWithRoute + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
}

output "deployment_id" {
  value = aws_api_gateway_deployment.main.id
}
`,
			Expected: helper.Issues{{Message: noTriggersV1("aws_api_gateway_deployment.main"), Range: at(18, 1, 18, 45)}},
			Fixed: restAPIWithRoute + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.get.id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

output "deployment_id" {
  value = aws_api_gateway_deployment.main.id
}
`,
		},
		{
			Name: "API from a data source whose deployment and members are declared here: the members are hashed",
			Content: `data "aws_api_gateway_rest_api" "shared" {
  name = "shared"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = data.aws_api_gateway_rest_api.shared.id
  resource_id   = data.aws_api_gateway_rest_api.shared.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = data.aws_api_gateway_rest_api.shared.id
}

resource "aws_api_gateway_stage" "main" {
  rest_api_id   = data.aws_api_gateway_rest_api.shared.id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "orders"
}
`,
			Expected: helper.Issues{{Message: noTriggersV1("aws_api_gateway_deployment.main"), Range: at(12, 1, 12, 45)}},
			Fixed: `data "aws_api_gateway_rest_api" "shared" {
  name = "shared"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = data.aws_api_gateway_rest_api.shared.id
  resource_id   = data.aws_api_gateway_rest_api.shared.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = data.aws_api_gateway_rest_api.shared.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_method.get.id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "main" {
  rest_api_id   = data.aws_api_gateway_rest_api.shared.id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "orders"
}
`,
		},
		{
			Name: "chained ids: a member that takes the API id from another member belongs to its API",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_rest_api.main.root_resource_id
  path_part   = "items"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_resource.items.rest_api_id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_method.get.rest_api_id
}
` + servingStage("main"),
			Expected: helper.Issues{{Message: noTriggersV1("aws_api_gateway_deployment.main"), Range: at(18, 1, 18, 45)}},
			Fixed: `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_rest_api.main.root_resource_id
  path_part   = "items"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_resource.items.rest_api_id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_method.get.rest_api_id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.get.id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}
` + servingStage("main"),
		},
		{
			Name: "count = 0 and an empty for_each create nothing: no report for the deployment, no entry for the member",
			Content: restAPIWithRoute + `
resource "aws_api_gateway_method" "legacy" {
  for_each      = {}
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = each.value
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "off" {
  count       = 0
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = "off"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
}
` + servingStage("main"),
			Expected: helper.Issues{{Message: noTriggersV1("aws_api_gateway_deployment.main"), Range: at(32, 1, 32, 45)}},
			Fixed: restAPIWithRoute + `
resource "aws_api_gateway_method" "legacy" {
  for_each      = {}
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = each.value
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "off" {
  count       = 0
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = "off"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.get.id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}
` + servingStage("main"),
		},
	})
}

// servingStage is a stage of aws_api_gateway_rest_api.main that serves the
// deployment: a deployment no stage serves is never stale. Appended at the
// end of a case, it leaves the line numbers before it unchanged.
func servingStage(dep string) string {
	name := strings.NewReplacer("[", "_", "]", "").Replace(dep)
	return fmt.Sprintf(`
resource "aws_api_gateway_stage" "%s" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = aws_api_gateway_deployment.%s.id
  stage_name    = "%s"
}
`, name, dep, name)
}
