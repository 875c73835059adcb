terraform {
  backend "s3" {
    bucket = "example-state"
    key    = "api/terraform.tfstate"
    region = "eu-west-1"
  }
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

# No mapping anywhere in this configuration: reported.
resource "aws_api_gateway_domain_name" "orders" {
  domain_name              = "orders.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/orders"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_apigatewayv2_domain_name" "status" {
  domain_name = "status.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/status"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

# Mapped by reference, and by the same literal name: silent.
resource "aws_api_gateway_domain_name" "mapped" {
  domain_name              = "mapped.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/mapped"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_base_path_mapping" "mapped" {
  api_id      = aws_api_gateway_rest_api.orders.id
  stage_name  = "prod"
  domain_name = aws_api_gateway_domain_name.mapped.domain_name
}

resource "aws_apigatewayv2_domain_name" "literal" {
  domain_name = "literal.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/literal"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_apigatewayv2_api_mapping" "literal" {
  api_id      = aws_api_gateway_rest_api.orders.id
  domain_name = "literal.example.com"
  stage       = "prod"
}
