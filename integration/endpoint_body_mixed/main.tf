# apigw_body_mixed_with_resources through the real tflint: bodies from file
# and templatefile, the import mode from a local.

locals {
  import_mode = "merge"
}

# Reported: the body is rendered from a template, separate resources exist.
resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
  body = templatefile("${path.module}/openapi.yaml", {})
}

resource "aws_api_gateway_resource" "health" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "health"
}

# Not reported: merge mode through a local.
resource "aws_api_gateway_rest_api" "billing" {
  name              = "billing"
  body              = file("${path.module}/openapi.yaml")
  put_rest_api_mode = local.import_mode
}

resource "aws_api_gateway_method" "billing_root" {
  rest_api_id   = aws_api_gateway_rest_api.billing.id
  resource_id   = aws_api_gateway_rest_api.billing.root_resource_id
  http_method   = "GET"
  authorization = "NONE"
}
