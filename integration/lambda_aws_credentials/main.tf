locals {
  queue_service = "sqs"
}

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
}

# The service comes from a local: the real tflint evaluates it.
resource "aws_api_gateway_integration" "enqueue" {
  rest_api_id             = aws_api_gateway_rest_api.shop.id
  resource_id             = aws_api_gateway_rest_api.shop.root_resource_id
  http_method             = "POST"
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:${data.aws_region.current.name}:${local.queue_service}:path/${data.aws_caller_identity.current.account_id}/orders"
}

# With a role: silent.
resource "aws_api_gateway_integration" "start" {
  rest_api_id             = aws_api_gateway_rest_api.shop.id
  resource_id             = aws_api_gateway_rest_api.shop.root_resource_id
  http_method             = "PUT"
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:${data.aws_region.current.name}:states:action/StartExecution"
  credentials             = "arn:aws:iam::123456789012:role/apigw-states"
}

resource "aws_apigatewayv2_api" "events" {
  name          = "events"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "put_events" {
  api_id              = aws_apigatewayv2_api.events.id
  integration_type    = "AWS_PROXY"
  integration_subtype = join("-", ["EventBridge", "PutEvents"])
  request_parameters = {
    "Detail"     = "$request.body"
    "DetailType" = "order"
    "Source"     = "shop"
  }
}
