package apigw

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

const lambdaModule = `
resource "aws_api_gateway_rest_api" "a" {
  name = "a"
}
resource "aws_api_gateway_rest_api" "b" {
  name = "b"
}
resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = aws_api_gateway_rest_api.a.root_resource_id
  path_part   = "items"
}
resource "aws_api_gateway_resource" "item" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = aws_api_gateway_resource.items.id
  path_part   = "{id}"
}
resource "aws_api_gateway_resource" "elsewhere" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = var.parent_id
  path_part   = "x"
}
resource "aws_api_gateway_method" "item_get" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  resource_id = aws_api_gateway_resource.item.id
  http_method = "GET"
}
resource "aws_api_gateway_stage" "prod" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  stage_name  = "prod"
}
resource "aws_api_gateway_stage" "dev" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  stage_name  = "dev"
}
resource "aws_lambda_function" "f" {
  function_name = "orders"
}
resource "aws_lambda_function" "g" {
  function_name = var.name
}
resource "aws_lambda_alias" "live" {
  function_name = aws_lambda_function.f.function_name
  name          = "live"
}
resource "aws_api_gateway_integration" "invoke" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  resource_id = aws_api_gateway_resource.item.id
  http_method = aws_api_gateway_method.item_get.http_method
  uri         = aws_lambda_function.f.invoke_arn
}
resource "aws_api_gateway_integration" "bare" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  resource_id = aws_api_gateway_rest_api.a.root_resource_id
  http_method = "ANY"
  uri         = "${aws_lambda_function.f.arn}"
}
resource "aws_api_gateway_integration" "built" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  resource_id = aws_api_gateway_resource.items.id
  http_method = "POST"
  uri         = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/${aws_lambda_function.g.arn}/invocations"
}
resource "aws_api_gateway_integration" "literal" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  resource_id = aws_api_gateway_resource.elsewhere.id
  http_method = "GET"
  uri         = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations"
}
resource "aws_api_gateway_integration" "alias" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  resource_id = aws_api_gateway_resource.items.id
  http_method = "GET"
  uri         = aws_lambda_alias.live.invoke_arn
}
resource "aws_api_gateway_integration" "data" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  resource_id = aws_api_gateway_resource.items.id
  http_method = "PUT"
  uri         = data.aws_lambda_function.shared.invoke_arn
}
resource "aws_api_gateway_integration" "module" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  uri         = module.fn.invoke_arn
}
resource "aws_api_gateway_integration" "http" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  uri         = "https://example.com/"
}
resource "aws_api_gateway_authorizer" "auth" {
  rest_api_id    = aws_api_gateway_rest_api.a.id
  authorizer_uri = aws_lambda_function.f.invoke_arn
}
resource "aws_apigatewayv2_integration" "v2" {
  api_id          = aws_apigatewayv2_api.h.id
  integration_uri = aws_lambda_function.f.arn
}
resource "aws_lambda_permission" "by_name" {
  function_name = aws_lambda_function.f.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.a.execution_arn}/*/GET/items/*"
}
resource "aws_lambda_permission" "by_literal" {
  function_name = "orders"
  principal     = "apigateway.amazonaws.com"
  action        = "lambda:InvokeFunction"
}
resource "aws_lambda_permission" "alias_arn" {
  function_name = aws_lambda_alias.live.arn
}
resource "aws_lambda_permission" "alias_qualifier" {
  function_name = aws_lambda_function.f.function_name
  qualifier     = aws_lambda_alias.live.name
}
resource "aws_lambda_permission" "events" {
  function_name = aws_lambda_function.f.arn
  principal     = "events.amazonaws.com"
}
resource "aws_lambda_permission" "other_action" {
  function_name = aws_lambda_function.f.arn
  action        = "lambda:GetFunction"
}
resource "aws_lambda_permission" "unknown" {
  function_name = var.fn
}
resource "aws_lambda_permission" "unmanaged" {
  function_name = "someone-elses"
}
`

func TestLambdaTargets(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": lambdaModule}), nil)
	l := g.Lambdas()
	f, fg, live := g.Lookup("aws_lambda_function.f"), g.Lookup("aws_lambda_function.g"), g.Lookup("aws_lambda_alias.live")
	type want struct {
		fn    *Node
		alias *Node
		bare  bool
	}
	wants := map[string]want{
		"aws_api_gateway_integration.invoke":   {fn: f},
		"aws_api_gateway_integration.bare":     {fn: f, bare: true},
		"aws_api_gateway_integration.built":    {fn: fg},
		"aws_api_gateway_integration.literal":  {fn: f},
		"aws_api_gateway_integration.alias":    {fn: f, alias: live},
		"aws_api_gateway_integration.data":     {},
		"aws_api_gateway_authorizer.auth":      {fn: f},
		"aws_apigatewayv2_integration.v2":      {fn: f, bare: true},
		"aws_api_gateway_integration.module":   {},
		"aws_api_gateway_integration.http":     {},
		"aws_api_gateway_integration.no_uri_x": {},
	}
	seen := map[string]bool{}
	for _, u := range l.Uses {
		addr := u.Node.Address()
		seen[addr] = true
		w, ok := wants[addr]
		if !ok || addr == "aws_api_gateway_integration.module" || addr == "aws_api_gateway_integration.http" {
			t.Errorf("%s is read as a Lambda use", addr)
			continue
		}
		if u.Target.Function != w.fn || u.Target.Alias != w.alias || u.Target.Bare() != w.bare {
			t.Errorf("%s: target %+v, want %+v", addr, u.Target, w)
		}
	}
	for _, addr := range []string{"aws_api_gateway_integration.invoke", "aws_api_gateway_integration.data", "aws_api_gateway_authorizer.auth", "aws_apigatewayv2_integration.v2"} {
		if !seen[addr] {
			t.Errorf("%s is not read as a Lambda use", addr)
		}
	}
}

