# The same APIs in a module folder (no provider, no backend): the caller
# may deploy them, so apigw_api_not_deployed stays silent.

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_method" "orders_get" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "orders_get" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_rest_api.orders.root_resource_id
  http_method = aws_api_gateway_method.orders_get.http_method
  type        = "MOCK"
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "items" {
  for_each  = toset(["GET /items", "POST /items"])
  api_id    = aws_apigatewayv2_api.http.id
  route_key = each.key
}

# Silent: quick create gets a $default stage, an API passed to a module
# that deploys it, and a deployed HTTP API.
resource "aws_apigatewayv2_api" "quick" {
  name          = "quick"
  protocol_type = "HTTP"
  target        = "arn:aws:lambda:eu-west-1:123456789012:function:quick"
}

resource "aws_api_gateway_rest_api" "shared" {
  name = "shared"
}

resource "aws_api_gateway_method" "shared_get" {
  rest_api_id   = aws_api_gateway_rest_api.shared.id
  resource_id   = aws_api_gateway_rest_api.shared.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

module "deploy" {
  source      = "./deploy"
  rest_api_id = aws_api_gateway_rest_api.shared.id
}

resource "aws_apigatewayv2_api" "live" {
  name          = "live"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "live" {
  api_id    = aws_apigatewayv2_api.live.id
  route_key = "GET /"
}

resource "aws_apigatewayv2_stage" "live" {
  api_id      = aws_apigatewayv2_api.live.id
  name        = "$default"
  auto_deploy = true
}
