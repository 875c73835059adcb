package apigw

import "testing"

func TestDomainMapped(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_rest_api" "mapped" { name = "a" }
resource "aws_api_gateway_rest_api" "via_stage" { name = "b" }
resource "aws_api_gateway_rest_api" "alone" { name = "c" }
resource "aws_api_gateway_rest_api" "to_module" { name = "d" }
resource "aws_apigatewayv2_api" "http" { name = "e" }
resource "aws_api_gateway_stage" "b" {
  rest_api_id = aws_api_gateway_rest_api.via_stage.id
  stage_name  = "b"
}
resource "aws_api_gateway_base_path_mapping" "a" {
  api_id      = aws_api_gateway_rest_api.mapped.id
  domain_name = aws_api_gateway_domain_name.d.domain_name
}
resource "aws_apigatewayv2_api_mapping" "b" {
  api_id      = aws_api_gateway_stage.b.rest_api_id
  domain_name = "x.example.com"
  stage       = "b"
}
resource "aws_apigatewayv2_api_mapping" "e" {
  api_id      = aws_apigatewayv2_api.http.id
  domain_name = "y.example.com"
  stage       = "$default"
}
module "domain" {
  source = "./domain"
  api_id = aws_api_gateway_rest_api.to_module.id
}
`}), nil)
	for addr, want := range map[string][2]bool{
		"aws_api_gateway_rest_api.mapped":    {true, true},
		"aws_api_gateway_rest_api.via_stage": {true, true},
		"aws_api_gateway_rest_api.alone":     {false, true},
		"aws_api_gateway_rest_api.to_module": {false, false},
		"aws_apigatewayv2_api.http":          {true, true},
	} {
		mapped, known := g.DomainMapped(g.Lookup(addr).API)
		if mapped != want[0] || known != want[1] {
			t.Errorf("%s: DomainMapped = %v, %v; want %v, %v", addr, mapped, known, want[0], want[1])
		}
	}

	unknown := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_rest_api" "a" { name = "a" }
resource "aws_api_gateway_base_path_mapping" "m" {
  api_id      = var.api_id
  domain_name = "x.example.com"
}
`}), nil)
	if mapped, known := unknown.DomainMapped(unknown.Lookup("aws_api_gateway_rest_api.a").API); mapped || known {
		t.Errorf("a mapping of var.api_id may map any API: got %v, %v", mapped, known)
	}
}
