package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func unmappedDomain(domain, kind string) string {
	return domain + " has no " + kind + ` in this configuration: unless the mapping lives in another stack, every call to the domain answers 403 {"message":"Forbidden"} from API Gateway, which has no API to send it to`
}

const (
	v1Mapping = "base path mapping (aws_api_gateway_base_path_mapping) or API mapping (aws_apigatewayv2_api_mapping)"
	v2Mapping = "API mapping (aws_apigatewayv2_api_mapping)"
)

func TestApigwCustomDomainMapping(t *testing.T) {
	runRuleCases(t, NewApigwCustomDomainMappingRule(), []ruleCase{
		{
			Name: "a domain DNS points at, without a mapping",
			Content: `resource "aws_api_gateway_domain_name" "api" {
  domain_name     = "api.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
}

resource "aws_route53_record" "api" {
  zone_id = "Z123"
  name    = aws_api_gateway_domain_name.api.domain_name
  type    = "A"
  alias {
    name                   = aws_api_gateway_domain_name.api.cloudfront_domain_name
    zone_id                = aws_api_gateway_domain_name.api.cloudfront_zone_id
    evaluate_target_health = true
  }
}
`,
			Expected: helper.Issues{{Message: unmappedDomain("aws_api_gateway_domain_name.api (api.example.com)", v1Mapping), Range: at(1, 1, 1, 45)}},
		},
		{
			Name: "a v2 domain of a deployable root, and one of for_each, without mappings",
			Content: awsProvider + `
variable "names" {
  default = ["a.example.com", "b.example.com"]
}

resource "aws_apigatewayv2_domain_name" "api" {
  domain_name = "api.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_apigatewayv2_domain_name" "many" {
  for_each    = toset(var.names)
  domain_name = each.value
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}
`,
			Expected: helper.Issues{
				{Message: unmappedDomain("aws_apigatewayv2_domain_name.api (api.example.com)", v2Mapping), Range: at(9, 1, 9, 46)},
				{Message: unmappedDomain("aws_apigatewayv2_domain_name.many", v2Mapping), Range: at(18, 1, 18, 47)},
			},
		},
		{
			Name: "mappings by reference, by the same name, through an API mapping for a REST domain",
			Content: awsProvider + `
resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_api_gateway_domain_name" "ref" {
  domain_name     = "ref.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
}

resource "aws_api_gateway_base_path_mapping" "ref" {
  api_id      = aws_api_gateway_rest_api.main.id
  stage_name  = "prod"
  domain_name = aws_api_gateway_domain_name.ref.domain_name
}

resource "aws_api_gateway_domain_name" "literal" {
  domain_name     = "literal.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
}

resource "aws_api_gateway_base_path_mapping" "literal" {
  api_id      = aws_api_gateway_rest_api.main.id
  stage_name  = "prod"
  domain_name = "literal.example.com"
}

resource "aws_api_gateway_domain_name" "regional" {
  domain_name              = "regional.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_apigatewayv2_api_mapping" "regional" {
  api_id      = aws_api_gateway_rest_api.main.id
  stage       = "prod"
  domain_name = aws_api_gateway_domain_name.regional.id
}
`,
		},
		{
			Name: "a mapping whose domain comes from a variable, a domain handed to a module, a module folder: silent",
			Content: `variable "domain" {
  type = string
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name     = "api.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
}

resource "aws_api_gateway_base_path_mapping" "other" {
  api_id      = "abc"
  stage_name  = "prod"
  domain_name = var.domain
}

resource "aws_route53_record" "api" {
  zone_id = "Z123"
  name    = "api.example.com"
  type    = "CNAME"
  ttl     = 300
  records = [aws_api_gateway_domain_name.api.cloudfront_domain_name]
}

resource "aws_apigatewayv2_domain_name" "passed" {
  domain_name = "passed.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

module "mappings" {
  source = "./mappings"
  domain = aws_apigatewayv2_domain_name.passed.id
}

resource "aws_apigatewayv2_domain_name" "module_only" {
  domain_name = "module.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_api_gateway_domain_name" "never" {
  count           = 0
  domain_name     = "never.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
}
`,
		},
	})
}
