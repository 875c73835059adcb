# An HTTP API defined by its spec: the route GET /items invokes the items
# function, which has no permission for API Gateway (500 Internal Server
# Error). The fix inserts the permission.
resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
  body = templatefile("${path.module}/openapi.yaml", {
    items = aws_lambda_function.items.invoke_arn
  })
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_lambda_function" "items" {
  function_name = "http-items"
  role          = "arn:aws:iam::123456789012:role/http"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "app.zip"
}

resource "aws_lambda_permission" "items_apigw" {
  statement_id  = "AllowAPIGatewayInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.items.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*/*"
}
