# Corpus: an HTTP API with for_each Lambda proxy integrations, JWT routes, a
# public route, cors_configuration and an auto-deployed $default stage.
# Expected: nothing.

variable "issuer_url" {
  type    = string
  default = "https://example.eu.auth0.com/"
}

variable "audience" {
  type    = list(string)
  default = ["https://api.example.com"]
}

locals {
  functions = {
    profile  = { route = "GET /me", file = "profile.zip" }
    settings = { route = "PUT /me/settings", file = "settings.zip" }
    public   = { route = "GET /status", file = "status.zip" }
  }
}

resource "aws_iam_role" "lambda" {
  name = "http-api-lambda"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_lambda_function" "fn" {
  for_each = local.functions

  function_name = "me-${each.key}"
  role          = aws_iam_role.lambda.arn
  runtime       = "provided.al2023"
  handler       = "bootstrap"
  architectures = ["arm64"]
  filename      = each.value.file
}

resource "aws_apigatewayv2_api" "http" {
  name          = "me-api"
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins = ["https://app.example.com"]
    allow_methods = ["GET", "PUT", "OPTIONS"]
    allow_headers = ["authorization", "content-type"]
    max_age       = 300
  }
}

resource "aws_apigatewayv2_authorizer" "jwt" {
  api_id           = aws_apigatewayv2_api.http.id
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]
  name             = "auth0"

  jwt_configuration {
    audience = var.audience
    issuer   = var.issuer_url
  }
}

resource "aws_apigatewayv2_integration" "fn" {
  for_each = local.functions

  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.fn[each.key].invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "fn" {
  for_each = local.functions

  api_id    = aws_apigatewayv2_api.http.id
  route_key = each.value.route
  target    = "integrations/${aws_apigatewayv2_integration.fn[each.key].id}"

  authorization_type = each.key == "public" ? "NONE" : "JWT"
  authorizer_id      = each.key == "public" ? null : aws_apigatewayv2_authorizer.jwt.id
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/aws/apigateway/me-api"
  retention_in_days = 7
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format = jsonencode({
      requestId        = "$context.requestId"
      routeKey         = "$context.routeKey"
      status           = "$context.status"
      authorizerError  = "$context.authorizer.error"
      integrationError = "$context.integrationErrorMessage"
      responseLatency  = "$context.responseLatency"
      errorType        = "$context.error.responseType"
      errorMessage     = "$context.error.message"
    })
  }
}

resource "aws_lambda_permission" "fn" {
  for_each = local.functions

  statement_id  = "AllowHttpApiInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.fn[each.key].function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*/*"
}

output "api_endpoint" {
  value = aws_apigatewayv2_stage.default.invoke_url
}
