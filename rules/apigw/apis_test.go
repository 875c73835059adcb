package apigw

import "testing"

func TestLookupAPIAddsNothing(t *testing.T) {
	files := parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_method" "m" {
  rest_api_id = var.api
}
locals {
  same    = var.api
  other   = var.other
  data    = data.aws_api_gateway_rest_api.x.id
}
`})
	g := Build(files, nil)
	before := len(g.APIs())
	locals := localExprs(t, files["main.tf"])
	if api := g.LookupAPI(locals["same"], 1); api != g.Lookup("aws_api_gateway_method.m").API {
		t.Error("the same variable does not name the same API")
	}
	if api := g.LookupAPI(locals["other"], 1); api.Key != "var.other" || api.Declared() {
		t.Errorf("another variable = %+v", api)
	}
	if api := g.LookupAPI(locals["data"], 1); !api.External {
		t.Error("a data source is not external")
	}
	if len(g.APIs()) != before {
		t.Error("LookupAPI recorded an API")
	}
}

func TestAPIQuestions(t *testing.T) {
	g := Build(parseModule(t, viewModule), nil)
	h := g.Lookup("aws_apigatewayv2_api.h").API
	if h.Protocol() != "HTTP" || !h.HasRoutes() || h.Body().IsSet() {
		t.Errorf("HTTP API: protocol %q, routes %v", h.Protocol(), h.HasRoutes())
	}
	if src, ok := h.Source(); !ok || src.Location != "aws_apigatewayv2_api.h" {
		t.Errorf("API source = %+v", src)
	}
	byVar := g.LookupAPI(parseExpr(t, "var.api_id"), 2)
	if byVar.Protocol() != "" || byVar.HasRoutes() || !byVar.HandlesPreflights() || byVar.Body().IsSet() {
		t.Error("an API not declared here answers as if it were")
	}
	if _, ok := byVar.Source(); ok {
		t.Error("an API not declared here has a source")
	}
}
