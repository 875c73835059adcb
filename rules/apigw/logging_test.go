package apigw

import "testing"

func TestSettingsOf(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_rest_api" "a" { name = "a" }
resource "aws_api_gateway_rest_api" "b" { name = "b" }
resource "aws_api_gateway_stage" "prod" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  stage_name  = "prod"
}
resource "aws_api_gateway_stage" "dev" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  stage_name  = "dev"
}
resource "aws_api_gateway_stage" "other" {
  rest_api_id = aws_api_gateway_rest_api.b.id
  stage_name  = "prod"
}
resource "aws_api_gateway_method_settings" "by_ref" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
  settings {
    logging_level = "INFO"
  }
}
resource "aws_api_gateway_method_settings" "by_name" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  stage_name  = "prod"
  method_path = "items/GET"
  settings {
    logging_level      = "ERROR"
    data_trace_enabled = true
  }
}
resource "aws_api_gateway_method_settings" "by_var" {
  rest_api_id = aws_api_gateway_rest_api.b.id
  stage_name  = var.stage
  method_path = "*/*"
}
`}), nil)
	check := func(stage string, want []string, unsure bool) {
		t.Helper()
		got := g.SettingsOf(g.Lookup("aws_api_gateway_stage." + stage))
		if !equal(addresses(got.Settings), want) || got.Unsure != unsure {
			t.Errorf("SettingsOf(%s) = %v, unsure %v; want %v, %v", stage, addresses(got.Settings), got.Unsure, want, unsure)
		}
	}
	check("prod", []string{"aws_api_gateway_method_settings.by_ref", "aws_api_gateway_method_settings.by_name"}, false)
	check("dev", nil, false)
	check("other", nil, true)

	for name, want := range map[string][2]bool{"by_ref": {true, true}, "by_name": {false, true}, "by_var": {false, true}} {
		on, known := g.LogsEveryMethod(g.Lookup("aws_api_gateway_method_settings." + name))
		if on != want[0] || known != want[1] {
			t.Errorf("%s: LogsEveryMethod = %v, %v", name, on, known)
		}
	}
	if n := len(g.DataTraceAttrs(g.Lookup("aws_api_gateway_method_settings.by_name"))); n != 1 {
		t.Errorf("DataTraceAttrs found %d attributes, want 1", n)
	}
	if g.CloudWatchRoleSet() {
		t.Error("CloudWatchRoleSet without an aws_api_gateway_account")
	}
}
