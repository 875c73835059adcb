package apigw

import "testing"

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
