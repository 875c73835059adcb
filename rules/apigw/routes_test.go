package apigw

import "testing"

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

func TestGreedyPaths(t *testing.T) {
	cases := []struct {
		path, greedy string
		want         bool
	}{
		{"/v1/{proxy+}", "/{proxy+}", true},
		{"/v1/{proxy+}", "/v1/{any+}", true},
		{"/items", "/{proxy+}", true},
		{"/v1/{proxy+}", "/v2/{proxy+}", false},
		{"/v1/{proxy+}", "/v1/{id}", false},
		{"/v1", "/v1/{proxy+}", false},
	}
	for _, tc := range cases {
		if got := under(tc.path, tc.greedy); got != tc.want {
			t.Errorf("under(%q, %q) = %v", tc.path, tc.greedy, got)
		}
	}
}
