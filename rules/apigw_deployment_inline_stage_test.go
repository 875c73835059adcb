package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func inlineStage(addr, settings string) string {
	return addr + " manages its stage through the deprecated " + settings + ": replacing the deployment, as triggers do, removes that stage or collides with it, and calls to the stage then answer 403 Missing Authentication Token; declare an aws_api_gateway_stage instead"
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
			Expected: helper.Issues{{Message: inlineStage("aws_api_gateway_deployment.main", "stage_name, stage_description"), Range: at(3, 3, 3, 29)}},
		},
		{
			Name: "canary_settings alone",
			Content: `resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  canary_settings {
    percent_traffic = 10
  }
}
`,
			Expected: helper.Issues{{Message: inlineStage("aws_api_gateway_deployment.main", "canary_settings"), Range: at(3, 3, 3, 18)}},
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
