package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func literalStage(settings, name, stage string) string {
	return settings + ` names stage "` + name + `" by a literal instead of referencing ` + stage + `: Terraform does not know it depends on the stage and may apply it first, which fails with NotFoundException: Invalid stage identifier specified`
}

const settingsAPI = `resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "prod"
}
`

func TestApigwMethodSettingsStageReference(t *testing.T) {
	runRuleCases(t, NewApigwMethodSettingsStageReferenceRule(), []ruleCase{
		{
			Name: "a literal matching a stage becomes a reference",
			Content: settingsAPI + `
resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "prod"
  method_path = "*/*"
}
`,
			Expected: helper.Issues{{Message: literalStage("aws_api_gateway_method_settings.all", "prod", "aws_api_gateway_stage.prod"), Range: at(12, 3, 12, 23)}},
			Fixed: settingsAPI + `
resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
}
`,
		},
		{
			Name: "left alone: a reference, a literal matching no stage, another API's stage, a variable, a function",
			Content: settingsAPI + `
variable "stage" {
  type    = string
  default = "prod"
}

resource "aws_api_gateway_rest_api" "other" {
  name = "other"
}

resource "aws_api_gateway_method_settings" "ref" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
}

resource "aws_api_gateway_method_settings" "nomatch" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "dev"
  method_path = "*/*"
}

resource "aws_api_gateway_method_settings" "other" {
  rest_api_id = aws_api_gateway_rest_api.other.id
  stage_name  = "prod"
  method_path = "*/*"
}

resource "aws_api_gateway_method_settings" "var" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = var.stage
  method_path = "*/*"
}

resource "aws_api_gateway_method_settings" "func" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = lower("PROD")
  method_path = "*/*"
}
`,
		},
		{
			Name: "a stage with count: reported without a fix",
			Content: `resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_stage" "prod" {
  count       = var.enabled ? 1 : 0
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "prod"
}

resource "aws_api_gateway_method_settings" "all" {
  count       = var.enabled ? 1 : 0
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "prod"
  method_path = "*/*"
}
`,
			Expected: helper.Issues{{Message: literalStage("aws_api_gateway_method_settings.all", "prod", "aws_api_gateway_stage.prod"), Range: at(14, 3, 14, 23)}},
		},
		{
			Name: "API known only from a variable: stages naming it the same way match",
			Content: `resource "aws_api_gateway_stage" "prod" {
  rest_api_id = var.rest_api_id
  stage_name  = "prod"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = var.rest_api_id
  stage_name  = "prod"
  method_path = "*/*"
}
`,
			Expected: helper.Issues{{Message: literalStage("aws_api_gateway_method_settings.all", "prod", "aws_api_gateway_stage.prod"), Range: at(8, 3, 8, 23)}},
			Fixed: `resource "aws_api_gateway_stage" "prod" {
  rest_api_id = var.rest_api_id
  stage_name  = "prod"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = var.rest_api_id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
}
`,
		},
		{
			Name:    "JSON syntax: reported without a fix",
			Content: settingsAPI,
			Files: map[string]string{"settings.tf.json": `{
  "resource": {
    "aws_api_gateway_method_settings": {
      "all": {
        "rest_api_id": "${aws_api_gateway_rest_api.orders.id}",
        "stage_name": "prod",
        "method_path": "*/*"
      }
    }
  }
}`},
			Expected: helper.Issues{{Message: literalStage("aws_api_gateway_method_settings.all", "prod", "aws_api_gateway_stage.prod"), Range: atFile("settings.tf.json", 6, 9, 6, 29)}},
		},
	})
}
