package apigw

import "testing"

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
