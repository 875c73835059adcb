resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_cognito_user_pool" "users" {
  name = "users"
}

resource "aws_api_gateway_authorizer" "cognito" {
  name          = "cognito"
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  type          = "COGNITO_USER_POOLS"
  provider_arns = [aws_cognito_user_pool.users.arn]
}

# type left out: a TOKEN (Lambda) authorizer.
resource "aws_api_gateway_authorizer" "token" {
  name           = "token"
  rest_api_id    = aws_api_gateway_rest_api.orders.id
  authorizer_uri = aws_lambda_function.auth.invoke_arn

  authorizer_result_ttl_in_seconds = 0
}

resource "aws_lambda_permission" "auth" {
  function_name = aws_lambda_function.auth.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.orders.execution_arn}/authorizers/*"
}

resource "aws_lambda_function" "auth" {
  function_name = "auth"
  role          = "arn:aws:iam::123456789012:role/auth"
  handler       = "auth.handler"
  runtime       = "python3.12"
  filename      = "auth.zip"
}

locals {
  paths = toset(["orders", "invoices"])
}

resource "aws_api_gateway_resource" "collection" {
  for_each    = local.paths
  rest_api_id = aws_api_gateway_rest_api.orders.id
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = each.key
}

# Reported and fixed: CUSTOM with the Cognito authorizer.
resource "aws_api_gateway_method" "list" {
  for_each      = local.paths
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.collection[each.key].id
  http_method   = "GET"
  authorization = "CUSTOM"
  authorizer_id = aws_api_gateway_authorizer.cognito.id
}

# Reported and fixed: COGNITO_USER_POOLS with the Lambda authorizer.
resource "aws_api_gateway_method" "create" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.collection["orders"].id
  http_method   = "POST"
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = aws_api_gateway_authorizer.token.id
}

# Reported, not fixed: under CUSTOM the scopes would no longer be checked.
resource "aws_api_gateway_method" "delete" {
  rest_api_id          = aws_api_gateway_rest_api.orders.id
  resource_id          = aws_api_gateway_resource.collection["orders"].id
  http_method          = "DELETE"
  authorization        = "COGNITO_USER_POOLS"
  authorizer_id        = aws_api_gateway_authorizer.token.id
  authorization_scopes = ["orders/delete"]
}

# Silent: matching kinds, and an authorizer from a variable.
variable "authorizer_id" {
  type = string
}

resource "aws_api_gateway_method" "update" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.collection["orders"].id
  http_method   = "PUT"
  authorization = "COGNITO_USER_POOLS"
  authorizer_id = aws_api_gateway_authorizer.cognito.id
}

resource "aws_api_gateway_method" "patch" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.collection["orders"].id
  http_method   = "PATCH"
  authorization = "CUSTOM"
  authorizer_id = var.authorizer_id
}