func TestLambdaPermissions(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": lambdaModule}), nil)
	l := g.Lambdas()
	perm := map[string]*Permission{}
	for _, p := range l.Permissions {
		perm[p.Node.Name] = p
	}
	direct := LambdaTarget{Lambda: true, Function: g.Lookup("aws_lambda_function.f")}
	viaAlias := LambdaTarget{Lambda: true, Function: direct.Function, Alias: g.Lookup("aws_lambda_alias.live")}
	other := LambdaTarget{Lambda: true, Function: g.Lookup("aws_lambda_function.g")}
	cases := []struct {
		name                     string
		grants, direct, viaAlias bool
		other                    bool
	}{
		{"by_name", true, true, false, false},
		{"by_literal", true, true, false, false},
		{"alias_arn", true, false, true, false},
		{"alias_qualifier", true, false, true, false},
		{"events", false, true, false, false},
		{"other_action", false, true, false, false},
		{"unknown", true, true, true, true},
		{"unmanaged", true, false, false, false},
	}
	for _, tc := range cases {
		p := perm[tc.name]
		if p.Grants != tc.grants || l.Serves(p, direct) != tc.direct || l.Serves(p, viaAlias) != tc.viaAlias || l.Serves(p, other) != tc.other {
			t.Errorf("%s: grants %v, serves direct %v, alias %v, other %v; want %v %v %v %v", tc.name,
				p.Grants, l.Serves(p, direct), l.Serves(p, viaAlias), l.Serves(p, other), tc.grants, tc.direct, tc.viaAlias, tc.other)
		}
	}
}

func TestResourcePathsAndCoverage(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": lambdaModule}), nil)
	l := g.Lambdas()
	calls := map[string]Call{}
	for _, u := range l.Uses {
		if c, ok := l.CallOf(u); ok {
			calls[u.Node.Name] = c
		}
	}
	labels := map[string]string{
		"invoke": "GET /items/{id}", "bare": "ANY /", "built": "POST /items", "literal": "GET /…/x",
		"alias": "GET /items", "auth": "the authorizer",
	}
	for name, want := range labels {
		if got := calls[name].Label(); got != want {
			t.Errorf("%s: call %q, want %q", name, got, want)
		}
	}
	if _, ok := calls["v2"]; ok {
		t.Error("an HTTP API integration got a REST call")
	}
	cover := func(pattern string, call string) bool {
		p, _ := g.SourcePattern(parseExpr(t, pattern))
		return l.Covers(p, calls[call])
	}
	cases := []struct {
		pattern, call string
		want          bool
	}{
		{`"${aws_api_gateway_rest_api.a.execution_arn}/*/*"`, "invoke", true},
		{`"${aws_api_gateway_rest_api.a.execution_arn}/*/*"`, "auth", true},
		{`"${aws_api_gateway_rest_api.a.execution_arn}/*"`, "bare", true},
		{`"${aws_api_gateway_rest_api.b.execution_arn}/*/*"`, "invoke", false},
		{`"${aws_api_gateway_rest_api.a.execution_arn}/*/GET/items/*"`, "invoke", true},
		{`"${aws_api_gateway_rest_api.a.execution_arn}/*/GET/items/{id}"`, "invoke", true},
		{`"${aws_api_gateway_rest_api.a.execution_arn}/*/GET/items/42"`, "invoke", false},
		{`"${aws_api_gateway_rest_api.a.execution_arn}/*/GET/items"`, "invoke", false},
		{`"${aws_api_gateway_rest_api.a.execution_arn}/*/GET/items/*"`, "auth", false},
		{`"${aws_api_gateway_rest_api.a.execution_arn}/*/*/items/*"`, "invoke", true},
		{`"${aws_api_gateway_rest_api.a.execution_arn}/prod/GET/items/*"`, "invoke", false}, // dev is not covered
		{`"${aws_api_gateway_rest_api.a.execution_arn}/*/GET/"`, "bare", false},             // ANY takes every verb
		{`"${aws_api_gateway_rest_api.a.execution_arn}/*/ANY/"`, "bare", true},
		{`"${aws_api_gateway_rest_api.a.execution_arn}/*/*/"`, "bare", true},
		{`"${aws_api_gateway_rest_api.a.execution_arn}/*/GET/x"`, "literal", true}, // the path above x is unknown
		{`"${aws_api_gateway_stage.prod.execution_arn}/*/*"`, "invoke", false},
		{`aws_api_gateway_rest_api.a.execution_arn`, "invoke", false},
		{`"${var.anything}"`, "invoke", true},
		{`"arn:aws:execute-api:us-east-1:123456789012:abc/*/GET/items/*"`, "invoke", true},
		{`"arn:aws:execute-api:us-east-1:123456789012:abc/*/POST/items"`, "built", true},
		{`"arn:aws:execute-api:us-east-1:123456789012:abc/*/POST/other"`, "built", false},
	}
	for _, tc := range cases {
		if got := cover(tc.pattern, tc.call); got != tc.want {
			t.Errorf("%s covers %s = %v, want %v", tc.pattern, calls[tc.call].Label(), got, tc.want)
		}
	}
}

// parseExpr parses an expression written in a file of lambdaModule's
// module, so references resolve against it.
func parseExpr(t *testing.T, src string) hcl.Expression {
	t.Helper()
	expr, diags := hclsyntax.ParseExpression([]byte(src), "expr.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return expr
}
