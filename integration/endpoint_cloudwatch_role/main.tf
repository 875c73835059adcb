# apigw_cloudwatch_role (off by default, enabled here) through the real
# tflint: the logging level comes from a local.

locals {
  log_level = "ERROR"
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

# Reported: access logging.
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "prod"

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId    = "$context.requestId"
      responseType = "$context.error.responseType"
    })
  }
}

# Reported: execution logging through a local.
resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    logging_level = local.log_level
  }
}

# The account resource exists but sets no role: it does not count.
resource "aws_api_gateway_account" "this" {}
