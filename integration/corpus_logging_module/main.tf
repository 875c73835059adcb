# Corpus: a reusable module folder (modules/rest-stage in a monorepo) that
# creates a stage with access logs and execution logging. It configures no
# provider and no backend: the stack that calls it owns the account's
# API Gateway settings, usually in another configuration. Expected: nothing,
# even with apigw_cloudwatch_role enabled.

terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

variable "rest_api_id" {
  type = string
}

variable "deployment_id" {
  type = string
}

variable "stage_name" {
  type    = string
  default = "prod"
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/${var.stage_name}/access"
  retention_in_days = 30
}

resource "aws_api_gateway_stage" "this" {
  rest_api_id   = var.rest_api_id
  deployment_id = var.deployment_id
  stage_name    = var.stage_name

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId    = "$context.requestId"
      status       = "$context.status"
      errorType    = "$context.error.responseType"
      errorMessage = "$context.error.message"
    })
  }
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = var.rest_api_id
  stage_name  = aws_api_gateway_stage.this.stage_name
  method_path = "*/*"

  settings {
    logging_level   = "ERROR"
    metrics_enabled = true
  }
}

output "invoke_url" {
  value = aws_api_gateway_stage.this.invoke_url
}
