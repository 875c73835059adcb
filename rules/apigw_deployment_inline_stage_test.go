package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func inlineStage(addr, settings string) string {
	return addr + " creates its stage through the deprecated " + settings + ": when the deployment is replaced, Terraform deletes it with its stage first, and calls to the stage answer 403 Missing Authentication Token until the new deployment recreates it; declare an aws_api_gateway_stage instead"
}

func TestApigwDeploymentInlineStage(t *testing.T) {
	runRuleCases(t, NewApigwDeploymentInlineStageRule(), []ruleCase{
		{
			Name: "stage_name is reported where it is written, without a fix",
			Content: `resource "aws_api_gateway_deployment" "main" {
  rest_api_id       = aws_api_gateway_rest_api.main.id
  stage_name        = "prod"
  stage_description = "production"
}
`,
			Expected: helper.Issues{{Message: inlineStage("aws_api_gateway_deployment.main", "stage_name and stage_description"), Range: at(3, 3, 3, 29)}},
		},
		{
			Name: "with create_before_destroy the stage survives but stays outside Terraform",
			Content: `resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = "prod"
  canary_settings {
    percent_traffic = 10
  }
  lifecycle {
    create_before_destroy = true
  }
}
`,
			Expected: helper.Issues{{
				Message: "aws_api_gateway_deployment.main creates its stage through the deprecated stage_name and canary_settings: that stage is not a Terraform resource, so an aws_api_gateway_stage of the same name fails with ConflictException: Stage already exists and the stage's settings cannot be managed; declare an aws_api_gateway_stage instead",
				Range:   at(3, 3, 3, 23),
			}},
		},
		{
			Name: "stage_description or canary_settings without a stage name create nothing",
			Content: `resource "aws_api_gateway_deployment" "main" {
  rest_api_id       = aws_api_gateway_rest_api.main.id
  stage_name        = ""
  stage_description = "prod stage"
  canary_settings {
    percent_traffic = 10
  }
}
`,
		},
		{
			Name: "a stage name from a variable still creates a stage",
			Content: `variable "stage" {
  type = string
}

resource "aws_api_gateway_deployment" "main" {
  count       = 2
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = var.stage
}
`,
			Expected: helper.Issues{{Message: inlineStage("aws_api_gateway_deployment.main", "stage_name"), Range: at(8, 3, 8, 26)}},
		},
		{
			Name: "with triggers the message says they replace it",
			Content: `resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = "prod"
  triggers    = { redeployment = sha1(jsonencode([aws_api_gateway_method.get.id])) }
}
`,
			Expected: helper.Issues{{
				Message: "aws_api_gateway_deployment.main creates its stage through the deprecated stage_name: when the deployment is replaced, as its triggers make it, Terraform deletes it with its stage first, and calls to the stage answer 403 Missing Authentication Token until the new deployment recreates it; declare an aws_api_gateway_stage instead",
				Range:   at(3, 3, 3, 23),
			}},
		},
		{
			Name: "an empty or null stage name creates no stage",
			Content: `resource "aws_api_gateway_deployment" "a" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = ""
}

resource "aws_api_gateway_deployment" "b" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = null
}
`,
		},
		{
			Name: "a separate aws_api_gateway_stage is the right form",
			Content: `resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "prod"
}
`,
		},
	})
}
