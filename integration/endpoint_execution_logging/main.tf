# apigw_execution_logging through the real tflint: locals and functions decide
# the logging level, count and for_each stages get matching settings.

locals {
  level  = "INFO"
  stages = toset(["blue", "green"])
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

# Not reported: the level comes from a local the host evaluates.
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
    logging_level = upper(local.level)
  }
}

# Reported and fixed: a single stage.
resource "aws_api_gateway_stage" "dev" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "dev"
}

# Reported and fixed: a for_each stage.
resource "aws_api_gateway_stage" "canary" {
  for_each      = local.stages
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = each.key
}

# Reported, no fix: "*/*" settings exist with logging off; edit them.
resource "aws_api_gateway_stage" "test" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "test"
}

resource "aws_api_gateway_method_settings" "test" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.test.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled = true
    logging_level   = local.level == "INFO" ? "OFF" : "INFO"
  }
}
