package apigw

import (
	"testing"
)

// viewModule has one of each view kind, v1 and v2, in HCL and in JSON.
var viewModule = map[string]string{
	"main.tf": `
resource "aws_api_gateway_rest_api" "a" {}

resource "aws_api_gateway_authorizer" "lambda" {
  rest_api_id                      = aws_api_gateway_rest_api.a.id
  authorizer_uri                   = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/f/invocations"
  authorizer_result_ttl_in_seconds = "60"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id      = aws_api_gateway_rest_api.a.id
  http_method      = "GET"
  authorization    = "CUSTOM"
  authorizer_id    = aws_api_gateway_authorizer.lambda.id
  api_key_required = true
}

resource "aws_api_gateway_method" "each" {
  for_each      = toset(["PUT", "POST"])
  rest_api_id   = aws_api_gateway_rest_api.a.id
  http_method   = each.key
  authorization = var.auth
}

resource "aws_api_gateway_integration" "get" {
  rest_api_id             = aws_api_gateway_rest_api.a.id
  http_method             = aws_api_gateway_method.get.http_method
  type                    = "AWS"
  uri                     = "arn:aws:apigateway:eu-west-1:sqs:path/q"
  integration_http_method = "POST"
}

resource "aws_api_gateway_deployment" "a" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  stage_name  = "dev"
  triggers    = { redeployment = sha1(jsonencode(aws_api_gateway_method.get)) }
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  deployment_id = aws_api_gateway_deployment.a.id
  stage_name    = "prod"
}

resource "aws_apigatewayv2_api" "h" {
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "h" {
  api_id      = aws_apigatewayv2_api.h.id
  name        = "$default"
  auto_deploy = true
  default_route_settings {
    logging_level = "INFO"
  }
}

resource "aws_apigatewayv2_integration" "h" {
  api_id           = aws_apigatewayv2_api.h.id
  integration_type = "AWS_PROXY"
  integration_uri  = "arn:aws:lambda:eu-west-1:123456789012:function:f"
  credentials_arn  = "arn:aws:iam::123456789012:role/r"
}
`,
	"routes.tf.json": `{"resource": {"aws_apigatewayv2_route": {"options": {
  "api_id": "${aws_apigatewayv2_api.h.id}",
  "route_key": "OPTIONS /items",
  "authorization_type": "JWT"
}}}}`,
}

func TestMethodView(t *testing.T) {
	g := Build(parseModule(t, viewModule), nil)
	api := g.Lookup("aws_api_gateway_rest_api.a").API
	methods := api.Methods()
	if len(methods) != 2 || len(g.Methods()) != 2 {
		t.Fatalf("methods = %d, %d", len(methods), len(g.Methods()))
	}
	get, each := methods[0], methods[1]
	if get.Location != "aws_api_gateway_method.get" || !get.CanEditOne() || get.API() != api {
		t.Errorf("get source = %+v", get.Source)
	}
	if verb, ok := get.Verb(); !ok || verb != "GET" {
		t.Errorf("get verb = %q, %v", verb, ok)
	}
	auth := get.Authorization()
	if !auth.Is("CUSTOM") || !auth.NeedsAuthorizer() || !auth.Demands() || auth.Name != "authorization" || auth.Unauthenticated() != "401 Unauthorized" {
		t.Errorf("get authorization = %+v", auth)
	}
	if !get.RequiresKey() || get.KeyRequired().Range().Start.Line != 15 {
		t.Errorf("get key: %v at %v", get.RequiresKey(), get.KeyRequired().Range())
	}
	if a, ok := get.Authorizer(); !ok || a.Location != "aws_api_gateway_authorizer.lambda" {
		t.Errorf("get authorizer = %+v, %v", a.Source, ok)
	}
	if each.Single() || !each.CanEdit() || each.CanEditOne() {
		t.Errorf("for_each method: single %v, can edit %v", each.Single(), each.CanEdit())
	}
	if auth := each.Authorization(); auth.Known || auth.Demands() || auth.Open() || each.RequiresKey() {
		t.Errorf("unknown authorization = %+v", auth)
	}
	if _, ok := each.Authorizer(); ok {
		t.Error("a method without authorizer_id has an authorizer")
	}
}

func TestRouteView(t *testing.T) {
	g := Build(parseModule(t, viewModule), nil)
	routes := g.Lookup("aws_apigatewayv2_api.h").API.Routes()
	if len(routes) != 1 {
		t.Fatalf("routes = %d", len(routes))
	}
	r := routes[0]
	if verb, ok := r.Verb(); !ok || verb != "OPTIONS" {
		t.Errorf("verb = %q, %v", verb, ok)
	}
	auth := r.Authorization()
	if !auth.Is("JWT") || !auth.NeedsAuthorizer() || auth.Name != "authorization_type" || auth.Unauthenticated() != "401 Unauthorized" {
		t.Errorf("authorization = %+v", auth)
	}
	if r.CanEdit() || r.Block() != nil || r.ArgumentText("route_key") != "" {
		t.Error("a route in JSON syntax can be edited")
	}
	if r.API().HandlesPreflights() {
		t.Error("HandlesPreflights without cors_configuration")
	}
}

