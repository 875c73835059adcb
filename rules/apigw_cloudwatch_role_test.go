package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func noCloudWatchRole(addr, what string) string {
	return addr + " turns on " + what + ", but no aws_api_gateway_account in this root configuration sets cloudwatch_role_arn: the role is account-wide and may be set by another stack, but if none sets it for this account and region, terraform apply fails with BadRequestException: CloudWatch Logs role ARN must be set in account settings to enable logging"
}

// inRoot adds a provider "aws" block to each case's module: the rule only
// speaks in a deployable root.
func inRoot(cases []ruleCase) []ruleCase {
	for i := range cases {
		files := map[string]string{"providers.tf": "provider \"aws\" {\n  region = \"eu-west-1\"\n}\n"}
		for name, text := range cases[i].Files {
			files[name] = text
		}
		cases[i].Files = files
	}
	return cases
}

const loggingResources = `resource "aws_api_gateway_stage" "prod" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "prod"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format          = "$context.requestId"
  }
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    logging_level = "ERROR"
  }
}
`

func TestApigwCloudwatchRole(t *testing.T) {
	runRuleCases(t, NewApigwCloudwatchRoleRule(), inRoot([]ruleCase{
		{
			Name:    "execution and access logging without the account's role",
			Content: loggingResources,
			Expected: helper.Issues{
				{Message: noCloudWatchRole("aws_api_gateway_method_settings.all", `execution logging (logging_level = "ERROR")`), Range: at(17, 5, 17, 28)},
				{Message: noCloudWatchRole("aws_api_gateway_stage.prod", "access logging"), Range: at(5, 3, 5, 22)},
			},
		},
		{
			Name: "a WebSocket stage's route logging and access logs",
			Content: `resource "aws_apigatewayv2_api" "ws" {
  name          = "ws"
  protocol_type = "WEBSOCKET"
}

resource "aws_apigatewayv2_stage" "ws" {
  api_id = aws_apigatewayv2_api.ws.id
  name   = "prod"

  default_route_settings {
    logging_level = "INFO"
  }

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format          = "$context.requestId"
  }
}
`,
			Expected: helper.Issues{
				{Message: noCloudWatchRole("aws_apigatewayv2_stage.ws", `execution logging (logging_level = "INFO")`), Range: at(11, 5, 11, 27)},
				{Message: noCloudWatchRole("aws_apigatewayv2_stage.ws", "access logging"), Range: at(14, 3, 14, 22)},
			},
		},
		{
			Name: "an account resource with the role, even from a variable",
			Content: loggingResources + `
resource "aws_api_gateway_account" "this" {
  cloudwatch_role_arn = var.role_arn
}
`,
		},
		{
			Name: "an account resource without the role does not count",
			Content: `resource "aws_api_gateway_account" "this" {}

resource "aws_api_gateway_method_settings" "all" {
  settings {
    logging_level = "INFO"
  }
}
`,
			Expected: helper.Issues{{Message: noCloudWatchRole("aws_api_gateway_method_settings.all", `execution logging (logging_level = "INFO")`), Range: at(5, 5, 5, 27)}},
		},
		{
			Name: "logging off, unset or unknown; HTTP API access logs need no role",
			Content: `variable "level" {
  type = string
}

resource "aws_api_gateway_method_settings" "off" {
  settings {
    logging_level = "OFF"
  }
}

resource "aws_api_gateway_method_settings" "unset" {
  settings {
    metrics_enabled = true
  }
}

resource "aws_api_gateway_method_settings" "unknown" {
  count = 2
  settings {
    logging_level = var.level
  }
}

resource "aws_apigatewayv2_stage" "http" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "$default"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format          = "$context.requestId"
  }
}
`,
		},
		{
			Name: "JSON syntax",
			Files: map[string]string{"settings.tf.json": `{
  "resource": {
    "aws_api_gateway_method_settings": {
      "all": {
        "settings": {
          "logging_level": "INFO"
        }
      }
    }
  }
}`},
			Expected: helper.Issues{{Message: noCloudWatchRole("aws_api_gateway_method_settings.all", `execution logging (logging_level = "INFO")`), Range: atFile("settings.tf.json", 6, 11, 6, 34)}},
		},
	}))
}

func TestApigwCloudwatchRoleOnlyInDeployableRoots(t *testing.T) {
	settings := `resource "aws_api_gateway_method_settings" "all" {
  settings {
    logging_level = "INFO"
  }
}
`
	reported := helper.Issues{{Message: noCloudWatchRole("aws_api_gateway_method_settings.all", `execution logging (logging_level = "INFO")`), Range: at(3, 5, 3, 27)}}
	runRuleCases(t, NewApigwCloudwatchRoleRule(), []ruleCase{
		{Name: "a module folder: its caller's stack may set the role", Content: settings,
			Files: map[string]string{"versions.tf": "terraform {\n  required_providers {\n    aws = {\n      source = \"hashicorp/aws\"\n    }\n  }\n}\n"}},
		{Name: "another provider only", Content: settings, Files: map[string]string{"providers.tf": "provider \"google\" {}\n"}},
		{Name: "a backend", Content: settings, Expected: reported,
			Files: map[string]string{"backend.tf": "terraform {\n  backend \"s3\" {}\n}\n"}},
		{Name: "an HCP Terraform cloud block", Content: settings, Expected: reported,
			Files: map[string]string{"cloud.tf": "terraform {\n  cloud {\n    organization = \"acme\"\n  }\n}\n"}},
		{Name: "a provider in JSON syntax", Content: settings, Expected: reported,
			Files: map[string]string{"providers.tf.json": `{"provider": {"aws": {"region": "eu-west-1"}}}`}},
	})
}
