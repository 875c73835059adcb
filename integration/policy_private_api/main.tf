locals {
  endpoint_types = ["PRIVATE"]
}

resource "aws_vpc_endpoint" "api" {
  vpc_id            = "vpc-0123456789abcdef0"
  service_name      = "com.amazonaws.eu-west-1.execute-api"
  vpc_endpoint_type = "Interface"
}

resource "aws_api_gateway_rest_api" "internal" {
  name = "internal"

  endpoint_configuration {
    types            = local.endpoint_types
    vpc_endpoint_ids = [aws_vpc_endpoint.api.id]
  }
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.internal.id
  parent_id   = aws_api_gateway_rest_api.internal.root_resource_id
  path_part   = "items"
}

resource "aws_api_gateway_method" "items_get" {
  rest_api_id   = aws_api_gateway_rest_api.internal.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "internal" {
  rest_api_id = aws_api_gateway_rest_api.internal.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.items_get.id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

# A private API whose policy is in its OpenAPI body: nothing to report.
resource "aws_api_gateway_rest_api" "with_body" {
  name = "with-body"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "with-body", version = "1" }
    "x-amazon-apigateway-policy" = {
      Version = "2012-10-17"
      Statement = [{
        Effect    = "Allow"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "execute-api:/*"
      }]
    }
    paths = {}
  })

  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

# A private API created twice: reported, but not fixed.
resource "aws_api_gateway_rest_api" "per_env" {
  count = 2
  name  = "per-env-${count.index}"

  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

# A policy from a file: nothing to report.
resource "aws_api_gateway_rest_api" "from_file" {
  name   = "from-file"
  policy = file("${path.module}/policy.json")

  endpoint_configuration {
    types = ["PRIVATE"]
  }
}
