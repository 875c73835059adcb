# apigw_data_trace_enabled through the real tflint: values from locals and
# functions.

locals {
  debugging = true
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "prod"
}

# Reported: on through a local.
resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    logging_level      = "INFO"
    data_trace_enabled = local.debugging
  }
}

# Not reported: off through a function.
resource "aws_api_gateway_method_settings" "items" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "items/GET"

  settings {
    logging_level      = "INFO"
    data_trace_enabled = !local.debugging
  }
}

# Reported: a WebSocket stage's default route settings.
resource "aws_apigatewayv2_stage" "ws" {
  api_id      = aws_apigatewayv2_api.ws.id
  name        = "prod"
  auto_deploy = true

  default_route_settings {
    logging_level          = "INFO"
    data_trace_enabled     = tobool("true")
    throttling_burst_limit = 5000
    throttling_rate_limit  = 10000
  }
}
