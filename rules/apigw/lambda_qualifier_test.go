package apigw

import "testing"

func TestQualifiedCallsAndPermissions(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_apigatewayv2_api" "http" {
  protocol_type = "HTTP"
}
resource "aws_apigatewayv2_stage" "a" {
  api_id          = aws_apigatewayv2_api.http.id
  stage_variables = { fn = "blue" }
}
resource "aws_apigatewayv2_stage" "b" {
  api_id = aws_apigatewayv2_api.http.id
}
resource "aws_lambda_function" "f" {
  function_name = "f"
  publish       = true
}
resource "aws_lambda_function" "unpublished" {
  function_name = "u"
}
resource "aws_lambda_alias" "live" {
  function_name = aws_lambda_function.f.function_name
  name          = "live"
}
resource "aws_apigatewayv2_integration" "alias" {
  api_id          = aws_apigatewayv2_api.http.id
  integration_uri = aws_lambda_alias.live.invoke_arn
}
resource "aws_apigatewayv2_integration" "version" {
  api_id          = aws_apigatewayv2_api.http.id
  integration_uri = aws_lambda_function.f.qualified_invoke_arn
}
resource "aws_apigatewayv2_integration" "latest" {
  api_id          = aws_apigatewayv2_api.http.id
  integration_uri = aws_lambda_function.unpublished.qualified_invoke_arn
}
resource "aws_apigatewayv2_integration" "literal" {
  api_id          = aws_apigatewayv2_api.http.id
  integration_uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f:7/invocations"
}
resource "aws_apigatewayv2_integration" "staged" {
  api_id          = aws_apigatewayv2_api.http.id
  integration_uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f:$${stageVariables.fn}/invocations"
}
resource "aws_lambda_permission" "alias" {
  function_name = aws_lambda_alias.live.arn
}
resource "aws_lambda_permission" "version" {
  function_name = aws_lambda_function.f.function_name
  qualifier     = aws_lambda_function.f.version
}
resource "aws_lambda_permission" "plain" {
  function_name = aws_lambda_function.f.function_name
}
`}), nil)
	l := g.Lambdas()
	live, f := g.Lookup("aws_lambda_alias.live"), g.Lookup("aws_lambda_function.f")
	want := map[string][]Qualifier{
		"alias":   {{Alias: live}},
		"version": {{Published: true}},
		"literal": {{Name: "7"}},
		"staged":  {{Name: "blue"}},
	}
	for _, u := range l.Uses {
		calls, ok := l.QualifiedCalls(u)
		w, expected := want[u.Node.Name]
		if !expected {
			if ok {
				t.Errorf("%s: calls %+v, want unknown", u.Node.Name, calls)
			}
			continue
		}
		if !ok || len(calls) != len(w) {
			t.Errorf("%s: %+v %v", u.Node.Name, calls, ok)
			continue
		}
		for i := range w {
			if calls[i].Qualifier != w[i] || calls[i].Function != f {
				t.Errorf("%s: %+v, want %+v", u.Node.Name, calls[i], w[i])
			}
		}
	}
	perms, known := l.FunctionPermissions(f)
	if !known || len(perms) != 3 {
		t.Fatalf("permissions: %v %v", perms, known)
	}
	got := map[string]Qualifier{}
	for _, p := range perms {
		q, known := l.PermissionQualifier(p)
		if !known {
			t.Errorf("%s: unknown", p.Node.Name)
		}
		got[p.Node.Name] = q
	}
	if got["alias"].Alias != live || !got["version"].Published || !got["plain"].Unqualified() {
		t.Errorf("qualifiers: %+v", got)
	}
	for _, tc := range []struct {
		p, c Qualifier
		want bool
	}{
		{Qualifier{}, Qualifier{}, true},
		{Qualifier{Name: "$LATEST"}, Qualifier{}, true},
		{Qualifier{}, Qualifier{Alias: live}, false},
		{Qualifier{Alias: live}, Qualifier{Name: "live"}, true},
		{Qualifier{Name: "live"}, Qualifier{Alias: live}, true},
		{Qualifier{Name: "dev"}, Qualifier{Alias: live}, false},
		{Qualifier{Published: true}, Qualifier{Name: "7"}, true},
		{Qualifier{Published: true}, Qualifier{Alias: live}, false},
		{Qualifier{Name: "blue"}, Qualifier{Name: "green"}, false},
	} {
		if got := l.MayCover(tc.p, tc.c); got != tc.want {
			t.Errorf("MayCover(%+v, %+v) = %v", tc.p, tc.c, got)
		}
	}
	if l.AliasNamed(f, "live") != live || l.AliasNamed(f, "dev") != nil {
		t.Error("AliasNamed")
	}
}

func TestTargetSeesAQualifierAfterTheFunctionARN(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_lambda_function" "f" {
  function_name = "f"
}
resource "aws_api_gateway_integration" "plain" {
  uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${aws_lambda_function.f.arn}/invocations"
}
resource "aws_api_gateway_integration" "live" {
  uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${aws_lambda_function.f.arn}:live/invocations"
}
resource "aws_api_gateway_integration" "latest" {
  uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${aws_lambda_function.f.arn}:$LATEST/invocations"
}
resource "aws_api_gateway_integration" "variable" {
  uri = "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${aws_lambda_function.f.arn}:${var.alias}/invocations"
}
`}), nil)
	want := map[string]bool{"plain": false, "live": true, "latest": false, "variable": true}
	for _, u := range g.Lambdas().Uses {
		if u.Target.Function == nil || u.Target.QualifierUnknown != want[u.Node.Name] {
			t.Errorf("%s: %+v", u.Node.Name, u.Target)
		}
	}
}
