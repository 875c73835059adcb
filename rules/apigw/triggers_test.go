package apigw

import "testing"

func TestReadTriggers(t *testing.T) {
	src := `
resource "aws_api_gateway_rest_api" "a" {
  name = "a"
}
resource "aws_api_gateway_method" "m" {
  rest_api_id = aws_api_gateway_rest_api.a.id
}
locals {
  covered  = sha1(jsonencode([aws_api_gateway_method.m[*].id]))
  api_only = sha1(jsonencode([aws_api_gateway_rest_api.a.id, aws_api_gateway_rest_api.a.body]))
  literal  = "v2"
  variable = var.x
  clock    = timestamp()
  named    = aws_api_gateway_rest_api.a.name
}
`
	files := parseModule(t, map[string]string{"main.tf": src})
	g := Build(files, nil)
	api := g.Lookup("aws_api_gateway_rest_api.a").API
	locals := localExprs(t, files["main.tf"])
	method := Deployable{Node: g.Lookup("aws_api_gateway_method.m")}

	cases := []struct {
		name          string
		opaque, never bool
		covers        bool
	}{
		{"covered", false, false, true},
		{"api_only", false, true, false},
		{"literal", false, true, false},
		{"variable", true, false, false},
		{"clock", true, false, false},
		{"named", false, false, false},
	}
	for _, tc := range cases {
		tr := g.ReadTriggers(locals[tc.name])
		if tr.Opaque != tc.opaque || g.NeverChange(tr, api) != tc.never || tr.Covers(method) != tc.covers {
			t.Errorf("%s: opaque=%v never=%v covers=%v, want %v %v %v", tc.name,
				tr.Opaque, g.NeverChange(tr, api), tr.Covers(method), tc.opaque, tc.never, tc.covers)
		}
	}
}
