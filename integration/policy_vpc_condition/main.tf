locals {
  vpce_ids = ["vpce-0123456789abcdef0"]
  public   = { types = ["REGIONAL"] }
}

# A REGIONAL API (types from a local) with a policy that only allows calls
# through a VPC endpoint: nobody gets in.
resource "aws_api_gateway_rest_api" "regional" {
  name = "regional"

  endpoint_configuration {
    types = local.public.types
  }
}

resource "aws_api_gateway_rest_api_policy" "regional" {
  rest_api_id = aws_api_gateway_rest_api.regional.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "OnlyFromTheVpc"
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "${aws_api_gateway_rest_api.regional.execution_arn}/*"
      Condition = {
        StringEquals = { "aws:SourceVpce" = local.vpce_ids }
      }
    }]
  })
}

# The same policy on a PRIVATE API: correct.
resource "aws_api_gateway_rest_api" "private" {
  name = "private"

  endpoint_configuration {
    types            = ["PRIVATE"]
    vpc_endpoint_ids = local.vpce_ids
  }
}

resource "aws_api_gateway_rest_api_policy" "private" {
  rest_api_id = aws_api_gateway_rest_api.private.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "${aws_api_gateway_rest_api.private.execution_arn}/*"
      Condition = {
        StringEquals = { "aws:SourceVpce" = local.vpce_ids }
      }
    }]
  })
}

# An EDGE API (no endpoint_configuration) with a policy file that tests aws:SourceVpc.
resource "aws_api_gateway_rest_api" "edge" {
  name   = "edge"
  policy = file("${path.module}/vpc-only.json")
}
