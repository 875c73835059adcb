resource "aws_api_gateway_rest_api" "public" {
  name = "public"
}

resource "aws_api_gateway_rest_api" "internal" {
  name = "internal"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "internal", version = "1" }
    paths = {
      "/health" = {
        get = {
          x-amazon-apigateway-integration = { type = "MOCK" }
        }
      }
    }
  })
}

resource "aws_api_gateway_resource" "public" {
  rest_api_id = aws_api_gateway_rest_api.public.id
  parent_id   = aws_api_gateway_rest_api.public.root_resource_id
  path_part   = "public"
}

resource "aws_api_gateway_deployment" "public" { rest_api_id = aws_api_gateway_rest_api.public.id }

resource "aws_api_gateway_deployment" "internal" {
  rest_api_id = aws_api_gateway_rest_api.internal.id
  stage_name  = "internal"
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "get" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /"
}

resource "aws_apigatewayv2_deployment" "http" {
  api_id = aws_apigatewayv2_api.http.id
}

resource "aws_apigatewayv2_stage" "blue" {
  api_id        = aws_apigatewayv2_api.http.id
  name          = "blue"
  deployment_id = aws_apigatewayv2_deployment.http.id
}

resource "aws_apigatewayv2_stage" "green" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "green"
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
  api_id = aws_apigatewayv2_api.ws.id
  name   = "prod"
}
