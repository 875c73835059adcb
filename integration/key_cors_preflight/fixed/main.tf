locals {
  protected = "CUSTOM"
  verbs     = ["GET", "OPTIONS"]
}

variable "rest_api_id" {
  type = string
}

variable "resource_id" {
  type = string
}

# Fixed: the local evaluates to CUSTOM, the function to OPTIONS.
resource "aws_api_gateway_method" "items_options" {
  rest_api_id      = var.rest_api_id
  resource_id      = var.resource_id
  http_method      = upper("options")
  authorization    = "NONE"
  api_key_required = false
}

# Fixed: only the key.
resource "aws_api_gateway_method" "cart_options" {
  rest_api_id      = var.rest_api_id
  resource_id      = var.resource_id
  http_method      = element(local.verbs, 1)
  authorization    = "NONE"
  api_key_required = false
}

# Silent: not OPTIONS.
resource "aws_api_gateway_method" "items_get" {
  rest_api_id   = var.rest_api_id
  resource_id   = var.resource_id
  http_method   = element(local.verbs, 0)
  authorization = local.protected
  authorizer_id = "abc123"
}

resource "aws_apigatewayv2_api" "orders" {
  name          = "orders"
  protocol_type = "HTTP"
}

# Fixed: JWT on a preflight route, no cors_configuration.
resource "aws_apigatewayv2_route" "items_options" {
  api_id             = aws_apigatewayv2_api.orders.id
  route_key          = "OPTIONS ${"/items"}"
  authorization_type = "NONE"
}

resource "aws_apigatewayv2_api" "cors" {
  name          = "cors"
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins = ["https://app.example.com"]
  }
}

# Silent: API Gateway answers preflights itself.
resource "aws_apigatewayv2_route" "cors_options" {
  api_id             = aws_apigatewayv2_api.cors.id
  route_key          = "OPTIONS /items"
  authorization_type = "JWT"
  authorizer_id      = "xyz789"
}
