variable "paths" {
  type = list(string)
}

variable "private" {
  type = bool
}

variable "triggers" {
  type = map(string)
}

locals {
  stage = "prod"
}

resource "aws_api_gateway_rest_api" "odd" {
  name = "odd"
  body = <<-EOT
    openapi: 3.0.1
    paths:
    %{ for p in var.paths ~}
      ${p}: {}
    %{ endfor ~}
  EOT

  dynamic "endpoint_configuration" {
    for_each = var.private ? [1] : []
    content {
      types = ["PRIVATE"]
    }
  }
}

resource "aws_api_gateway_method" "empty" {
}

resource "aws_api_gateway_resource" "none" {
  count       = 0
  rest_api_id = aws_api_gateway_rest_api.odd.id
  parent_id   = aws_api_gateway_rest_api.odd.root_resource_id
  path_part   = "none"
}

resource "aws_api_gateway_deployment" "odd" {
  rest_api_id = aws_api_gateway_rest_api.odd.id
  triggers    = var.triggers
  stage_name  = local.stage

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_deployment" "unicode_ñame" {
  rest_api_id = aws_api_gateway_rest_api.odd.id
  triggers = {
    redeployment = sha1(jsonencode([
      for r in [aws_api_gateway_resource.none] : [for x in r : x.id]
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_apigatewayv2_stage" "nothing" {
  api_id      = "abc123"
  name        = "x"
  auto_deploy = null
}
