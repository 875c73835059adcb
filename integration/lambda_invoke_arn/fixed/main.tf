locals {
  handlers = toset(["list", "show"])
}

resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
}

resource "aws_lambda_function" "handler" {
  for_each      = local.handlers
  function_name = "shop-${each.key}"
  role          = "arn:aws:iam::123456789012:role/shop"
  handler       = "app.${each.key}"
  runtime       = "python3.12"
  filename      = "app.zip"
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  parent_id   = aws_api_gateway_rest_api.shop.root_resource_id
  path_part   = "items"
}

resource "aws_api_gateway_method" "items_get" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "NONE"
}

# for_each function, index kept by the fix.
resource "aws_api_gateway_integration" "items_get" {
  rest_api_id             = aws_api_gateway_rest_api.shop.id
  resource_id             = aws_api_gateway_resource.items.id
  http_method             = aws_api_gateway_method.items_get.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.handler["list"].invoke_arn
}

# A token authorizer from another configuration's function.
data "aws_lambda_function" "auth" {
  function_name = "shared-authorizer"
}

resource "aws_api_gateway_authorizer" "token" {
  name           = "token"
  rest_api_id    = aws_api_gateway_rest_api.shop.id
  authorizer_uri = "${data.aws_lambda_function.auth.invoke_arn}"
}

# A local the model cannot read: silent.
locals {
  show_uri = aws_lambda_function.handler["show"].arn
}

resource "aws_api_gateway_integration" "items_show" {
  rest_api_id             = aws_api_gateway_rest_api.shop.id
  resource_id             = aws_api_gateway_resource.items.id
  http_method             = "PUT"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = local.show_uri
}

resource "aws_lambda_permission" "handler" {
  for_each      = local.handlers
  function_name = aws_lambda_function.handler[each.key].function_name
  action        = "lambda:InvokeFunction"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.shop.execution_arn}/*/*"
}
