# apigw_vpce_private_dns through the real tflint: the service name and the
# DNS flag come from a data source, a local and a function.

locals {
  resolve_privately = true
}

data "aws_region" "current" {}

# Reported: private DNS on through a local, the service name a template.
resource "aws_vpc_endpoint" "execute_api" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.${data.aws_region.current.name}.execute-api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = local.resolve_privately
}

# Not reported: private DNS off through a function.
resource "aws_vpc_endpoint" "other_vpc" {
  vpc_id              = aws_vpc.other.id
  service_name        = format("com.amazonaws.%s.execute-api", data.aws_region.current.name)
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = !local.resolve_privately
}

resource "aws_api_gateway_rest_api" "internal" {
  name = "internal"

  endpoint_configuration {
    types            = ["PRIVATE"]
    vpc_endpoint_ids = [aws_vpc_endpoint.execute_api.id]
  }
}

resource "aws_api_gateway_rest_api_policy" "internal" {
  rest_api_id = aws_api_gateway_rest_api.internal.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "${aws_api_gateway_rest_api.internal.execution_arn}/*"
      Condition = {
        StringEquals = {
          "aws:SourceVpce" = [aws_vpc_endpoint.execute_api.id]
        }
      }
    }]
  })
}

# The public API, its endpoint type from a function.
resource "aws_api_gateway_rest_api" "partners" {
  name = "partners"

  endpoint_configuration {
    types = [upper("regional")]
  }
}
