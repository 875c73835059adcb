package apigw

import "testing"

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
