# A module folder (no provider, no backend): the caller may map the domains.
resource "aws_api_gateway_domain_name" "module" {
  domain_name              = "module.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/module"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

variable "domain" {
  type = string
}

# DNS points at this one, but a mapping names a domain from a variable,
# which may be it.
resource "aws_apigatewayv2_domain_name" "dns" {
  domain_name = "dns.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/dns"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_apigatewayv2_api_mapping" "other" {
  api_id      = "a1b2c3d4e5"
  domain_name = var.domain
  stage       = "$default"
}

resource "aws_route53_record" "dns" {
  zone_id = "Z0123456789"
  name    = aws_apigatewayv2_domain_name.dns.domain_name
  type    = "A"
  alias {
    name                   = aws_apigatewayv2_domain_name.dns.domain_name_configuration[0].target_domain_name
    zone_id                = aws_apigatewayv2_domain_name.dns.domain_name_configuration[0].hosted_zone_id
    evaluate_target_health = false
  }
}
