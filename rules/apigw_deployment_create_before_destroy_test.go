package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func noCreateBeforeDestroy(addr string) string {
	return addr + " has triggers but no lifecycle { create_before_destroy = true }: when the triggers change, Terraform deletes the deployment before creating its replacement and the apply fails with BadRequestException: Active stages pointing to this deployment must be moved or deleted"
}

const deploymentWithTriggers = `resource "aws_api_gateway_deployment" "main" {
  rest_api_id = var.api_id
  triggers = {
    redeployment = sha1(jsonencode([aws_api_gateway_method.get.id]))
  }
`

func TestApigwDeploymentCreateBeforeDestroy(t *testing.T) {
	runRuleCases(t, NewApigwDeploymentCreateBeforeDestroyRule(), []ruleCase{
		{
			Name:     "no lifecycle block: one is added",
			Content:  deploymentWithTriggers + "}\n",
			Expected: helper.Issues{{Message: noCreateBeforeDestroy("aws_api_gateway_deployment.main"), Range: at(1, 1, 1, 45)}},
			Fixed: deploymentWithTriggers + `
  lifecycle {
    create_before_destroy = true
  }
}
`,
		},
		{
			Name:     "an empty one-line lifecycle gains the argument",
			Content:  deploymentWithTriggers + "  lifecycle {}\n}\n",
			Expected: helper.Issues{{Message: noCreateBeforeDestroy("aws_api_gateway_deployment.main"), Range: at(1, 1, 1, 45)}},
			Fixed: deploymentWithTriggers + `  lifecycle {
    create_before_destroy = true
  }
}
`,
		},
		{
			Name:     "create_before_destroy = false is turned on",
			Content:  deploymentWithTriggers + "  lifecycle {\n    create_before_destroy = false\n  }\n}\n",
			Expected: helper.Issues{{Message: noCreateBeforeDestroy("aws_api_gateway_deployment.main"), Range: at(1, 1, 1, 45)}},
			Fixed:    deploymentWithTriggers + "  lifecycle {\n    create_before_destroy = true\n  }\n}\n",
		},
		{
			Name:    "create_before_destroy = true is correct",
			Content: deploymentWithTriggers + "  lifecycle {\n    create_before_destroy = true\n  }\n}\n",
		},
		{
			Name:    "without triggers it is apigw_deployment_triggers' to report",
			Content: "resource \"aws_api_gateway_deployment\" \"main\" {\n  rest_api_id = var.api_id\n}\n",
		},
		{
			Name: "count and for_each deployments are reported once and fixed once",
			Content: `resource "aws_api_gateway_deployment" "main" {
  for_each    = var.apis
  rest_api_id = each.value
  triggers    = { redeployment = each.key }
}
`,
			Expected: helper.Issues{{Message: noCreateBeforeDestroy("aws_api_gateway_deployment.main"), Range: at(1, 1, 1, 45)}},
			Fixed: `resource "aws_api_gateway_deployment" "main" {
  for_each    = var.apis
  rest_api_id = each.value
  triggers    = { redeployment = each.key }

  lifecycle {
    create_before_destroy = true
  }
}
`,
		},
		{
			Name: "HTTP API deployments too",
			Content: `resource "aws_apigatewayv2_deployment" "main" {
  api_id   = aws_apigatewayv2_api.http.id
  triggers = { redeployment = sha1(jsonencode([aws_apigatewayv2_route.get.id])) }
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id        = aws_apigatewayv2_api.http.id
  deployment_id = aws_apigatewayv2_deployment.main.id
}
`,
			Expected: helper.Issues{{
				Message: "aws_apigatewayv2_deployment.main has triggers but no lifecycle { create_before_destroy = true }: when the triggers change, Terraform deletes the deployment before creating its replacement and the apply fails because a stage still points at it",
				Range:   at(1, 1, 1, 46),
			}},
			Fixed: `resource "aws_apigatewayv2_deployment" "main" {
  api_id   = aws_apigatewayv2_api.http.id
  triggers = { redeployment = sha1(jsonencode([aws_apigatewayv2_route.get.id])) }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_apigatewayv2_stage" "prod" {
  api_id        = aws_apigatewayv2_api.http.id
  deployment_id = aws_apigatewayv2_deployment.main.id
}
`,
		},
		{
			Name: "an HTTP API deployment no stage names can be replaced plainly",
			Content: `resource "aws_apigatewayv2_deployment" "main" {
  api_id   = aws_apigatewayv2_api.http.id
  triggers = { redeployment = sha1(jsonencode([aws_apigatewayv2_route.get.id])) }
}
`,
		},
		{
			Name:    "triggers = null are no triggers",
			Content: "resource \"aws_api_gateway_deployment\" \"main\" {\n  rest_api_id = var.api_id\n  triggers    = null\n}\n",
		},
		{
			Name: "JSON syntax: reported, no fix",
			Files: map[string]string{"deploy.tf.json": `{"resource": {"aws_api_gateway_deployment": {"main": {
  "rest_api_id": "${var.api_id}",
  "triggers": {"r": "${sha1(aws_api_gateway_method.get.id)}"}
}}}}`},
			Expected: helper.Issues{{Message: noCreateBeforeDestroy("aws_api_gateway_deployment.main"), Range: atFile("deploy.tf.json", 1, 54, 1, 55)}},
		},
		{
			Name: "a deployment its variables replace on every apply needs it too, when a stage serves it",
			Content: `resource "aws_api_gateway_deployment" "main" {
  rest_api_id = var.api_id
  variables = {
    deployed_at = timestamp()
  }
}

resource "aws_api_gateway_deployment" "unused" {
  rest_api_id       = var.api_id
  stage_description = "Deployed ${timestamp()}"
}

resource "aws_api_gateway_stage" "main" {
  rest_api_id   = var.api_id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "prod"
}
`,
			Expected: helper.Issues{{Message: "aws_api_gateway_deployment.main is replaced when its variables, stage_description or canary_settings change but has no lifecycle { create_before_destroy = true }: Terraform deletes the deployment before creating its replacement and the apply fails with BadRequestException: Active stages pointing to this deployment must be moved or deleted", Range: at(1, 1, 1, 45)}},
			Fixed: `resource "aws_api_gateway_deployment" "main" {
  rest_api_id = var.api_id
  variables = {
    deployed_at = timestamp()
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_deployment" "unused" {
  rest_api_id       = var.api_id
  stage_description = "Deployed ${timestamp()}"
}

resource "aws_api_gateway_stage" "main" {
  rest_api_id   = var.api_id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "prod"
}
`,
		},
	})
}
