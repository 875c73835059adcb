# Route settings that leave the throttling limits out: the AWS provider
# sends them as 0 and every request answers 429. --fix adds the account
# defaults; a 0 written on purpose is reported without a fix.

variable "burst_limit" {
  type    = number
  default = 0
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "items" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /items"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    detailed_metrics_enabled = true
    throttling_burst_limit   = 5000
    throttling_rate_limit    = 10000
  }

  route_settings {
    route_key              = "GET /items"
    throttling_burst_limit = 100
    throttling_rate_limit  = 10000
  }
}

resource "aws_apigatewayv2_api" "ws" {
  name                       = "ws"
  protocol_type              = "WEBSOCKET"
  route_selection_expression = "$request.body.action"
}

resource "aws_apigatewayv2_route" "connect" {
  api_id    = aws_apigatewayv2_api.ws.id
  route_key = "$connect"
}

resource "aws_apigatewayv2_stage" "ws" {
  count       = 1
  api_id      = aws_apigatewayv2_api.ws.id
  name        = "prod"
  auto_deploy = true

  default_route_settings {
    throttling_burst_limit = 5000
    throttling_rate_limit  = 10000
  }
}

resource "aws_api_gateway_usage_plan" "frozen" {
  name = "frozen"

  throttle_settings {
    burst_limit = 10
    rate_limit  = 0
  }
}

# Silent: limits from a variable, and a stage with every limit set.
resource "aws_apigatewayv2_stage" "tuned" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "tuned"
  auto_deploy = true

  default_route_settings {
    throttling_burst_limit = var.burst_limit
    throttling_rate_limit  = 50
  }

  route_settings {
    route_key              = "GET /items"
    throttling_burst_limit = 20
    throttling_rate_limit  = 10
  }
}
