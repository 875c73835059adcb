package apigw

import "testing"

const hostsModule = `
variable "region" {}
variable "api_id" {}
data "aws_region" "current" {}
locals {
  region   = "eu-west-1"
  api_host = replace(aws_apigatewayv2_api.http.api_endpoint, "https://", "")
  via      = local.api_host
}
resource "aws_api_gateway_rest_api" "rest" {
  name = "rest"
}
resource "aws_api_gateway_rest_api" "many" {
  count = 2
  name  = "many"
}
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.rest.id
  stage_name    = "prod"
  deployment_id = "x"
}
resource "aws_api_gateway_stage" "other" {
  rest_api_id   = var.api_id
  stage_name    = "prod"
  deployment_id = "x"
}
resource "aws_api_gateway_deployment" "d" {
  rest_api_id = aws_api_gateway_rest_api.rest.id
}
resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}
resource "aws_apigatewayv2_api" "ws" {
  name          = "ws"
  protocol_type = "WEBSOCKET"
}
resource "aws_apigatewayv2_api" "unknown" {
  name          = "unknown"
  protocol_type = var.region
}
resource "aws_apigatewayv2_stage" "default" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "$default"
}
resource "aws_apigatewayv2_stage" "ws" {
  api_id = aws_apigatewayv2_api.ws.id
  name   = "live"
}
resource "aws_api_gateway_domain_name" "edge" {
  domain_name = "api.example.com"
}
resource "aws_apigatewayv2_domain_name" "v2" {
  domain_name = var.api_id
}
`

