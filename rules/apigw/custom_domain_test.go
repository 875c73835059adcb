package apigw

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

const domainsModule = `
variable "types" {}
resource "aws_api_gateway_rest_api" "main" { name = "a" }
resource "aws_api_gateway_domain_name" "edge" { domain_name = "edge.example.com" }
resource "aws_api_gateway_domain_name" "regional" {
  domain_name = "regional.example.com"
  endpoint_configuration { types = ["REGIONAL"] }
}
resource "aws_api_gateway_domain_name" "private" {
  domain_name = "private.example.com"
  endpoint_configuration { types = ["PRIVATE"] }
}
resource "aws_api_gateway_domain_name" "unknown" {
  domain_name = "unknown.example.com"
  endpoint_configuration { types = var.types }
}
resource "aws_api_gateway_domain_name" "dynamic" {
  domain_name = "dynamic.example.com"
  dynamic "endpoint_configuration" {
    for_each = [1]
    content { types = ["EDGE"] }
  }
}
resource "aws_apigatewayv2_domain_name" "v2" {
  domain_name = "v2.example.com"
  domain_name_configuration { endpoint_type = "REGIONAL" }
}
resource "aws_api_gateway_base_path_mapping" "edge" {
  api_id      = aws_api_gateway_rest_api.main.id
  domain_name = aws_api_gateway_domain_name.edge.domain_name
}
resource "aws_apigatewayv2_api_mapping" "regional" {
  api_id      = aws_api_gateway_rest_api.main.id
  domain_name = "regional.example.com"
  stage       = "prod"
}
`

func TestDomainTarget(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": domainsModule}), nil)
	for addr, want := range map[string]string{
		"aws_api_gateway_domain_name.edge":     "cloudfront_domain_name",
		"aws_api_gateway_domain_name.regional": "regional_domain_name",
		"aws_api_gateway_domain_name.private":  "",
		"aws_api_gateway_domain_name.unknown":  "",
		"aws_api_gateway_domain_name.dynamic":  "",
		"aws_apigatewayv2_domain_name.v2":      "domain_name_configuration[0].target_domain_name",
	} {
		got, known := g.DomainTarget(g.Lookup(addr))
		if got.Name != want || known != (want != "") {
			t.Errorf("%s: DomainTarget = %+v, %v; want %s", addr, got, known, want)
		}
	}
}

func TestDomainAttrOf(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": domainsModule}), nil)
	for src, want := range map[string]string{
		`aws_api_gateway_domain_name.edge.regional_domain_name`:                           "aws_api_gateway_domain_name.edge regional_domain_name",
		`"${aws_api_gateway_domain_name.edge.cloudfront_zone_id}"`:                        "aws_api_gateway_domain_name.edge cloudfront_zone_id",
		`aws_apigatewayv2_domain_name.v2.domain_name_configuration[0].target_domain_name`: "aws_apigatewayv2_domain_name.v2 domain_name_configuration[0].target_domain_name",
		`aws_api_gateway_domain_name.edge[0].domain_name`:                                 "aws_api_gateway_domain_name.edge[0] domain_name",
		`"${aws_api_gateway_domain_name.edge.domain_name}."`:                              "",
		`aws_api_gateway_domain_name.missing.domain_name`:                                 "",
		`aws_api_gateway_domain_name.edge`:                                                "",
		`lower(aws_api_gateway_domain_name.edge.domain_name)`:                             "",
	} {
		expr, diags := hclsyntax.ParseExpression([]byte(src), "x.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		got, ok := g.DomainAttrOf(expr)
		text := ""
		if ok {
			text = got.Prefix + " " + got.Path
		}
		if text != want {
			t.Errorf("DomainAttrOf(%s) = %q, want %q", src, text, want)
		}
	}
}

func TestCustomDomainMapped(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": domainsModule}), nil)
	for addr, want := range map[string][2]bool{
		"aws_api_gateway_domain_name.edge":     {true, true},
		"aws_api_gateway_domain_name.regional": {true, true},
		"aws_apigatewayv2_domain_name.v2":      {false, true},
	} {
		mapped, known := g.CustomDomainMapped(g.Lookup(addr))
		if mapped != want[0] || known != want[1] {
			t.Errorf("%s: CustomDomainMapped = %v, %v; want %v", addr, mapped, known, want)
		}
	}
	unknown := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_apigatewayv2_domain_name" "v2" { domain_name = "v2.example.com" }
resource "aws_apigatewayv2_api_mapping" "m" {
  api_id      = "abc"
  domain_name = local.domain
  stage       = "prod"
}
`}), nil)
	if mapped, known := unknown.CustomDomainMapped(unknown.Lookup("aws_apigatewayv2_domain_name.v2")); mapped || known {
		t.Errorf("a mapping of local.domain may map the domain: got %v, %v", mapped, known)
	}
}

func TestDomainServing(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": domainsModule + `
resource "aws_route53_record" "edge" { name = aws_api_gateway_domain_name.edge.domain_name }
resource "aws_route53_record" "regional" { name = "regional.example.com" }
resource "aws_route53_record" "v2" { name = "v2.example.com" }
resource "aws_route53_record" "other" { name = "other.example.com" }
`}), nil)
	api := g.Lookup("aws_api_gateway_rest_api.main").API
	for addr, want := range map[string]string{
		"aws_route53_record.edge":     "aws_api_gateway_domain_name.edge",
		"aws_route53_record.regional": "aws_api_gateway_domain_name.regional",
		"aws_route53_record.v2":       "", // not mapped to the API
		"aws_route53_record.other":    "",
	} {
		got := ""
		if d := g.DomainServing(g.Lookup(addr).Attr("name"), api); d != nil {
			got = d.Address()
		}
		if got != want {
			t.Errorf("%s: DomainServing = %q, want %q", addr, got, want)
		}
	}
}
