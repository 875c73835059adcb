locals {
  account_id = "123456789012"
  callers    = ["arn:aws:iam::${local.account_id}:role/partner"]
}

resource "aws_api_gateway_rest_api" "partner" {
  name = "partner"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.partner.id
  parent_id   = aws_api_gateway_rest_api.partner.root_resource_id
  path_part   = "orders"
}

# Open to the world in the method, restricted to one role in the policy.
resource "aws_api_gateway_method" "orders_get" {
  rest_api_id   = aws_api_gateway_rest_api.partner.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_rest_api_policy" "partner" {
  rest_api_id = aws_api_gateway_rest_api.partner.id
  policy      = data.aws_iam_policy_document.partner.json
}

data "aws_iam_policy_document" "partner" {
  statement {
    actions   = ["execute-api:Invoke"]
    resources = ["${aws_api_gateway_rest_api.partner.execution_arn}/*"]

    principals {
      type        = "AWS"
      identifiers = local.callers
    }
  }
}

# The same policy where every method is signed: correct.
resource "aws_api_gateway_rest_api" "signed" {
  name = "signed"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = local.callers }
      Action    = "execute-api:Invoke"
      Resource  = "execute-api:/*"
    }]
  })
}

resource "aws_api_gateway_method" "signed_get" {
  rest_api_id   = aws_api_gateway_rest_api.signed.id
  resource_id   = aws_api_gateway_rest_api.signed.root_resource_id
  http_method   = "GET"
  authorization = "AWS_IAM"
}