func TestHostOf(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": hostsModule}), nil)
	rest := g.Lookup("aws_api_gateway_rest_api.rest").API
	http := g.Lookup("aws_apigatewayv2_api.http").API
	ws := g.Lookup("aws_apigatewayv2_api.ws").API
	edge := g.Lookup("aws_api_gateway_domain_name.edge")
	v2 := g.Lookup("aws_apigatewayv2_domain_name.v2")
	cases := []struct {
		expr   string
		want   Host
		reason string
	}{
		{`"${aws_api_gateway_rest_api.rest.id}.execute-api.${var.region}.amazonaws.com"`, Host{Kind: HostExecuteAPI, API: rest}, "id template, region variable"},
		{`"${aws_api_gateway_rest_api.rest.id}.execute-api.${data.aws_region.current.name}.amazonaws.com"`, Host{Kind: HostExecuteAPI, API: rest}, "region data source"},
		{`"${aws_api_gateway_rest_api.rest.id}.execute-api.${local.region}.amazonaws.com"`, Host{Kind: HostExecuteAPI, API: rest}, "region local"},
		{`"${aws_api_gateway_rest_api.rest.id}.execute-api.us-east-1.amazonaws.com"`, Host{Kind: HostExecuteAPI, API: rest}, "literal region"},
		{`"${aws_api_gateway_stage.prod.rest_api_id}.execute-api.us-east-1.amazonaws.com"`, Host{Kind: HostExecuteAPI, API: rest}, "a member's rest_api_id"},
		{`format("%s.execute-api.%s.amazonaws.com", aws_api_gateway_rest_api.rest.id, var.region)`, Host{Kind: HostExecuteAPI, API: rest}, "format"},
		{`replace(aws_apigatewayv2_api.http.api_endpoint, "https://", "")`, Host{Kind: HostExecuteAPI, API: http}, "api_endpoint replace"},
		{`trimprefix(aws_apigatewayv2_api.http.api_endpoint, "https://")`, Host{Kind: HostExecuteAPI, API: http}, "api_endpoint trimprefix"},
		{`"${replace(aws_apigatewayv2_api.http.api_endpoint, "/^https?://([^/]*).*/", "$1")}"`, Host{Kind: HostExecuteAPI, API: http}, "regex replace in a template"},
		{`local.api_host`, Host{Kind: HostExecuteAPI, API: http}, "a local"},
		{`local.via`, Host{Kind: HostExecuteAPI, API: http}, "a local of a local"},
		{`replace(aws_apigatewayv2_api.ws.api_endpoint, "wss://", "")`, Host{Kind: HostExecuteAPI, API: ws}, "websocket endpoint"},
		{`replace(aws_apigatewayv2_api.ws.api_endpoint, "https://", "")`, Host{}, "wrong scheme left in"},
		{`replace(aws_apigatewayv2_api.unknown.api_endpoint, "https://", "")`, Host{}, "unknown protocol"},
		{`aws_apigatewayv2_api.http.api_endpoint`, Host{}, "a URL, not a host"},
		{`split("/", aws_api_gateway_stage.prod.invoke_url)[2]`, Host{Kind: HostExecuteAPI, API: rest}, "stage invoke_url split"},
		{`element(split("/", aws_api_gateway_stage.prod.invoke_url), 2)`, Host{Kind: HostExecuteAPI, API: rest}, "element(split())"},
		{`regex("https://([^/]+)", aws_api_gateway_stage.prod.invoke_url)[0]`, Host{Kind: HostExecuteAPI, API: rest}, "regex capture"},
		{`replace(replace(aws_api_gateway_stage.prod.invoke_url, "https://", ""), "/prod", "")`, Host{Kind: HostExecuteAPI, API: rest}, "replace twice"},
		{`replace(aws_api_gateway_stage.prod.invoke_url, "https://", "")`, Host{}, "stage path left in"},
		{`trimsuffix(trimprefix(aws_apigatewayv2_stage.default.invoke_url, "https://"), "/")`, Host{Kind: HostExecuteAPI, API: http}, "$default stage"},
		{`split("/", aws_api_gateway_deployment.d.invoke_url)[2]`, Host{Kind: HostExecuteAPI, API: rest}, "deployment invoke_url"},
		{`split("/", aws_api_gateway_stage.other.invoke_url)[2]`, Host{Kind: HostExecuteAPI}, "API from a variable"},
		{`"${var.api_id}.execute-api.${var.region}.amazonaws.com"`, Host{Kind: HostExecuteAPI}, "id variable"},
		{`"abcde12345.execute-api.eu-west-1.amazonaws.com"`, Host{Kind: HostExecuteAPI}, "literal host"},
		{`"ABCDE12345.execute-api.eu-west-1.amazonaws.com."`, Host{Kind: HostExecuteAPI}, "literal host, upper case, trailing dot"},
		{`"d-abcde12345.execute-api.eu-west-1.amazonaws.com"`, Host{}, "a regional custom domain target"},
		{`"abcde12345.execute-api.amazonaws.com"`, Host{}, "no region"},
		{`"${aws_api_gateway_rest_api.many[0].id}.execute-api.us-east-1.amazonaws.com"`, Host{}, "which instance is unknown"},
		{`"${aws_api_gateway_rest_api.rest.id}.execute-api.${var.region}${var.api_id}.amazonaws.com"`, Host{}, "two unknowns in the region"},
		{`"${var.api_id}.amazonaws.com"`, Host{}, "not execute-api"},
		{`var.api_id`, Host{}, "a variable"},
		{`aws_lb.x.dns_name`, Host{}, "another resource"},
		{`var.region == "x" ? "a" : "b"`, Host{}, "conditional on an unknown"},
		{`aws_api_gateway_domain_name.edge.cloudfront_domain_name`, Host{Kind: HostCustomDomain, Domain: edge, Attr: "cloudfront_domain_name"}, "edge domain target"},
		{`aws_api_gateway_domain_name.edge.regional_domain_name`, Host{Kind: HostCustomDomain, Domain: edge, Attr: "regional_domain_name"}, "regional domain target"},
		{`aws_api_gateway_domain_name.edge.domain_name`, Host{Kind: HostCustomDomain, Domain: edge, Attr: "domain_name"}, "the custom name"},
		{`"api.example.com"`, Host{Kind: HostCustomDomain, Domain: edge, Attr: "domain_name"}, "the custom name, literal"},
		{`aws_api_gateway_domain_name.edge.cloudfront_zone_id`, Host{Kind: HostCustomDomain, Domain: edge, Attr: "cloudfront_zone_id"}, "zone id"},
		{`aws_apigatewayv2_domain_name.v2.domain_name_configuration[0].target_domain_name`, Host{Kind: HostCustomDomain, Domain: v2, Attr: "target_domain_name"}, "v2 target"},
		{`aws_apigatewayv2_domain_name.v2.domain_name_configuration[0].hosted_zone_id`, Host{Kind: HostCustomDomain, Domain: v2, Attr: "hosted_zone_id"}, "v2 zone"},
		{`aws_apigatewayv2_domain_name.v2.domain_name`, Host{Kind: HostCustomDomain, Domain: v2, Attr: "domain_name"}, "v2 name from a variable"},
		{`aws_apigatewayv2_domain_name.v2.nope`, Host{}, "unknown attribute"},
	}
	for _, c := range cases {
		got := g.HostOf(parseExpr(t, c.expr))
		if got != c.want {
			t.Errorf("%s: HostOf(%s) = %+v, want %+v", c.reason, c.expr, got, c.want)
		}
	}
}

func TestHostsOf(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": hostsModule}), nil)
	hosts, ok := g.HostsOf(parseExpr(t, `[replace(aws_apigatewayv2_api.http.api_endpoint, "https://", ""), "example.org"]`))
	if !ok || len(hosts) != 2 || hosts[0].Kind != HostExecuteAPI || hosts[0].API == nil || hosts[1].Kind != HostNotProven {
		t.Fatalf("HostsOf = %+v, %v", hosts, ok)
	}
	if _, ok := g.HostsOf(parseExpr(t, `var.api_id`)); ok {
		t.Fatal("a list from a variable is not known")
	}
	if got := g.HostOf(nil); got.Kind != HostNotProven {
		t.Fatalf("nil: %+v", got)
	}
}

func TestHostOfInJSON(t *testing.T) {
	files := parseModule(t, map[string]string{"main.tf": hostsModule, "cf.tf.json": `{"locals": {"h": "${aws_api_gateway_rest_api.rest.id}.execute-api.${var.region}.amazonaws.com"}}`})
	g := Build(files, nil)
	got := g.HostOf(parseExpr(t, `local.h`))
	if got.Kind != HostExecuteAPI || got.API != g.Lookup("aws_api_gateway_rest_api.rest").API {
		t.Fatalf("JSON local: %+v", got)
	}
}
