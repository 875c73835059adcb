resource "aws_apigatewayv2_api" "orders" {
  name          = "orders"
  protocol_type = "HTTP"
}

resource "aws_cognito_user_pool" "users" {
  name = "users"
}

resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.users.id
}

resource "aws_cognito_user_pool_domain" "login" {
  domain       = "orders-login"
  user_pool_id = aws_cognito_user_pool.users.id
}

# Reported twice and fixed: the pool id as audience, the endpoint without https://.
resource "aws_apigatewayv2_authorizer" "cognito" {
  api_id           = aws_apigatewayv2_api.orders.id
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]
  name             = "cognito"

  jwt_configuration {
    audience = [aws_cognito_user_pool.users.id]
    issuer   = aws_cognito_user_pool.users.endpoint
  }
}

# Reported and fixed: the hosted UI domain is not the issuer.
resource "aws_apigatewayv2_authorizer" "hosted_ui" {
  api_id           = aws_apigatewayv2_api.orders.id
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]
  name             = "hosted-ui"

  jwt_configuration {
    audience = [aws_cognito_user_pool_client.web.id]
    issuer   = "https://${aws_cognito_user_pool_domain.login.domain}.auth.${data.aws_region.current.name}.amazoncognito.com"
  }
}

data "aws_region" "current" {}

# Silent: the right settings, and settings from variables.
variable "audience" {
  type = list(string)
}

variable "issuer" {
  type = string
}

resource "aws_apigatewayv2_authorizer" "right" {
  api_id           = aws_apigatewayv2_api.orders.id
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]
  name             = "right"

  jwt_configuration {
    audience = [aws_cognito_user_pool_client.web.id]
    issuer   = "https://cognito-idp.${data.aws_region.current.name}.amazonaws.com/${aws_cognito_user_pool.users.id}"
  }
}

resource "aws_apigatewayv2_authorizer" "from_variables" {
  api_id           = aws_apigatewayv2_api.orders.id
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]
  name             = "from-variables"

  jwt_configuration {
    audience = var.audience
    issuer   = var.issuer
  }
}
