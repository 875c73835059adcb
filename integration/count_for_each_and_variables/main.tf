variable "rest_api_id" {
  type = string
}

variable "root_resource_id" {
  type = string
}

variable "routes" {
  type    = map(string)
  default = { orders = "GET", refunds = "POST" }
}

variable "stage_auto_deploy" {
  type = bool
}

# Routes of an API created elsewhere, passed in by id.
resource "aws_api_gateway_resource" "route" {
  for_each    = var.routes
  rest_api_id = var.rest_api_id
  parent_id   = var.root_resource_id
  path_part   = each.key
}

resource "aws_api_gateway_method" "route" {
  for_each      = var.routes
  rest_api_id   = var.rest_api_id
  resource_id   = aws_api_gateway_resource.route[each.key].id
  http_method   = each.value
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "route" {
  count       = length(var.routes)
  rest_api_id = var.rest_api_id
  resource_id = values(aws_api_gateway_resource.route)[count.index].id
  http_method = values(aws_api_gateway_method.route)[count.index].http_method
  type        = "MOCK"
}

resource "aws_api_gateway_deployment" "this" {
  rest_api_id = var.rest_api_id
}

# An API read from a data source lives in another configuration: silence.
data "aws_api_gateway_rest_api" "legacy" {
  name = "legacy"
}

resource "aws_api_gateway_method" "legacy" {
  rest_api_id   = data.aws_api_gateway_rest_api.legacy.id
  resource_id   = data.aws_api_gateway_rest_api.legacy.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "legacy" {
  rest_api_id = data.aws_api_gateway_rest_api.legacy.id
}

# An HTTP API whose stage's auto_deploy is unknown: silence.
resource "aws_apigatewayv2_api" "events" {
  name          = "events"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "events" {
  api_id    = aws_apigatewayv2_api.events.id
  route_key = "POST /events"
}

resource "aws_apigatewayv2_stage" "events" {
  api_id      = aws_apigatewayv2_api.events.id
  name        = "live"
  auto_deploy = var.stage_auto_deploy
}
