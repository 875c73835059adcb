package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const attachedKey = `
resource "aws_api_gateway_usage_plan_key" "partner" {
  key_id        = aws_api_gateway_api_key.partner.id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.basic.id
}
`

const disabledMessage = "aws_api_gateway_api_key.partner is disabled (enabled = false), but aws_api_gateway_usage_plan_key.partner puts it in a usage plan: calls that send this key answer 403 Forbidden"

func TestApigwAPIKeyDisabled(t *testing.T) {
	runRuleCases(t, NewApigwAPIKeyDisabledRule(), []ruleCase{
		{
			Name: "enabled = false is removed",
			Content: `resource "aws_api_gateway_api_key" "partner" {
  name        = "partner"
  description = "for partners"
  enabled     = false
}
` + attachedKey,
			Expected: helper.Issues{{Message: disabledMessage, Range: at(4, 3, 4, 22)}},
			Fixed: `resource "aws_api_gateway_api_key" "partner" {
  name        = "partner"
  description = "for partners"
}
` + attachedKey,
		},
		{
			Name: "with a comment and count, attached twice",
			Content: `resource "aws_api_gateway_api_key" "partner" {
  count = 2
  name  = "partner-${count.index}"
  # switched off for now
  enabled = false
}
` + attachedKey + `
resource "aws_api_gateway_usage_plan_key" "again" {
  key_id        = aws_api_gateway_api_key.partner[1].id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.gold.id
}
`,
			Expected: helper.Issues{{
				Message: "aws_api_gateway_api_key.partner is disabled (enabled = false), but aws_api_gateway_usage_plan_key.partner and aws_api_gateway_usage_plan_key.again put it in a usage plan: calls that send this key answer 403 Forbidden",
				Range:   at(5, 3, 5, 18),
			}},
			Fixed: `resource "aws_api_gateway_api_key" "partner" {
  count = 2
  name  = "partner-${count.index}"
}
` + attachedKey + `
resource "aws_api_gateway_usage_plan_key" "again" {
  key_id        = aws_api_gateway_api_key.partner[1].id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.gold.id
}
`,
		},
		{
			Name: "a variable's default false is reported, the variable kept",
			Content: `variable "enabled" {
  type    = bool
  default = false
}

resource "aws_api_gateway_api_key" "partner" {
  enabled = var.enabled
}
` + attachedKey,
			Expected: helper.Issues{{Message: disabledMessage, Range: at(7, 3, 7, 24)}},
		},
		{
			Name: "enabled, unset, null or unknown; or a disabled key in no plan",
			Content: `variable "enabled" {
  type = bool
}

resource "aws_api_gateway_api_key" "a" {
  enabled = true
}

resource "aws_api_gateway_api_key" "b" {}

resource "aws_api_gateway_api_key" "c" {
  enabled = null
}

resource "aws_api_gateway_api_key" "d" {
  enabled = var.enabled
}

resource "aws_api_gateway_api_key" "spare" {
  enabled = false
}

resource "aws_api_gateway_usage_plan_key" "a" {
  key_id        = aws_api_gateway_api_key.a.id
  usage_plan_id = aws_api_gateway_usage_plan.basic.id
}

resource "aws_api_gateway_usage_plan_key" "b" {
  key_id        = aws_api_gateway_api_key.b.id
  usage_plan_id = aws_api_gateway_usage_plan.basic.id
}

resource "aws_api_gateway_usage_plan_key" "c" {
  key_id        = aws_api_gateway_api_key.c.id
  usage_plan_id = aws_api_gateway_usage_plan.basic.id
}

resource "aws_api_gateway_usage_plan_key" "d" {
  key_id        = aws_api_gateway_api_key.d.id
  usage_plan_id = aws_api_gateway_usage_plan.basic.id
}

resource "aws_api_gateway_usage_plan_key" "others" {
  key_id        = var.key_id
  usage_plan_id = aws_api_gateway_usage_plan.basic.id
}
`,
		},
		{
			Name:    "JSON syntax: reported without a fix",
			Content: attachedKey,
			Files: map[string]string{"key.tf.json": `{"resource": {"aws_api_gateway_api_key": {"partner": {
  "enabled": false
}}}}`},
			Expected: helper.Issues{{Message: disabledMessage, Range: atFile("key.tf.json", 2, 3, 2, 19)}},
		},
	})
}
