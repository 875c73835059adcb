# The spec is a YAML template; ${fn} is bound to the function's bare ARN, so
# the uri is not an invocation ARN. Reported at the body argument (the spec
# file is never edited); the fix binds .invoke_arn instead.
resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
  body = templatefile("${path.module}/openapi.yaml", {
    fn   = aws_lambda_function.items.arn
    auth = aws_lambda_function.auth.invoke_arn
  })
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
  handler       = "app.handler"
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
  statement_id  = "AllowAPIGatewayInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.auth.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.shop.execution_arn}/*/*"
}

