# A correct spec-first REST API, as teams that keep the spec first write it:
# a YAML template bound to invoke ARNs, a token authorizer without caching,
# API keys with a usage plan and a key, CORS preflights open, gateway
# responses with the CORS header, permissions for every function, a
# deployment that hashes the body. Expected: nothing.
resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
  body = templatefile("${path.module}/openapi.yaml", {
    items_arn = aws_lambda_function.items.invoke_arn
    auth_arn  = aws_lambda_function.auth.invoke_arn
  })

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_deployment" "shop" {
  rest_api_id = aws_api_gateway_rest_api.shop.id

  triggers = {
    redeployment = sha1(aws_api_gateway_rest_api.shop.body)
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  deployment_id = aws_api_gateway_deployment.shop.id
  stage_name    = "prod"
}

resource "aws_api_gateway_usage_plan" "shop" {
  name = "shop"

  api_stages {
    api_id = aws_api_gateway_rest_api.shop.id
    stage  = aws_api_gateway_stage.prod.stage_name
  }
}

resource "aws_api_gateway_api_key" "partner" {
  name = "partner"
}

resource "aws_api_gateway_usage_plan_key" "partner" {
  key_id        = aws_api_gateway_api_key.partner.id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.shop.id
}

resource "aws_lambda_function" "items" {
  function_name = "shop-items"
  role          = "arn:aws:iam::123456789012:role/shop"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "app.zip"
}

resource "aws_lambda_function" "auth" {
  function_name = "shop-auth"
  role          = "arn:aws:iam::123456789012:role/shop"
  handler       = "auth.handler"
  runtime       = "python3.12"
  filename      = "app.zip"
}

resource "aws_lambda_permission" "items" {
  statement_id  = "AllowAPIGatewayInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.items.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.shop.execution_arn}/*/*"
}

resource "aws_lambda_permission" "auth" {
  statement_id  = "AllowAPIGatewayInvokeAuthorizer"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.auth.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.shop.execution_arn}/authorizers/*"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    logging_level = "ERROR"
  }
}
