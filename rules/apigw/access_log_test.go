package apigw

import (
	"errors"
	"sort"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

func TestContextVariables(t *testing.T) {
	got := ContextVariables(`$context.identity.sourceIp - - [$context.requestTime] "$context.httpMethod $context.resourcePath $context.protocol" $context.status $context.responseLength $context.requestId $context.error.responseType.`)
	want := []string{"identity.sourceIp", "requestTime", "httpMethod", "resourcePath", "protocol", "status", "responseLength", "requestId", "error.responseType"}
	if !equal(got, want) {
		t.Fatalf("ContextVariables = %v, want %v", got, want)
	}
}

func TestAccessLogFormat(t *testing.T) {
	// localHost evaluates local.format as tflint would; anything else is unknown.
	localHost := func(expr hcl.Expression) (cty.Value, error) {
		if vars := expr.Variables(); len(vars) == 1 && TraversalText(vars[0]) == "local.format" {
			return cty.ObjectVal(map[string]cty.Value{"type": cty.StringVal("$context.error.responseType"), "n": cty.NumberIntVal(1)}), nil
		}
		return cty.NilVal, errors.New("unknown value")
	}
	for _, tc := range []struct {
		name, format string
		complete     bool
		vars         []string
	}{
		{"jsonencode map", `jsonencode({ requestId = "$context.requestId", "status" = "$context.status", n = 1, nested = { t = ["$context.error.message"] } })`, true, []string{"requestId", "status", "error.message"}},
		{"JSON string", `"{\"requestId\":\"$context.requestId\",\"type\":\"$context.error.responseType\"}"`, true, []string{"requestId", "error.responseType"}},
		{"heredoc", "<<EOT\n$context.requestId $context.error.responseType\nEOT", true, []string{"requestId", "error.responseType"}},
		{"CLF", `"$context.identity.sourceIp [$context.requestTime] $context.status"`, true, []string{"identity.sourceIp", "requestTime", "status"}},
		{"interpolated variable", `"$context.requestId ${var.extra}"`, false, []string{"requestId"}},
		{"variable", `var.format`, false, nil},
		{"jsonencode with a variable value", `jsonencode({ a = var.x, b = "$context.status" })`, false, []string{"status"}},
		{"local through the host", `jsonencode(local.format)`, true, []string{"error.responseType"}},
		{"file the host cannot read", `file("format.json")`, false, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "resource \"aws_apigatewayv2_stage\" \"s\" {\n  access_log_settings {\n    destination_arn = \"arn\"\n    format = " + tc.format + "\n  }\n}\n"
			g := Build(parseModule(t, map[string]string{"main.tf": src}), localHost)
			f, ok := g.AccessLogFormat(g.Lookup("aws_apigatewayv2_stage.s"))
			if !ok {
				t.Fatal("no format")
			}
			if f.Complete() != tc.complete {
				t.Errorf("Complete() = %v, want %v (%s)", f.Complete(), tc.complete, f.Text)
			}
			var got []string
			for v := range f.vars {
				got = append(got, v)
			}
			sort.Strings(got)
			want := append([]string{}, tc.vars...)
			sort.Strings(want)
			if !equal(got, want) {
				t.Errorf("vars = %v, want %v", got, want)
			}
		})
	}
}

func TestAccessLogFormatAbsent(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_stage" "none" {}
resource "aws_api_gateway_stage" "dynamic" {
  dynamic "access_log_settings" {
    for_each = var.logs
    content {
      destination_arn = access_log_settings.value
      format          = "$context.requestId"
    }
  }
}
`}), nil)
	for _, addr := range []string{"aws_api_gateway_stage.none", "aws_api_gateway_stage.dynamic"} {
		if _, ok := g.AccessLogFormat(g.Lookup(addr)); ok {
			t.Errorf("%s: a format", addr)
		}
	}
}
