package rules

import (
	"strings"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// keyAPI is a REST API with a key-requiring method (line 11) and a stage.
const keyAPI = `resource "aws_api_gateway_rest_api" "main" {
  name = "main"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id      = aws_api_gateway_rest_api.main.id
  resource_id      = aws_api_gateway_rest_api.main.root_resource_id
  http_method      = "GET"
  authorization    = "NONE"
  api_key_required = true
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "prod"
}
`

const keyPlan = `
resource "aws_api_gateway_usage_plan" "basic" {
  name = "basic"

  api_stages {
    api_id = aws_api_gateway_rest_api.main.id
    stage  = aws_api_gateway_stage.prod.stage_name
  }
}
`

const keyPlanKey = `
resource "aws_api_gateway_api_key" "partner" {
  name = "partner"
}

resource "aws_api_gateway_usage_plan_key" "partner" {
  key_id        = aws_api_gateway_api_key.partner.id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.basic.id
}
`

const noPlanMessage = "aws_api_gateway_method.get requires an API key, but no aws_api_gateway_usage_plan binds a stage of aws_api_gateway_rest_api.main, and API Gateway accepts only keys of a usage plan bound to the stage: every call answers 403 Forbidden, with or without an x-api-key header"

func TestApigwAPIKeyUsagePlan(t *testing.T) {
	runRuleCases(t, NewApigwAPIKeyUsagePlanRule(), []ruleCase{
		{
			Name:     "no usage plan",
			Content:  keyAPI,
			Expected: helper.Issues{{Message: noPlanMessage, Range: at(10, 3, 10, 26)}},
		},
		{
			Name:    "a usage plan without keys",
			Content: keyAPI + keyPlan,
			Expected: helper.Issues{{
				Message: "aws_api_gateway_method.get requires an API key, but aws_api_gateway_usage_plan.basic, the usage plan bound to aws_api_gateway_rest_api.main, has no aws_api_gateway_usage_plan_key, so no key belongs to it: every call answers 403 Forbidden, with or without an x-api-key header",
				Range:   at(10, 3, 10, 26),
			}},
		},
		{
			Name: "two usage plans without keys",
			Content: keyAPI + keyPlan + `
resource "aws_api_gateway_usage_plan" "gold" {
  name = "gold"

  api_stages {
    api_id = aws_api_gateway_rest_api.main.id
    stage  = "prod"
  }
}
`,
			Expected: helper.Issues{{
				Message: "aws_api_gateway_method.get requires an API key, but aws_api_gateway_usage_plan.basic and aws_api_gateway_usage_plan.gold, the usage plans bound to aws_api_gateway_rest_api.main, have no aws_api_gateway_usage_plan_key, so no key belongs to them: every call answers 403 Forbidden, with or without an x-api-key header",
				Range:   at(10, 3, 10, 26),
			}},
		},
		{
			Name:    "wired: plan, stage and key",
			Content: keyAPI + keyPlan + keyPlanKey,
		},
		{
			Name: "a usage plan of another API does not count",
			Content: keyAPI + `
resource "aws_api_gateway_rest_api" "other" {
  name = "other"
}

resource "aws_api_gateway_usage_plan" "other" {
  api_stages {
    api_id = aws_api_gateway_rest_api.other.id
    stage  = "prod"
  }
}
`,
			Expected: helper.Issues{{Message: noPlanMessage, Range: at(10, 3, 10, 26)}},
		},
		{
			Name: "a plan naming the API through the stage's rest_api_id counts",
			Content: keyAPI + keyPlanKey + `
resource "aws_api_gateway_usage_plan" "basic" {
  api_stages {
    api_id = aws_api_gateway_stage.prod.rest_api_id
    stage  = aws_api_gateway_stage.prod.stage_name
  }
}
`,
		},
		{
			Name: "api_key_required false, unknown or from a variable's default",
			Content: `variable "required" {
  type = bool
}

variable "not_required" {
  type    = bool
  default = false
}

resource "aws_api_gateway_rest_api" "main" {
  name = "main"
}

resource "aws_api_gateway_method" "a" {
  rest_api_id      = aws_api_gateway_rest_api.main.id
  api_key_required = var.required
}

resource "aws_api_gateway_method" "b" {
  rest_api_id      = aws_api_gateway_rest_api.main.id
  api_key_required = var.not_required
}

resource "aws_api_gateway_method" "c" {
  rest_api_id = aws_api_gateway_rest_api.main.id
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = "prod"
}
`,
		},
		{
			Name: "a variable's default true is reported, count and for_each too",
			Content: `variable "required" {
  type    = bool
  default = true
}

resource "aws_api_gateway_rest_api" "main" {
  name = "main"
}

resource "aws_api_gateway_method" "a" {
  count            = 2
  rest_api_id      = aws_api_gateway_rest_api.main.id
  api_key_required = var.required
}

resource "aws_api_gateway_method" "b" {
  for_each         = toset(["GET", "POST"])
  rest_api_id      = aws_api_gateway_rest_api.main.id
  http_method      = each.key
  api_key_required = true
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = "prod"
}
`,
			Expected: helper.Issues{
				{Message: "aws_api_gateway_method.a requires an API key, but no aws_api_gateway_usage_plan binds a stage of aws_api_gateway_rest_api.main, and API Gateway accepts only keys of a usage plan bound to the stage: every call answers 403 Forbidden, with or without an x-api-key header", Range: at(13, 3, 13, 34)},
				{Message: "aws_api_gateway_method.b requires an API key, but no aws_api_gateway_usage_plan binds a stage of aws_api_gateway_rest_api.main, and API Gateway accepts only keys of a usage plan bound to the stage: every call answers 403 Forbidden, with or without an x-api-key header", Range: at(20, 3, 20, 26)},
			},
		},
		{
			Name: "API from a variable or a data source: plans may be elsewhere",
			Content: `resource "aws_api_gateway_method" "a" {
  rest_api_id      = var.rest_api_id
  api_key_required = true
}

resource "aws_api_gateway_stage" "a" {
  rest_api_id = var.rest_api_id
  stage_name  = "prod"
}

resource "aws_api_gateway_method" "b" {
  rest_api_id      = data.aws_api_gateway_rest_api.shared.id
  api_key_required = true
}
`,
		},
		{
			Name: "an API without a stage here is deployed elsewhere",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "main"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id      = aws_api_gateway_rest_api.main.id
  api_key_required = true
}
`,
		},
		{
			Name: "a usage plan naming its API by a variable or a local may bind this one",
			Content: keyAPI + `
resource "aws_api_gateway_usage_plan" "basic" {
  api_stages {
    api_id = local.api_id
    stage  = "prod"
  }
}
`,
		},
		{
			Name: "dynamic api_stages may bind this API",
			Content: keyAPI + `
resource "aws_api_gateway_usage_plan" "basic" {
  dynamic "api_stages" {
    for_each = var.stages
    content {
      api_id = api_stages.value.api_id
      stage  = api_stages.value.stage
    }
  }
}
`,
		},
		{
			Name: "a usage plan key naming its plan by a variable may belong to this plan",
			Content: keyAPI + keyPlan + `
resource "aws_api_gateway_usage_plan_key" "k" {
  key_id        = var.key_id
  key_type      = "API_KEY"
  usage_plan_id = var.plan_id
}
`,
		},
		{
			Name: "a usage plan key of another plan does not count",
			Content: keyAPI + keyPlan + `
resource "aws_api_gateway_usage_plan" "other" {
  name = "other"
}

resource "aws_api_gateway_usage_plan_key" "k" {
  key_id        = var.key_id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.other.id
}
`,
			Expected: helper.Issues{{
				Message: "aws_api_gateway_method.get requires an API key, but aws_api_gateway_usage_plan.basic, the usage plan bound to aws_api_gateway_rest_api.main, has no aws_api_gateway_usage_plan_key, so no key belongs to it: every call answers 403 Forbidden, with or without an x-api-key header",
				Range:   at(10, 3, 10, 26),
			}},
		},
		{
			Name:    "JSON syntax",
			Content: "",
			Files: map[string]string{"api.tf.json": `{
  "resource": {
    "aws_api_gateway_rest_api": {"main": {"name": "main"}},
    "aws_api_gateway_method": {"get": {
      "rest_api_id": "${aws_api_gateway_rest_api.main.id}",
      "api_key_required": true
    }},
    "aws_api_gateway_stage": {"prod": {
      "rest_api_id": "${aws_api_gateway_rest_api.main.id}",
      "stage_name": "prod"
    }}
  }
}`},
			Expected: helper.Issues{{Message: noPlanMessage, Range: atFile("api.tf.json", 6, 7, 6, 31)}},
		},
		{
			Name: "a usage plan never created binds nothing; a key-requiring method never created needs none",
			Content: keyAPI + `
resource "aws_api_gateway_usage_plan" "basic" {
  count = 0
  name  = "basic"

  api_stages {
    api_id = aws_api_gateway_rest_api.main.id
    stage  = aws_api_gateway_stage.prod.stage_name
  }
}

resource "aws_api_gateway_method" "legacy" {
  for_each         = {}
  rest_api_id      = aws_api_gateway_rest_api.main.id
  resource_id      = aws_api_gateway_rest_api.main.root_resource_id
  http_method      = "POST"
  authorization    = "NONE"
  api_key_required = true
}
`,
			Expected: helper.Issues{{Message: noPlanMessage, Range: at(10, 3, 10, 26)}},
		},
	})
}

func TestApigwAPIKeyUsagePlanInModuleCalls(t *testing.T) {
	fed := strings.Replace(keyAPI, "api_key_required = true", "api_key_required = var.require_key", 1) + `
variable "require_key" {
  default = true
}
`
	runCallCases(t, NewApigwAPIKeyUsagePlanRule(), []ruleCase{
		{
			Name:    "the caller's api_key_required is reported at the argument",
			Content: fed,
			Expected: helper.Issues{{
				Message: "module.internal_api: require_key = true makes aws_api_gateway_method.get require an API key, but no aws_api_gateway_usage_plan binds a stage of aws_api_gateway_rest_api.main, and API Gateway accepts only keys of a usage plan bound to the stage: every call answers 403 Forbidden, with or without an x-api-key header",
				Range:   at(10, 22, 10, 37),
			}},
		},
		{Name: "a key the module requires itself is left to --recursive", Content: keyAPI},
		{Name: "the caller's false: silence", Content: strings.Replace(fed, "default = true", "default = false", 1)},
		{Name: "wired: silence", Content: fed + keyPlan + keyPlanKey},
	})
}
