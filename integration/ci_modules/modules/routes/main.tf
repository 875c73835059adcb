variable "rest_api_id" {
  type = string
}

variable "parent_id" {
  type = string
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = var.rest_api_id
  parent_id   = var.parent_id
  path_part   = "orders"
}

resource "aws_api_gateway_method" "orders_get" {
  rest_api_id   = var.rest_api_id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "orders_get" {
  rest_api_id = var.rest_api_id
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.orders_get.http_method
  type        = "MOCK"
}

# No triggers: deployed once, never again.
resource "aws_api_gateway_deployment" "routes" {
  rest_api_id = var.rest_api_id

  depends_on = [aws_api_gateway_integration.orders_get]
}
