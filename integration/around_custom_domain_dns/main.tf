provider "aws" {
  region = "eu-west-1"
}

variable "target" {
  type = string
}

data "aws_region" "current" {}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_domain_name" "orders" {
  domain_name              = "orders.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/orders"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_base_path_mapping" "orders" {
  api_id      = aws_api_gateway_rest_api.orders.id
  stage_name  = "prod"
  domain_name = aws_api_gateway_domain_name.orders.domain_name
}

# Points at the API's own host: fixed to the custom domain mapped to it.
resource "aws_route53_record" "orders" {
  zone_id = "Z0123456789"
  name    = "orders.example.com"
  type    = "A"
  alias {
    name                   = "${aws_api_gateway_rest_api.orders.id}.execute-api.${data.aws_region.current.name}.amazonaws.com"
    zone_id                = "ZLY8HYME6SFDD"
    evaluate_target_health = false
  }
}

resource "aws_api_gateway_domain_name" "edge" {
  domain_name     = "edge.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/edge"
}

resource "aws_api_gateway_base_path_mapping" "edge" {
  api_id      = aws_api_gateway_rest_api.orders.id
  stage_name  = "prod"
  domain_name = aws_api_gateway_domain_name.edge.domain_name
}

# An EDGE domain aliased with the regional pair: fixed to the CloudFront pair.
resource "aws_route53_record" "edge" {
  zone_id = "Z0123456789"
  name    = aws_api_gateway_domain_name.edge.domain_name
  type    = "A"
  alias {
    name                   = aws_api_gateway_domain_name.edge.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.edge.regional_zone_id
    evaluate_target_health = true
  }
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_domain_name" "http" {
  domain_name = "http.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/http"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_apigatewayv2_api_mapping" "http" {
  api_id      = aws_apigatewayv2_api.http.id
  domain_name = aws_apigatewayv2_domain_name.http.id
  stage       = "$default"
}

# A CNAME to the domain's own name: fixed to its target.
resource "aws_route53_record" "http" {
  zone_id = "Z0123456789"
  name    = "www.http.example.com"
  type    = "CNAME"
  ttl     = 300
  records = [aws_apigatewayv2_domain_name.http.domain_name]
}

# A literal execute-api host: reported, nothing to fix it with.
resource "aws_route53_record" "legacy" {
  zone_id = "Z0123456789"
  name    = "legacy.example.com"
  type    = "CNAME"
  ttl     = 300
  records = ["a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com"]
}

# Silent: the right pair, a target from a variable.
resource "aws_route53_record" "right" {
  for_each = toset(["A", "AAAA"])
  zone_id  = "Z0123456789"
  name     = aws_apigatewayv2_domain_name.http.domain_name
  type     = each.value
  alias {
    name                   = aws_apigatewayv2_domain_name.http.domain_name_configuration[0].target_domain_name
    zone_id                = aws_apigatewayv2_domain_name.http.domain_name_configuration[0].hosted_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "unknown" {
  zone_id = "Z0123456789"
  name    = "unknown.example.com"
  type    = "CNAME"
  ttl     = 300
  records = [var.target]
}
