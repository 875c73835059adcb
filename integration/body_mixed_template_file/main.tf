# The body is a data "template_file" rendering of the spec, and a separate
# aws_api_gateway_resource and method are attached to the same API: the
# body import can overwrite them.
data "template_file" "spec" {
  template = file("${path.module}/openapi.yaml")
  vars = {
    title = "shop"
  }
}

resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
  body = data.template_file.spec.rendered
}

resource "aws_api_gateway_resource" "extra" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  parent_id   = aws_api_gateway_rest_api.shop.root_resource_id
  path_part   = "extra"
}

resource "aws_api_gateway_method" "extra" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  resource_id   = aws_api_gateway_resource.extra.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "extra" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  resource_id = aws_api_gateway_resource.extra.id
  http_method = aws_api_gateway_method.extra.http_method
  type        = "MOCK"
}
