locals {
  ttl = {
    short = 60
    off   = 0
  }
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

# Reported: the local evaluates to 60, two methods use it.
resource "aws_api_gateway_authorizer" "tenant" {
  rest_api_id                      = aws_api_gateway_rest_api.orders.id
  name                             = "tenant"
  type                             = "REQUEST"
  identity_source                  = "method.request.header.Authorization"
  authorizer_result_ttl_in_seconds = local.ttl["short"]
}

# Silent: the function evaluates to 0.
resource "aws_api_gateway_authorizer" "off" {
  rest_api_id                      = aws_api_gateway_rest_api.orders.id
  name                             = "off"
  authorizer_result_ttl_in_seconds = max(local.ttl["off"], 0)
}

resource "aws_api_gateway_method" "items" {
  for_each      = toset(["GET", "POST"])
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
  http_method   = each.key
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.tenant.id
}

resource "aws_api_gateway_method" "delete" {
  for_each      = toset(["DELETE", "PATCH"])
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_rest_api.orders.root_resource_id
  http_method   = each.key
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.off.id
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

# Silent: simple responses are not policies.
resource "aws_apigatewayv2_authorizer" "simple" {
  api_id                            = aws_apigatewayv2_api.http.id
  name                              = "simple"
  authorizer_type                   = "REQUEST"
  authorizer_payload_format_version = "2.0"
  authorizer_result_ttl_in_seconds  = 300
  enable_simple_responses           = !false
}
