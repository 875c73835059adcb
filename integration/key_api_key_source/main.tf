locals {
  key_source = "AUTHORIZER"
  open_auth  = "NONE"
}

resource "aws_api_gateway_rest_api" "orders" {
  name           = "orders"
  api_key_source = local.key_source
}

# Reported: the local evaluates to NONE.
resource "aws_api_gateway_method" "open" {
  rest_api_id      = aws_api_gateway_rest_api.orders.id
  resource_id      = aws_api_gateway_rest_api.orders.root_resource_id
  http_method      = "GET"
  authorization    = local.open_auth
  api_key_required = true
}

# Reported: the function evaluates to AWS_IAM.
resource "aws_api_gateway_method" "iam" {
  rest_api_id      = aws_api_gateway_rest_api.orders.id
  resource_id      = aws_api_gateway_rest_api.orders.root_resource_id
  http_method      = "POST"
  authorization    = upper("aws_iam")
  api_key_required = true
}

# Silent: a Lambda authorizer supplies the key.
resource "aws_api_gateway_method" "custom" {
  rest_api_id      = aws_api_gateway_rest_api.orders.id
  resource_id      = aws_api_gateway_rest_api.orders.root_resource_id
  http_method      = "PUT"
  authorization    = "CUSTOM"
  authorizer_id    = aws_api_gateway_authorizer.tenant.id
  api_key_required = true
}

resource "aws_api_gateway_authorizer" "tenant" {
  rest_api_id                      = aws_api_gateway_rest_api.orders.id
  name                             = "tenant"
  type                             = "REQUEST"
  identity_source                  = "method.request.header.Authorization"
  authorizer_uri                   = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/arn:aws:lambda:eu-west-1:123456789012:function:tenant/invocations"
  authorizer_result_ttl_in_seconds = 0
}

# Silent: keys come from the header.
resource "aws_api_gateway_rest_api" "billing" {
  name = "billing"
}

resource "aws_api_gateway_method" "billing" {
  rest_api_id      = aws_api_gateway_rest_api.billing.id
  resource_id      = aws_api_gateway_rest_api.billing.root_resource_id
  http_method      = "GET"
  authorization    = "NONE"
  api_key_required = true
}
