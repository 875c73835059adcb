# Access log formats that cannot tell 403s apart. --fix adds the error
# fields to a jsonencode({...}) format; string formats are reported only.

variable "log_format" {
  type    = string
  default = "$context.requestId"
}

resource "aws_cloudwatch_log_group" "api" {
  name = "api-access"
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "items" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /items"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format = jsonencode({
      requestId = "$context.requestId"
      routeKey  = "$context.routeKey"
      status    = "$context.status"
    })
  }
}

locals {
  clf = "$context.identity.sourceIp - - [$context.requestTime] \"$context.httpMethod $context.routeKey $context.protocol\" $context.status $context.responseLength $context.requestId"
}

resource "aws_apigatewayv2_stage" "clf" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "clf"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = local.clf
  }
}

# Silent: a format from a variable, and a complete one.
resource "aws_apigatewayv2_stage" "var" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "var"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format          = var.log_format
  }
}

resource "aws_apigatewayv2_stage" "complete" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "complete"
  auto_deploy = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api.arn
    format = jsonencode({
      requestId    = "$context.requestId"
      status       = "$context.status"
      errorType    = "$context.error.responseType"
      errorMessage = "$context.error.message"
    })
  }
}
