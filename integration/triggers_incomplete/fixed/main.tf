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

resource "aws_api_gateway_integration" "items_get" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  resource_id = aws_api_gateway_resource.items.id
  http_method = aws_api_gateway_method.items_get.http_method
  type        = "MOCK"
}

resource "aws_api_gateway_rest_api_policy" "shop" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "${aws_api_gateway_rest_api.shop.execution_arn}/*"
    }]
  })
}

# Written when the API had one resource; the method, integration and policy
# came later and are never deployed.
resource "aws_api_gateway_deployment" "shop" {
  rest_api_id = aws_api_gateway_rest_api.shop.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.items_get.id,
      aws_api_gateway_integration.items_get.id,
      aws_api_gateway_rest_api_policy.shop.policy,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

# Hashes only the API's id: it can never change.
resource "aws_api_gateway_deployment" "canary" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  triggers    = { redeployment = aws_api_gateway_rest_api.shop.id }

  lifecycle {
    create_before_destroy = true
  }
}

# Built from a local, which is followed; no stage serves it and its id
# stays in the module, so it is left alone.
locals {
  deployed = [aws_api_gateway_method.items_get.id]
}

resource "aws_api_gateway_deployment" "from_local" {
  rest_api_id = aws_api_gateway_rest_api.shop.id
  triggers    = { redeployment = sha1(jsonencode(local.deployed)) }

  lifecycle {
    create_before_destroy = true
  }
}
