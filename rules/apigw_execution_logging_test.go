package rules

import (
	"strings"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func noExecutionLogs(stage string) string {
	return stage + ` writes no execution logs: no aws_api_gateway_method_settings for method_path "*/*" sets logging_level to INFO or ERROR, so nothing records which check answered 403 (resource policy, API key, authorizer, missing route)`
}

const loggingAPI = `resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}
`

func TestApigwExecutionLogging(t *testing.T) {
	runRuleCases(t, NewApigwExecutionLoggingRule(), []ruleCase{
		{
			Name: "a stage without method settings gets them",
			Content: loggingAPI + `
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "prod"
}

output "url" {
  value = aws_api_gateway_stage.prod.invoke_url
}
`,
			Expected: helper.Issues{{Message: noExecutionLogs("aws_api_gateway_stage.prod"), Range: at(5, 1, 5, 40)}},
			Fixed: loggingAPI + `
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "prod" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    logging_level   = "INFO"
    metrics_enabled = true
  }
}

output "url" {
  value = aws_api_gateway_stage.prod.invoke_url
}
`,
		},
		{
			Name: "settings that log, by reference or by the stage's name, and ERROR counts",
			Content: loggingAPI + `
resource "aws_api_gateway_stage" "prod" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "prod"
}

resource "aws_api_gateway_stage" "dev" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "dev"
}

resource "aws_api_gateway_method_settings" "prod" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    logging_level = "ERROR"
  }
}

resource "aws_api_gateway_method_settings" "dev" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "dev"
  method_path = "*/*"

  settings {
    logging_level = "INFO"
  }
}
`,
		},
		{
			Name: "\"*/*\" settings with logging OFF: reported, no fix (they need editing); per-method settings do not count",
			Content: loggingAPI + `
resource "aws_api_gateway_stage" "prod" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "prod"
}

resource "aws_api_gateway_method_settings" "metrics" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled = true
  }
}

resource "aws_api_gateway_method_settings" "one" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "items/GET"

  settings {
    logging_level = "INFO"
  }
}
`,
			Expected: helper.Issues{{
				Message: `aws_api_gateway_stage.prod writes no execution logs: aws_api_gateway_method_settings.metrics leaves logging_level OFF, so nothing records which check answered 403 (resource policy, API key, authorizer, missing route)`,
				Range:   at(5, 1, 5, 40),
			}},
		},
		{
			Name: "unknowns: logging level or stage name from variables, API from a variable or data source, a module handed the stage",
			Content: loggingAPI + `
variable "level" {
  type = string
}

variable "stage" {
  type = string
}

resource "aws_api_gateway_stage" "a" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "a"
}

resource "aws_api_gateway_method_settings" "a" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.a.stage_name
  method_path = "*/*"

  settings {
    logging_level = var.level
  }
}

resource "aws_api_gateway_stage" "b" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "b"
}

resource "aws_api_gateway_method_settings" "b" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = var.stage
  method_path = "*/*"
}

resource "aws_api_gateway_stage" "c" {
  rest_api_id = var.rest_api_id
  stage_name  = "c"
}

resource "aws_api_gateway_stage" "d" {
  rest_api_id = data.aws_api_gateway_rest_api.shared.id
  stage_name  = "d"
}

resource "aws_api_gateway_rest_api" "other" {
  name = "other"
}

resource "aws_api_gateway_stage" "e" {
  rest_api_id = aws_api_gateway_rest_api.other.id
  stage_name  = "e"
}

resource "aws_api_gateway_stage" "none" {
  count       = 0
  rest_api_id = aws_api_gateway_rest_api.other.id
  stage_name  = "none"
}

module "logging" {
  source     = "./logging"
  stage_name = aws_api_gateway_stage.e.stage_name
}
`,
		},
		{
			Name: "count stage: one settings instance per stage instance",
			Content: loggingAPI + `
resource "aws_api_gateway_stage" "env" {
  count         = 2
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "env${count.index}"
}
`,
			Expected: helper.Issues{{Message: noExecutionLogs("aws_api_gateway_stage.env"), Range: at(5, 1, 5, 39)}},
			Fixed: loggingAPI + `
resource "aws_api_gateway_stage" "env" {
  count         = 2
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "env${count.index}"
}

resource "aws_api_gateway_method_settings" "env" {
  count = length(aws_api_gateway_stage.env)

  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.env[count.index].stage_name
  method_path = "*/*"

  settings {
    logging_level   = "INFO"
    metrics_enabled = true
  }
}
`,
		},
		{
			Name: "for_each stage whose rest_api_id reads each.key: the settings read it from the stage",
			Content: `resource "aws_api_gateway_rest_api" "api" {
  for_each = toset(["a", "b"])
  name     = each.key
}

resource "aws_api_gateway_stage" "prod" {
  for_each      = aws_api_gateway_rest_api.api
  rest_api_id   = aws_api_gateway_rest_api.api[each.key].id
  deployment_id = aws_api_gateway_deployment.api[each.key].id
  stage_name    = "prod"
}

# each.value.id: the model cannot tell which API, so it stays silent.
resource "aws_api_gateway_stage" "dev" {
  for_each    = aws_api_gateway_rest_api.api
  rest_api_id = each.value.id
  stage_name  = "dev"
}
`,
			Expected: helper.Issues{{Message: noExecutionLogs("aws_api_gateway_stage.prod"), Range: at(6, 1, 6, 40)}},
			Fixed: `resource "aws_api_gateway_rest_api" "api" {
  for_each = toset(["a", "b"])
  name     = each.key
}

resource "aws_api_gateway_stage" "prod" {
  for_each      = aws_api_gateway_rest_api.api
  rest_api_id   = aws_api_gateway_rest_api.api[each.key].id
  deployment_id = aws_api_gateway_deployment.api[each.key].id
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "prod" {
  for_each = aws_api_gateway_stage.prod

  rest_api_id = aws_api_gateway_stage.prod[each.key].rest_api_id
  stage_name  = aws_api_gateway_stage.prod[each.key].stage_name
  method_path = "*/*"

  settings {
    logging_level   = "INFO"
    metrics_enabled = true
  }
}

# each.value.id: the model cannot tell which API, so it stays silent.
resource "aws_api_gateway_stage" "dev" {
  for_each    = aws_api_gateway_rest_api.api
  rest_api_id = each.value.id
  stage_name  = "dev"
}
`,
		},
		{
			Name: "the settings name is taken by settings of another stage",
			Content: loggingAPI + `
resource "aws_api_gateway_stage" "prod" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "prod"
}

resource "aws_api_gateway_stage" "dev" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "dev"
}

resource "aws_api_gateway_method_settings" "prod" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.dev.stage_name
  method_path = "*/*"

  settings {
    logging_level = "INFO"
  }
}
`,
			Expected: helper.Issues{{Message: noExecutionLogs("aws_api_gateway_stage.prod"), Range: at(5, 1, 5, 40)}},
			Fixed: loggingAPI + `
resource "aws_api_gateway_stage" "prod" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "prod"
}

resource "aws_api_gateway_method_settings" "prod_all" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    logging_level   = "INFO"
    metrics_enabled = true
  }
}

resource "aws_api_gateway_stage" "dev" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "dev"
}

resource "aws_api_gateway_method_settings" "prod" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.dev.stage_name
  method_path = "*/*"

  settings {
    logging_level = "INFO"
  }
}
`,
		},
		{
			Name: "JSON syntax: reported without a fix",
			Files: map[string]string{"api.tf.json": `{
  "resource": {
    "aws_api_gateway_stage": {
      "prod": {
        "rest_api_id": "${aws_api_gateway_rest_api.orders.id}",
        "stage_name": "prod"
      }
    }
  }
}`},
			Content:  loggingAPI,
			Expected: helper.Issues{{Message: noExecutionLogs("aws_api_gateway_stage.prod"), Range: atFile("api.tf.json", 4, 15, 4, 16)}},
		},
	})
}

func TestApigwExecutionLoggingInModuleCalls(t *testing.T) {
	stage := func(level string) string {
		return loggingAPI + `
variable "logging_level" {
  default = "OFF"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    logging_level = ` + level + `
  }
}
`
	}
	runCallCases(t, NewApigwExecutionLoggingRule(), []ruleCase{
		{
			Name:    "the caller's OFF is reported at the argument",
			Content: stage("var.logging_level"),
			Expected: helper.Issues{{
				Message: `module.internal_api: logging_level = "OFF" makes aws_api_gateway_method_settings.all leave logging_level OFF, so aws_api_gateway_stage.prod writes no execution logs: nothing records which check answered 403 (resource policy, API key, authorizer, missing route)`,
				Range:   at(21, 21, 21, 38),
			}},
		},
		{Name: "the module's own OFF is left to --recursive", Content: stage(`"OFF"`)},
		{Name: "the caller's INFO: silence", Content: strings.Replace(stage("var.logging_level"), `default = "OFF"`, `default = "INFO"`, 1)},
		{
			Name: "a stage the module exports, to a root that may add settings",
			Content: stage("var.logging_level") + `
output "stage" {
  value = aws_api_gateway_stage.prod.stage_name
}
`,
		},
	})
}
