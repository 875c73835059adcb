package apigw

import "testing"

func TestAuthorizerKind(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_authorizer" "unset" {}
resource "aws_api_gateway_authorizer" "request" {
  type = "REQUEST"
}
resource "aws_api_gateway_authorizer" "cognito" {
  type = "COGNITO_USER_POOLS"
}
resource "aws_api_gateway_authorizer" "variable" {
  type = var.type
}
resource "aws_api_gateway_authorizer" "null" {
  type = null
}
`}), nil)
	for name, want := range map[string]string{"unset": "TOKEN", "request": "REQUEST", "cognito": "COGNITO_USER_POOLS", "variable": "", "null": "TOKEN"} {
		auth, _ := viewOf(g, g.Lookup("aws_api_gateway_authorizer."+name), asAuthorizer, Authorizer)
		got, known := auth.Kind()
		if got != want || known != (want != "") {
			t.Errorf("%s: %q %v, want %q", name, got, known, want)
		}
	}
	if AuthorizationFor("TOKEN") != "CUSTOM" || AuthorizationFor("REQUEST") != "CUSTOM" || AuthorizationFor("COGNITO_USER_POOLS") != "COGNITO_USER_POOLS" {
		t.Error("AuthorizationFor")
	}
}
