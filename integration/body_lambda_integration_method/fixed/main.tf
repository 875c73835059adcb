# A Lambda integration in a jsonencode body calls Invoke with PUT: reported at
# the httpMethod expression, fixed to POST. The POST operation is correct.
resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "shop", version = "1" }
    paths = {
      "/items" = {
        put = {
          x-amazon-apigateway-integration = {
            type       = "aws_proxy"
            httpMethod = "POST"
            uri        = aws_lambda_function.items.invoke_arn
          }
        }
        post = {
          x-amazon-apigateway-integration = {
            type       = "aws_proxy"
            httpMethod = "POST"
            uri        = aws_lambda_function.items.invoke_arn
          }
        }
      }
    }
  })
}

resource "aws_lambda_function" "items" {
  function_name = "shop-items"
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

