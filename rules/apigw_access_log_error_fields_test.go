package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const noErrorFields = "'s access log format has no $context.error.responseType or $context.error.message: the log cannot tell the 403s of a missing route, an API key, a resource policy, an authorizer and WAF apart"

func TestApigwAccessLogErrorFields(t *testing.T) {
	runRuleCases(t, NewApigwAccessLogErrorFieldsRule(), []ruleCase{
		{
			Name: "jsonencode format: both fields added",
			Content: `resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format = jsonencode({
      requestId = "$context.requestId"
      status    = "$context.status"
    })
  }
}
`,
			Expected: helper.Issues{{Message: "aws_apigatewayv2_stage.prod" + noErrorFields, Range: at(8, 5, 11, 7)}},
			Fixed: `resource "aws_apigatewayv2_stage" "prod" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format = jsonencode({
      requestId    = "$context.requestId"
      status       = "$context.status"
      errorType    = "$context.error.responseType"
      errorMessage = "$context.error.message"
    })
  }
}
`,
		},
		{
			Name: "a one-line jsonencode with the message already, with for_each",
			Content: `resource "aws_api_gateway_stage" "env" {
  for_each      = toset(["dev", "prod"])
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = each.key

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api[each.key].arn
    format          = jsonencode({ requestId = "$context.requestId", message = "$context.error.messageString" })
  }
}
`,
			Expected: helper.Issues{{Message: "aws_api_gateway_stage.env's access log format has no $context.error.responseType: the log cannot tell the 403s of a missing route, an API key, a resource policy, an authorizer and WAF apart", Range: at(9, 5, 9, 113)}},
			Fixed: `resource "aws_api_gateway_stage" "env" {
  for_each      = toset(["dev", "prod"])
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = each.key

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api[each.key].arn
    format = jsonencode({
      requestId = "$context.requestId", message = "$context.error.messageString"
      errorType = "$context.error.responseType"
    })
  }
}
`,
		},
		{
			Name: "the CLF format AWS documents: reported without a fix; a JSON string with the response type but no message is left alone",
			Content: `resource "aws_api_gateway_stage" "clf" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "clf"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = "$context.identity.sourceIp $context.identity.caller $context.identity.user [$context.requestTime] \"$context.httpMethod $context.resourcePath $context.protocol\" $context.status $context.responseLength $context.requestId"
  }
}

resource "aws_apigatewayv2_stage" "json" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "json"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = "{ \"requestId\":\"$context.requestId\", \"errorType\":\"$context.error.responseType\" }"
  }
}
`,
			Expected: helper.Issues{{Message: "aws_api_gateway_stage.clf" + noErrorFields, Range: at(7, 5, 7, 245)}},
		},
		{
			Name: "complete formats, a heredoc, no access log, dynamic access logs, a response type without its message",
			Content: `resource "aws_apigatewayv2_stage" "complete" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "complete"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format = jsonencode({
      requestId    = "$context.requestId"
      errorType    = "$context.error.responseType"
      errorMessage = "$context.error.message"
    })
  }
}

resource "aws_api_gateway_stage" "heredoc" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "heredoc"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = <<-EOT
      $context.requestId $context.error.responseType "$context.error.messageString"
    EOT
  }
}

resource "aws_apigatewayv2_stage" "type_only" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "type-only"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = jsonencode({ requestId = "$context.requestId", errorType = "$context.error.responseType" })
  }
}

resource "aws_api_gateway_stage" "nolog" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "nolog"
}

resource "aws_api_gateway_stage" "dynamic" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "dynamic"

  dynamic "access_log_settings" {
    for_each = var.log_arn == null ? [] : [var.log_arn]
    content {
      destination_arn = access_log_settings.value
      format          = "$context.requestId"
    }
  }
}
`,
		},
		{
			Name: "unknown values: formats from variables, files, data sources and templates",
			Content: `variable "format" {
  default = "$context.requestId"
}

resource "aws_api_gateway_stage" "var" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "var"
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = var.format
  }
}

resource "aws_api_gateway_stage" "file" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "file"
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = file("${path.module}/format.json")
  }
}

resource "aws_api_gateway_stage" "mixed" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "mixed"
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = jsonencode(merge({ requestId = "$context.requestId" }, var.extra_fields))
  }
}

resource "aws_api_gateway_stage" "data" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "data"
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = "$context.requestId ${data.external.fields.result.extra}"
  }
}
`,
		},
		{
			Name: "an errorType key that holds something else: reported without a fix",
			Content: `resource "aws_apigatewayv2_stage" "prod" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "prod"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = jsonencode({ errorType = "$context.status", errorMessage = "$context.error.message" })
  }
}
`,
			Expected: helper.Issues{{Message: "aws_apigatewayv2_stage.prod's access log format has no $context.error.responseType: the log cannot tell the 403s of a missing route, an API key, a resource policy, an authorizer and WAF apart", Range: at(7, 5, 7, 109)}},
		},
		{
			Name: "JSON syntax: reported without a fix",
			Files: map[string]string{"stage.tf.json": `{"resource": {"aws_api_gateway_stage": {"prod": {
  "rest_api_id": "${aws_api_gateway_rest_api.orders.id}",
  "stage_name": "prod",
  "access_log_settings": {
    "destination_arn": "${aws_cloudwatch_log_group.api.arn}",
    "format": "{\"requestId\":\"$context.requestId\"}"
  }
}}}}`},
			Expected: helper.Issues{{Message: "aws_api_gateway_stage.prod" + noErrorFields, Range: atFile("stage.tf.json", 6, 5, 6, 55)}},
		},
	})
}
