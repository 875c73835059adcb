# An HTTP API with cors_configuration whose catch-all route ANY /{proxy+}
# has a JWT authorizer and no OPTIONS route: the preflights match the
# catch-all, so the authorizer answers them with 401.
# Expected: apigw_cors_preflight_auth on the catch-all; the fix adds an
# open OPTIONS /{proxy+} route with the same target, and a second --fix
# changes nothing.

variable "issuer_url" {
  type    = string
  default = "https://example.eu.auth0.com/"
}

resource "aws_iam_role" "lambda" {
  name = "orders-lambda"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Action    = "sts:AssumeRole"
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = aws_iam_role.lambda.arn
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  filename      = "orders.zip"
}

resource "aws_apigatewayv2_api" "orders" {
  name          = "orders"
  protocol_type = "HTTP"

  cors_configuration {
    allow_origins = ["https://app.example.com"]
    allow_methods = ["GET", "POST"]
    allow_headers = ["authorization", "content-type"]
  }
}

resource "aws_apigatewayv2_authorizer" "jwt" {
  api_id           = aws_apigatewayv2_api.orders.id
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]
  name             = "auth0"

  jwt_configuration {
    audience = ["https://orders.example.com"]
    issuer   = var.issuer_url
  }
}

resource "aws_apigatewayv2_integration" "orders" {
  api_id                 = aws_apigatewayv2_api.orders.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.orders.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "proxy" {
  api_id             = aws_apigatewayv2_api.orders.id
  route_key          = "ANY /{proxy+}"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.jwt.id
  target             = "integrations/${aws_apigatewayv2_integration.orders.id}"
}

resource "aws_apigatewayv2_route" "proxy_options" {
  api_id             = aws_apigatewayv2_api.orders.id
  route_key          = "OPTIONS /{proxy+}"
  authorization_type = "NONE"
  target             = aws_apigatewayv2_route.proxy.target
}

# A plain route: API Gateway answers its preflights from cors_configuration.
resource "aws_apigatewayv2_route" "health" {
  api_id    = aws_apigatewayv2_api.orders.id
  route_key = "GET /health"
  target    = "integrations/${aws_apigatewayv2_integration.orders.id}"
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/aws/apigateway/orders"
  retention_in_days = 7
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.orders.id
  name        = "$default"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format = jsonencode({
      requestId         = "$context.requestId"
      routeKey          = "$context.routeKey"
      status            = "$context.status"
      errorResponseType = "$context.error.responseType"
      errorMessage      = "$context.error.message"
      authorizerError   = "$context.authorizer.error"
    })
  }
}

resource "aws_lambda_permission" "orders" {
  statement_id  = "AllowHttpApiInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.orders.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.orders.execution_arn}/*/*"
}
