package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func dnsAtExecuteAPI(rec, what string) string {
	return rec + " points its name at " + what + ` instead of an API Gateway custom domain: callers get the *.execute-api certificate, and API Gateway answers a name it does not serve with 403 {"message":"Forbidden"} from API Gateway`
}

func dnsWrongPair(rec, domain, used, endpoint, name, zone string) string {
	return rec + " points its name at " + domain + "'s " + used + ", but the " + endpoint + " domain is served at " + name + " with " + zone + ": Route 53 rejects the alias or resolves the name to nothing that serves it, so callers never reach API Gateway"
}

const dnsHTTPAPI = `resource "aws_apigatewayv2_api" "http" {
  name          = "orders"
  protocol_type = "HTTP"
}
`

func TestApigwCustomDomainDNS(t *testing.T) {
	runRuleCases(t, NewApigwCustomDomainDNSRule(), []ruleCase{
		{
			Name: "a CNAME to a REST API's execute-api host, no custom domain to fix it with",
			Content: `variable "region" {
  default = "eu-west-1"
}

resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_route53_record" "api" {
  zone_id = "Z123"
  name    = "api.example.com"
  type    = "CNAME"
  ttl     = 300
  records = ["${aws_api_gateway_rest_api.main.id}.execute-api.${var.region}.amazonaws.com"]
}
`,
			Expected: helper.Issues{{Message: dnsAtExecuteAPI("aws_route53_record.api", "the execute-api host of aws_api_gateway_rest_api.main"), Range: at(14, 14, 14, 91)}},
		},
		{
			Name: "an alias to an HTTP API's endpoint is pointed at the custom domain mapped to it",
			Content: dnsHTTPAPI + `
resource "aws_apigatewayv2_domain_name" "api" {
  domain_name = "api.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_apigatewayv2_api_mapping" "api" {
  api_id      = aws_apigatewayv2_api.http.id
  domain_name = aws_apigatewayv2_domain_name.api.id
  stage       = "$default"
}

resource "aws_route53_record" "api" {
  zone_id = "Z123"
  name    = "api.example.com"
  type    = "A"
  alias {
    name                   = trimprefix(aws_apigatewayv2_api.http.api_endpoint, "https://")
    zone_id                = "ZLY8HYME6SFDD"
    evaluate_target_health = false
  }
}
`,
			Expected: helper.Issues{{Message: dnsAtExecuteAPI("aws_route53_record.api", "the execute-api host of aws_apigatewayv2_api.http"), Range: at(26, 30, 26, 92)}},
			Fixed: dnsHTTPAPI + `
resource "aws_apigatewayv2_domain_name" "api" {
  domain_name = "api.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_apigatewayv2_api_mapping" "api" {
  api_id      = aws_apigatewayv2_api.http.id
  domain_name = aws_apigatewayv2_domain_name.api.id
  stage       = "$default"
}

resource "aws_route53_record" "api" {
  zone_id = "Z123"
  name    = "api.example.com"
  type    = "A"
  alias {
    name                   = aws_apigatewayv2_domain_name.api.domain_name_configuration[0].target_domain_name
    zone_id                = aws_apigatewayv2_domain_name.api.domain_name_configuration[0].hosted_zone_id
    evaluate_target_health = false
  }
}
`,
		},
		{
			Name: "an EDGE domain aliased with the regional pair gets the CloudFront pair",
			Content: `resource "aws_api_gateway_domain_name" "api" {
  domain_name     = "api.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
}

resource "aws_route53_record" "api" {
  zone_id = "Z123"
  name    = aws_api_gateway_domain_name.api.domain_name
  type    = "A"
  alias {
    name                   = aws_api_gateway_domain_name.api.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.api.regional_zone_id
    evaluate_target_health = true
  }
}
`,
			Expected: helper.Issues{{Message: dnsWrongPair("aws_route53_record.api", "aws_api_gateway_domain_name.api", "regional_domain_name with regional_zone_id", "EDGE", "cloudfront_domain_name", "cloudfront_zone_id"), Range: at(11, 30, 11, 82)}},
			Fixed: `resource "aws_api_gateway_domain_name" "api" {
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
		},
		{
			Name: "a REGIONAL domain with the right name and the CloudFront zone: only the zone changes",
			Content: `resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_route53_record" "api" {
  zone_id = "Z123"
  name    = "api.example.com"
  type    = "A"
  alias {
    name                   = aws_api_gateway_domain_name.api.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.api.cloudfront_zone_id
    evaluate_target_health = true
  }
}
`,
			Expected: helper.Issues{{Message: dnsWrongPair("aws_route53_record.api", "aws_api_gateway_domain_name.api", "regional_domain_name with cloudfront_zone_id", "REGIONAL", "regional_domain_name", "regional_zone_id"), Range: at(15, 30, 15, 80)}},
			Fixed: `resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_route53_record" "api" {
  zone_id = "Z123"
  name    = "api.example.com"
  type    = "A"
  alias {
    name                   = aws_api_gateway_domain_name.api.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.api.regional_zone_id
    evaluate_target_health = true
  }
}
`,
		},
		{
			Name: "a CNAME to a v2 domain's own name becomes its target",
			Content: `resource "aws_apigatewayv2_domain_name" "api" {
  domain_name = "api.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_route53_record" "api" {
  zone_id = "Z123"
  name    = "www.example.com"
  type    = "CNAME"
  ttl     = 300
  records = [aws_apigatewayv2_domain_name.api.domain_name]
}
`,
			Expected: helper.Issues{{Message: dnsWrongPair("aws_route53_record.api", "aws_apigatewayv2_domain_name.api", "domain_name", "REGIONAL", "domain_name_configuration[0].target_domain_name", "domain_name_configuration[0].hosted_zone_id"), Range: at(15, 14, 15, 58)}},
			Fixed: `resource "aws_apigatewayv2_domain_name" "api" {
  domain_name = "api.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_route53_record" "api" {
  zone_id = "Z123"
  name    = "www.example.com"
  type    = "CNAME"
  ttl     = 300
  records = [aws_apigatewayv2_domain_name.api.domain_name_configuration[0].target_domain_name]
}
`,
		},
		{
			Name: "a literal execute-api host and a counted domain: reported, no fix",
			Content: `resource "aws_api_gateway_domain_name" "api" {
  count           = 2
  domain_name     = "api${count.index}.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
}

resource "aws_route53_record" "literal" {
  zone_id = "Z123"
  name    = "old.example.com"
  type    = "CNAME"
  ttl     = 300
  records = ["a1b2c3d4e5.execute-api.us-east-1.amazonaws.com"]
}

resource "aws_route53_record" "api" {
  count   = 2
  zone_id = "Z123"
  name    = aws_api_gateway_domain_name.api[count.index].domain_name
  type    = "A"
  alias {
    name                   = aws_api_gateway_domain_name.api[count.index].regional_domain_name
    zone_id                = aws_api_gateway_domain_name.api[count.index].regional_zone_id
    evaluate_target_health = true
  }
}
`,
			Expected: helper.Issues{
				{Message: dnsAtExecuteAPI("aws_route53_record.literal", "an execute-api host"), Range: at(12, 14, 12, 62)},
			},
		},
		{
			Name: "JSON syntax: reported, never fixed",
			Files: map[string]string{"dns.tf.json": `{"resource": {
  "aws_api_gateway_domain_name": {"api": {"domain_name": "api.example.com"}},
  "aws_route53_record": {"api": {"name": "api.example.com", "type": "A", "alias": {
    "name": "${aws_api_gateway_domain_name.api.regional_domain_name}",
    "zone_id": "${aws_api_gateway_domain_name.api.regional_zone_id}",
    "evaluate_target_health": true}}}
}}`},
			Expected: helper.Issues{{Message: dnsWrongPair("aws_route53_record.api", "aws_api_gateway_domain_name.api", "regional_domain_name with regional_zone_id", "EDGE", "cloudfront_domain_name", "cloudfront_zone_id"), Range: atFile("dns.tf.json", 4, 13, 4, 70)}},
		},
		{
			Name: "right pairs, unknown endpoint types, dynamic aliases, CloudFront and unknown targets are left alone",
			Content: `variable "types" {
  type = list(string)
}

variable "target" {
  type = string
}

resource "aws_api_gateway_domain_name" "edge" {
  domain_name     = "edge.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
}

resource "aws_api_gateway_domain_name" "unknown" {
  domain_name     = "unknown.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
  endpoint_configuration {
    types = var.types
  }
}

resource "aws_api_gateway_domain_name" "dyn" {
  domain_name     = "dyn.example.com"
  certificate_arn = "arn:aws:acm:us-east-1:111122223333:certificate/abc"
  dynamic "endpoint_configuration" {
    for_each = ["x"]
    content {
      types = ["REGIONAL"]
    }
  }
}

resource "aws_route53_record" "edge" {
  zone_id = "Z123"
  name    = "edge.example.com"
  type    = "A"
  alias {
    name                   = aws_api_gateway_domain_name.edge.cloudfront_domain_name
    zone_id                = aws_api_gateway_domain_name.edge.cloudfront_zone_id
    evaluate_target_health = true
  }
}

resource "aws_route53_record" "unknown" {
  zone_id = "Z123"
  name    = "unknown.example.com"
  type    = "A"
  alias {
    name                   = aws_api_gateway_domain_name.unknown.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.unknown.regional_zone_id
    evaluate_target_health = true
  }
}

resource "aws_route53_record" "dyn" {
  zone_id = "Z123"
  name    = "dyn.example.com"
  type    = "A"
  alias {
    name                   = aws_api_gateway_domain_name.dyn.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.dyn.regional_zone_id
    evaluate_target_health = true
  }
}

resource "aws_route53_record" "dynamic_alias" {
  zone_id = "Z123"
  name    = "x.example.com"
  type    = "A"
  dynamic "alias" {
    for_each = ["x"]
    content {
      name                   = "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com"
      zone_id                = "Z1"
      evaluate_target_health = true
    }
  }
}

resource "aws_route53_record" "cdn" {
  zone_id = "Z123"
  name    = "www.example.com"
  type    = "A"
  alias {
    name                   = aws_cloudfront_distribution.site.domain_name
    zone_id                = aws_cloudfront_distribution.site.hosted_zone_id
    evaluate_target_health = false
  }
}

resource "aws_route53_record" "var" {
  zone_id = "Z123"
  name    = "var.example.com"
  type    = "CNAME"
  ttl     = 300
  records = [var.target]
}

resource "aws_route53_record" "text" {
  zone_id = "Z123"
  name    = "_acme.example.com"
  type    = "TXT"
  ttl     = 300
  records = ["a1b2c3d4e5.execute-api.us-east-1.amazonaws.com"]
}

resource "aws_route53_record" "override" {
  zone_id = "Z123"
  name    = "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com"
  type    = "CNAME"
  ttl     = 300
  records = ["a1b2c3d4e5.execute-api.us-east-1.amazonaws.com"]
}

resource "aws_route53_record" "never" {
  count   = 0
  zone_id = "Z123"
  name    = "never.example.com"
  type    = "CNAME"
  ttl     = 300
  records = ["a1b2c3d4e5.execute-api.us-east-1.amazonaws.com"]
}
`,
		},
	})
}
