# Functions the spec invokes: orders has no permission (inserted by the fix);
# items' permission covers GET /items only, while the spec also sends
# DELETE /items to it.
resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
  body = templatefile("${path.module}/api.yaml", {
    items_arn  = aws_lambda_function.items.invoke_arn
    orders_arn = aws_lambda_function.orders.invoke_arn
  })
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

resource "aws_lambda_function" "orders" {
  function_name = "shop-orders"
  role          = "arn:aws:iam::123456789012:role/shop"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "app.zip"
}

resource "aws_lambda_permission" "orders_apigw" {
  statement_id  = "AllowAPIGatewayInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.orders.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.shop.execution_arn}/*/*"
}