func TestIntegrationView(t *testing.T) {
	g := Build(parseModule(t, viewModule), nil)
	ins := g.Integrations()
	if len(ins) != 2 || ins[0].Version() != 1 || ins[1].Version() != 2 {
		t.Fatalf("integrations = %+v", ins)
	}
	v1, v2 := ins[0], ins[1]
	if !v1.TypeIs("AWS") || v1.TypeIs("AWS_PROXY") || v1.Credentials().IsSet() || v1.Credentials().Name != "credentials" {
		t.Errorf("v1 type or credentials wrong")
	}
	if s, ok := v1.Service(); !ok || s != "sqs" {
		t.Errorf("v1 service = %q, %v", s, ok)
	}
	if verb, ok := v1.Verb(); !ok || verb != "GET" {
		t.Errorf("v1 verb through its method = %q, %v", verb, ok)
	}
	if m, ok := v1.Method(); !ok || m.Location != "aws_api_gateway_method.get" {
		t.Errorf("v1 method = %+v", m.Source)
	}
	if p, _ := v1.IntegrationHTTPMethod().String(); p != "POST" {
		t.Errorf("integration_http_method = %q", p)
	}
	if got := v1.ArgumentText("type"); got != `type                    = "AWS"` {
		t.Errorf("argument text = %q", got)
	}
	if !v2.TypeIs("AWS_PROXY") || !v2.Credentials().IsSet() || v2.URI().Name != "integration_uri" {
		t.Errorf("v2 settings wrong")
	}
	if _, ok := g.IntegrationOf(g.Lookup("aws_api_gateway_method.get")); ok {
		t.Error("a method is an integration")
	}
}

func TestAuthorizerView(t *testing.T) {
	g := Build(parseModule(t, viewModule), nil)
	auths := g.Authorizers()
	if len(auths) != 1 {
		t.Fatalf("authorizers = %d", len(auths))
	}
	a := auths[0]
	if cache, ok := a.CachedPolicy(); !ok || cache.Seconds != 60 || cache.Default {
		t.Errorf("cache = %+v, %v", cache, ok)
	}
	if n, known := a.Users(); !known || n != 1 {
		t.Errorf("users = %d, %v", n, known)
	}
	if a.Type().IsSet() || a.Type().Name != "type" || !a.URI().IsSet() || a.Credentials().Written() {
		t.Error("authorizer settings wrong")
	}
}

func TestStageAndDeploymentViews(t *testing.T) {
	g := Build(parseModule(t, viewModule), nil)
	dep, ok := g.DeploymentOf(g.Lookup("aws_api_gateway_deployment.a"))
	if !ok || !dep.Triggers().IsSet() || !dep.NeedsRedeploys() || dep.CreatesBeforeDestroy() {
		t.Errorf("deployment = %+v", dep.Source)
	}
	if name, _ := dep.StageName().String(); name != "dev" || dep.StageDescription().Written() {
		t.Errorf("inline stage = %q", name)
	}
	if got := addresses(dep.StagesServing()); !equal(got, []string{"aws_api_gateway_stage.prod"}) {
		t.Errorf("serving = %v", got)
	}
	entries := g.Lookup("aws_api_gateway_rest_api.a").API.StageEntries()
	if len(entries) != 2 || entries[0].Name != "prod" || entries[1].Name != "dev" {
		t.Errorf("stage entries = %+v", entries)
	}
	h, ok := g.StageOf(g.Lookup("aws_apigatewayv2_stage.h"))
	if !ok || h.Version() != 2 || h.Name().Name != "name" || h.APIID().Name != "api_id" || h.DeploymentID().IsSet() {
		t.Errorf("v2 stage = %+v", h.Source)
	}
	if auto, known := h.AutoDeploy().BoolOr(false); !auto || !known {
		t.Error("auto_deploy not read")
	}
	if levels := h.RouteLogLevels(); len(levels) != 1 {
		t.Errorf("log levels = %d", len(levels))
	} else if l, _ := levels[0].String(); l != "INFO" {
		t.Errorf("log level = %q", l)
	}
	if _, ok := g.StageOf(dep.Node); ok {
		t.Error("a deployment is a stage")
	}
	if _, ok := g.DeploymentOf(h.Node); ok {
		t.Error("a stage is a deployment")
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
