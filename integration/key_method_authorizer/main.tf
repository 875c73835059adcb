locals {
  auth = "COGNITO_USER_POOLS"
}

resource "aws_api_gateway_rest_api" "a" {
  name = "a"
}

resource "aws_api_gateway_rest_api" "b" {
  name = "b"
}

resource "aws_api_gateway_authorizer" "b" {
  rest_api_id = aws_api_gateway_rest_api.b.id
  name        = "b"
  type        = "TOKEN"
}

# Reported: the local evaluates to COGNITO_USER_POOLS.
resource "aws_api_gateway_method" "no_authorizer" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  resource_id   = aws_api_gateway_rest_api.a.root_resource_id
  http_method   = "GET"
  authorization = local.auth
}

# Reported: the authorizer belongs to b.
resource "aws_api_gateway_method" "wrong_api" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  resource_id   = aws_api_gateway_rest_api.a.root_resource_id
  http_method   = "POST"
  authorization = upper("custom")
  authorizer_id = aws_api_gateway_authorizer.b.id
}

# Silent: its own API's authorizer.
resource "aws_api_gateway_method" "ok" {
  rest_api_id   = aws_api_gateway_rest_api.b.id
  resource_id   = aws_api_gateway_rest_api.b.root_resource_id
  http_method   = "GET"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.b.id
}
