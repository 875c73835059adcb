package apigw

import "testing"

func TestPrivateDNSExecuteAPI(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
data "aws_vpc_endpoint_service" "api" { service = "execute-api" }
resource "aws_vpc_endpoint" "literal" {
  service_name        = "com.amazonaws.eu-west-1.execute-api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
resource "aws_vpc_endpoint" "template" {
  service_name        = "com.amazonaws.${var.region}.execute-api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
resource "aws_vpc_endpoint" "data" {
  service_name        = data.aws_vpc_endpoint_service.api.service_name
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
resource "aws_vpc_endpoint" "no_dns" {
  service_name      = "com.amazonaws.eu-west-1.execute-api"
  vpc_endpoint_type = "Interface"
}
resource "aws_vpc_endpoint" "dns_var" {
  service_name        = "com.amazonaws.eu-west-1.execute-api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = var.dns
}
resource "aws_vpc_endpoint" "s3" {
  service_name        = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
resource "aws_vpc_endpoint" "service_var" {
  service_name        = var.service
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
`}), nil)
	want := map[string]bool{"literal": true, "template": true, "data": true}
	for _, n := range g.Resources(VPCEndpoint) {
		if got := g.PrivateDNSExecuteAPI(n); got != want[n.Name] {
			t.Errorf("%s: PrivateDNSExecuteAPI = %v", n.Address(), got)
		}
	}
}

func TestIsPublic(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_rest_api" "edge" { name = "a" }
resource "aws_api_gateway_rest_api" "regional" {
  endpoint_configuration { types = ["REGIONAL"] }
}
resource "aws_api_gateway_rest_api" "private" {
  endpoint_configuration { types = ["PRIVATE"] }
}
resource "aws_api_gateway_rest_api" "var" {
  endpoint_configuration { types = var.types }
}
resource "aws_api_gateway_rest_api" "dyn" {
  dynamic "endpoint_configuration" {
    for_each = [1]
    content { types = ["PRIVATE"] }
  }
}
resource "aws_apigatewayv2_api" "http" { name = "h" }
`}), nil)
	want := map[string]bool{"edge": true, "regional": true, "http": true}
	for _, api := range g.APIs() {
		if got := g.IsPublic(api.Node); got != want[api.Node.Name] {
			t.Errorf("%s: IsPublic = %v", api.Key, got)
		}
	}
}
