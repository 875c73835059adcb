# Used by ci_test.go (compact output against the GitHub problem matcher, SARIF
# for code scanning) and langserver_test.go (diagnostics over LSP): findings of
# both severities in two files, one of them fixable.
resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
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

resource "aws_api_gateway_deployment" "shop" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
}

resource "aws_api_gateway_deployment" "legacy" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  stage_name  = "legacy"

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items.id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}
