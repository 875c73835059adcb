package apigw

import (
	"testing"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

func TestEndpointService(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
variable "service" {}
data "aws_vpc_endpoint_service" "ddb" { service = "dynamodb" }
resource "aws_vpc_endpoint" "literal" { service_name = "com.amazonaws.eu-west-1.s3" }
resource "aws_vpc_endpoint" "template" { service_name = "com.amazonaws.${var.region}.execute-api" }
resource "aws_vpc_endpoint" "data" { service_name = data.aws_vpc_endpoint_service.ddb.service_name }
resource "aws_vpc_endpoint" "var" { service_name = var.service }
resource "aws_vpc_endpoint" "tail" { service_name = "com.amazonaws.eu-west-1.${var.service}" }
`}), nil)
	for addr, want := range map[string]string{
		"aws_vpc_endpoint.literal":  "s3",
		"aws_vpc_endpoint.template": "execute-api",
		"aws_vpc_endpoint.data":     "dynamodb",
		"aws_vpc_endpoint.var":      "",
		"aws_vpc_endpoint.tail":     "",
	} {
		got, known := g.EndpointService(g.Lookup(addr))
		if got != want || known != (want != "") {
			t.Errorf("%s: EndpointService = %q, %v; want %q", addr, got, known, want)
		}
	}
}

func TestEndpointIn(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_vpc_endpoint" "s3" { service_name = "com.amazonaws.eu-west-1.s3" }
`}), nil)
	ref := func(text string) partial.String { return partial.Unknown(text) }
	for _, tc := range []struct {
		s    partial.String
		want bool
	}{
		{ref("aws_vpc_endpoint.s3.id"), true},
		{ref(`aws_vpc_endpoint.s3["a"].id`), true},
		{ref("aws_vpc_endpoint.s3.arn"), false},
		{ref("aws_vpc_endpoint.other.id"), false},
		{ref("var.vpce"), false},
		{partial.Lit("vpce-0123"), false},
	} {
		if got := g.EndpointIn(tc.s) != nil; got != tc.want {
			t.Errorf("EndpointIn(%s) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
