package apigw

import "testing"

func TestNeverExists(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_stage" "zero" { count = 0 }
resource "aws_api_gateway_stage" "empty" { for_each = {} }
resource "aws_api_gateway_stage" "two" { count = 2 }
resource "aws_api_gateway_stage" "var" { count = var.n }
resource "aws_api_gateway_stage" "one" {}
`}), nil)
	for _, n := range g.Resources(Stage) {
		if got, want := g.NeverExists(n), n.Name == "zero" || n.Name == "empty"; got != want {
			t.Errorf("%s: NeverExists = %v", n.Address(), got)
		}
	}
}
