# apigw_method_settings_stage_reference through the real tflint: the stage's
# name comes from a local and a function, the settings name it by a literal.

locals {
  env = "prod"
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = lower(local.env)
}

# Reported and fixed: the literal is the stage's evaluated name.
resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "prod"
  method_path = "*/*"

  settings {
    logging_level   = "ERROR"
    metrics_enabled = true
  }
}

# Not reported: no stage of this configuration is called "dev".
resource "aws_api_gateway_method_settings" "dev" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "dev"
  method_path = "*/*"

  settings {
    logging_level = "INFO"
  }
}
