package apigw

import "testing"

const corsModule = `
resource "aws_api_gateway_rest_api" "a" {}

resource "aws_api_gateway_method" "options" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  http_method = "OPTIONS"
}

resource "aws_api_gateway_integration_response" "options" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  http_method = aws_api_gateway_method.options.http_method
  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = "'https://app.example.com'"
  }
}

resource "aws_api_gateway_integration_response" "get" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  http_method = "GET"
  response_parameters = {
    "method.response.header.access-control-allow-origin" = "'*'"
  }
}

resource "aws_api_gateway_gateway_response" "d4" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  response_type = "DEFAULT_4XX"
  response_parameters = {
    "gatewayresponse.header.Access-Control-Allow-Origin" = "'*'"
  }
}

resource "aws_api_gateway_gateway_response" "d5" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  response_type = "DEFAULT_5XX"
  status_code   = "503"
}

resource "aws_api_gateway_rest_api" "plain" {}

resource "aws_api_gateway_method" "get" {
  rest_api_id = aws_api_gateway_rest_api.plain.id
  http_method = "GET"
}

resource "aws_api_gateway_rest_api" "responses" {}

resource "aws_api_gateway_method_response" "get" {
  rest_api_id = aws_api_gateway_rest_api.responses.id
  http_method = "GET"
  response_parameters = {
    "method.response.header.Access-Control-Allow-Origin" = true
  }
}
`

func TestServesCORS(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": corsModule}), nil)
	for addr, want := range map[string]bool{
		"aws_api_gateway_rest_api.a":         true,
		"aws_api_gateway_rest_api.plain":     false,
		"aws_api_gateway_rest_api.responses": true,
	} {
		if got := g.ServesCORS(g.Lookup(addr).API); got != want {
			t.Errorf("ServesCORS(%s) = %v, want %v", addr, got, want)
		}
	}
}

func TestGatewayResponsesAndOrigin(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": corsModule}), nil)
	api := g.Lookup("aws_api_gateway_rest_api.a").API
	got, known := g.GatewayResponses(api)
	if !known || len(got) != 2 {
		t.Fatalf("GatewayResponses = %+v, %v", got, known)
	}
	if got[0].Type != "DEFAULT_4XX" || !got[0].AllowsOrigin || got[1].Type != "DEFAULT_5XX" || got[1].AllowsOrigin || got[1].StatusCode != "503" || got[0].StatusCode != "" {
		t.Errorf("GatewayResponses = %+v", got)
	}
	origin, from, known := g.CORSOrigin(api)
	if !known || from == nil || from.Name != "options" || g.Text(origin) != `"'https://app.example.com'"` {
		t.Errorf("CORSOrigin = %q from %v, %v", g.Text(origin), from, known)
	}
}

func TestGatewayResponsesUnknown(t *testing.T) {
	for name, src := range map[string]string{
		"type from a variable": `resource "aws_api_gateway_gateway_response" "r" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  response_type = var.type
}`,
		"parameters from a variable": `resource "aws_api_gateway_gateway_response" "r" {
  rest_api_id         = aws_api_gateway_rest_api.a.id
  response_type       = "DEFAULT_4XX"
  response_parameters = var.headers
}`,
		"API from a local": `resource "aws_api_gateway_gateway_response" "r" {
  rest_api_id   = local.api_id
  response_type = "DEFAULT_4XX"
}`,
	} {
		g := Build(parseModule(t, map[string]string{"main.tf": `resource "aws_api_gateway_rest_api" "a" {}` + "\n" + src}), nil)
		if _, known := g.GatewayResponses(g.Lookup("aws_api_gateway_rest_api.a").API); known {
			t.Errorf("%s: known", name)
		}
	}
}

func TestCORSOriginDisagreement(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_rest_api" "a" {}

resource "aws_api_gateway_integration_response" "one" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  http_method = "OPTIONS"
  response_parameters = { "method.response.header.Access-Control-Allow-Origin" = "'https://a.example.com'" }
}

resource "aws_api_gateway_integration_response" "two" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  http_method = "OPTIONS"
  response_parameters = { "method.response.header.Access-Control-Allow-Origin" = "'https://b.example.com'" }
}
`}), nil)
	if _, _, known := g.CORSOrigin(g.Lookup("aws_api_gateway_rest_api.a").API); known {
		t.Error("two origins, one answer")
	}
}
