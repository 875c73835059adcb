package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// stagedAPI is a REST API with a deployment (no stage_name) and one stage.
const stagedAPI = `resource "aws_api_gateway_rest_api" "main" {
  name = "main"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "prod"
}
`

func planWith(stage string) string {
	return `
resource "aws_api_gateway_usage_plan" "basic" {
  name = "basic"

  api_stages {
    api_id = aws_api_gateway_rest_api.main.id
    stage  = ` + stage + `
  }
}
`
}

const planSymptom = "no stage accepts the plan's keys, and key-requiring methods of aws_api_gateway_rest_api.main answer 403 Forbidden"

func TestApigwUsagePlanStage(t *testing.T) {
	runRuleCases(t, NewApigwUsagePlanStageRule(), []ruleCase{
		{
			Name:    "a literal naming no stage is replaced by the only stage",
			Content: stagedAPI + planWith(`"production"`),
			Expected: helper.Issues{{
				Message: `aws_api_gateway_usage_plan.basic binds stage "production" of aws_api_gateway_rest_api.main, which has no stage of that name (its stages: "prod"): API Gateway rejects the plan with BadRequestException: Invalid API Stage, ` + planSymptom,
				Range:   at(20, 5, 20, 26),
			}},
			Fixed: stagedAPI + planWith(`aws_api_gateway_stage.prod.stage_name`),
		},
		{
			Name:    "the stage_name of a deployment without one is empty",
			Content: stagedAPI + planWith(`aws_api_gateway_deployment.main.stage_name`),
			Expected: helper.Issues{{
				Message: "aws_api_gateway_usage_plan.basic binds the stage aws_api_gateway_deployment.main.stage_name, which is empty because the deployment sets no stage_name: " + planSymptom,
				Range:   at(20, 5, 20, 56),
			}},
			Fixed: stagedAPI + planWith(`aws_api_gateway_stage.prod.stage_name`),
		},
		{
			Name: "the stage serving the deployment is the one meant",
			Content: stagedAPI + `
resource "aws_api_gateway_deployment" "next" {
  rest_api_id = aws_api_gateway_rest_api.main.id
}

resource "aws_api_gateway_stage" "dev" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = aws_api_gateway_deployment.next.id
  stage_name    = "dev"
}
` + planWith(`aws_api_gateway_deployment.next.stage_name`),
			Expected: helper.Issues{{
				Message: "aws_api_gateway_usage_plan.basic binds the stage aws_api_gateway_deployment.next.stage_name, which is empty because the deployment sets no stage_name: " + planSymptom,
				Range:   at(30, 5, 30, 56),
			}},
			Fixed: stagedAPI + `
resource "aws_api_gateway_deployment" "next" {
  rest_api_id = aws_api_gateway_rest_api.main.id
}

resource "aws_api_gateway_stage" "dev" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = aws_api_gateway_deployment.next.id
  stage_name    = "dev"
}
` + planWith(`aws_api_gateway_stage.dev.stage_name`),
		},
		{
			Name: "two stages and a literal matching neither: reported without a fix",
			Content: stagedAPI + `
resource "aws_api_gateway_stage" "dev" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "dev"
}
` + planWith(`"test"`),
			Expected: helper.Issues{{
				Message: `aws_api_gateway_usage_plan.basic binds stage "test" of aws_api_gateway_rest_api.main, which has no stage of that name (its stages: "prod", "dev"): API Gateway rejects the plan with BadRequestException: Invalid API Stage, ` + planSymptom,
				Range:   at(26, 5, 26, 20),
			}},
		},
		{
			Name: "the only stage uses count: reported without a fix",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "main"
}

resource "aws_api_gateway_stage" "prod" {
  count       = 1
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = "prod"
}
` + planWith(`"prd"`),
			Expected: helper.Issues{{
				Message: `aws_api_gateway_usage_plan.basic binds stage "prd" of aws_api_gateway_rest_api.main, which has no stage of that name (its stages: "prod"): API Gateway rejects the plan with BadRequestException: Invalid API Stage, ` + planSymptom,
				Range:   at(16, 5, 16, 19),
			}},
		},
		{
			Name: "a deployment's inline stage counts and cannot be referenced as a stage",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "main"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = "prod"
}
` + planWith(`"prod"`) + `
resource "aws_api_gateway_usage_plan" "ref" {
  api_stages {
    api_id = aws_api_gateway_rest_api.main.id
    stage  = aws_api_gateway_deployment.main.stage_name
  }
}

resource "aws_api_gateway_usage_plan" "wrong" {
  api_stages {
    api_id = aws_api_gateway_rest_api.main.id
    stage  = "dev"
  }
}
`,
			Expected: helper.Issues{{
				Message: `aws_api_gateway_usage_plan.wrong binds stage "dev" of aws_api_gateway_rest_api.main, which has no stage of that name (its stages: "prod"): API Gateway rejects the plan with BadRequestException: Invalid API Stage, ` + planSymptom,
				Range:   at(29, 5, 29, 19),
			}},
		},
		{
			Name:    "matching literal and reference are fine",
			Content: stagedAPI + planWith(`"prod"`),
		},
		{
			Name:    "a stage reference is fine",
			Content: stagedAPI + planWith(`aws_api_gateway_stage.prod.stage_name`),
		},
		{
			Name: "a stage of another API with a name this API lacks",
			Content: stagedAPI + `
resource "aws_api_gateway_rest_api" "other" {
  name = "other"
}

resource "aws_api_gateway_stage" "other" {
  rest_api_id = aws_api_gateway_rest_api.other.id
  stage_name  = "beta"
}
` + planWith(`aws_api_gateway_stage.other.stage_name`),
			Expected: helper.Issues{{
				Message: `aws_api_gateway_usage_plan.basic binds stage "beta" of aws_api_gateway_rest_api.main, which has no stage of that name (its stages: "prod"): API Gateway rejects the plan with BadRequestException: Invalid API Stage, ` + planSymptom,
				Range:   at(29, 5, 29, 52),
			}},
			Fixed: stagedAPI + `
resource "aws_api_gateway_rest_api" "other" {
  name = "other"
}

resource "aws_api_gateway_stage" "other" {
  rest_api_id = aws_api_gateway_rest_api.other.id
  stage_name  = "beta"
}
` + planWith(`aws_api_gateway_stage.prod.stage_name`),
		},
		{
			Name: "unknown stage names: the plan's, or one of the API's stages",
			Content: `variable "stage" {
  type = string
}

resource "aws_api_gateway_rest_api" "main" {
  name = "main"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = var.stage
}
` + planWith(`"prod"`) + `
resource "aws_api_gateway_usage_plan" "var" {
  api_stages {
    api_id = aws_api_gateway_rest_api.main.id
    stage  = var.stage
  }
}
`,
		},
		{
			Name: "a variable's default is a known name: reported, not replaced",
			Content: `variable "stage" {
  type    = string
  default = "live"
}

resource "aws_api_gateway_rest_api" "main" {
  name = "main"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = "prod"
}
` + planWith(`var.stage`),
			Expected: helper.Issues{{
				Message: `aws_api_gateway_usage_plan.basic binds stage "live" of aws_api_gateway_rest_api.main, which has no stage of that name (its stages: "prod"): API Gateway rejects the plan with BadRequestException: Invalid API Stage, ` + planSymptom,
				Range:   at(20, 5, 20, 23),
			}},
		},
		{
			Name: "API from a variable or a data source, or an API without stages here",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "main"
}

resource "aws_api_gateway_stage" "a" {
  rest_api_id = var.api_id
  stage_name  = "prod"
}

resource "aws_api_gateway_usage_plan" "p" {
  api_stages {
    api_id = var.api_id
    stage  = "dev"
  }

  api_stages {
    api_id = data.aws_api_gateway_rest_api.shared.id
    stage  = "dev"
  }

  api_stages {
    api_id = aws_api_gateway_rest_api.main.id
    stage  = "dev"
  }
}
`,
		},
		{
			Name:    "JSON syntax: reported without a fix",
			Content: stagedAPI,
			Files: map[string]string{"plan.tf.json": `{
  "resource": {
    "aws_api_gateway_usage_plan": {"basic": {
      "api_stages": {"api_id": "${aws_api_gateway_rest_api.main.id}", "stage": "prd"}
    }}
  }
}`},
			Expected: helper.Issues{{
				Message: `aws_api_gateway_usage_plan.basic binds stage "prd" of aws_api_gateway_rest_api.main, which has no stage of that name (its stages: "prod"): API Gateway rejects the plan with BadRequestException: Invalid API Stage, ` + planSymptom,
				Range:   atFile("plan.tf.json", 4, 71, 4, 85),
			}},
		},
	})
}
