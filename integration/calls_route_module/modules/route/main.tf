# One route of an API: a resource, its method and a Lambda proxy integration.
variable "rest_api_id" {
  type = string
}

variable "parent_id" {
  type = string
}

variable "path_part" {
  type = string
}

variable "http_method" {
  type = string
}

variable "integration_http_method" {
  type    = string
  default = "POST"
}

variable "function_arn" {
  type = string
}

data "aws_region" "current" {}

resource "aws_api_gateway_resource" "this" {
  rest_api_id = var.rest_api_id
  parent_id   = var.parent_id
  path_part   = var.path_part
}

resource "aws_api_gateway_method" "this" {
  rest_api_id   = var.rest_api_id
  resource_id   = aws_api_gateway_resource.this.id
  http_method   = var.http_method
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "this" {
  rest_api_id             = var.rest_api_id
  resource_id             = aws_api_gateway_resource.this.id
  http_method             = aws_api_gateway_method.this.http_method
  type                    = "AWS_PROXY"
  integration_http_method = var.integration_http_method
  uri                     = "arn:aws:apigateway:${data.aws_region.current.name}:lambda:path/2015-03-31/functions/${var.function_arn}/invocations"
}

output "ids" {
  value = [aws_api_gateway_resource.this.id, aws_api_gateway_method.this.id, aws_api_gateway_integration.this.id]
}
