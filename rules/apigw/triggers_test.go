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
  follows  = local.covered
  replaced = terraform_data.routes.id
  file     = filesha1("api.yaml")
  each     = each.value
}
resource "terraform_data" "routes" {
  triggers_replace = [aws_api_gateway_method.m.id]
}
`
	files := parseModule(t, map[string]string{"main.tf": src})
	g := Build(files, nil)
	api := g.Lookup("aws_api_gateway_rest_api.a").API
	locals := localExprs(t, files["main.tf"])
	method := Deployable{Node: g.Lookup("aws_api_gateway_method.m")}

	cases := []struct {
		name          string
		judged, never bool
		covers        bool
	}{
		{"covered", true, false, true},
		{"api_only", true, true, false},
		{"literal", true, true, false},
		{"variable", true, false, false}, // var. names nothing of this module
		{"clock", false, false, true},    // a new deployment every apply
		{"named", true, false, false},
		{"follows", true, false, true},  // the local is followed
		{"replaced", true, false, true}, // so is the terraform_data
		{"file", false, false, false},
		{"each", false, false, false},
	}
	for _, tc := range cases {
		tr := g.ReadTriggers(locals[tc.name])
		if tr.Judged() != tc.judged || g.NeverChange(tr, api) != tc.never || tr.Covers(method) != tc.covers {
			t.Errorf("%s: judged=%v never=%v covers=%v, want %v %v %v", tc.name,
				tr.Judged(), g.NeverChange(tr, api), tr.Covers(method), tc.judged, tc.never, tc.covers)
		}
	}
}
