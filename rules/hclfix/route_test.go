package hclfix

import "testing"

func TestOpenRouteText(t *testing.T) {
	got := OpenRoute{Name: "proxy_options", Meta: "count = length(x)", APIID: "a.id", RouteKey: `OPTIONS /${x}/{proxy+}`, Target: "r.target"}.Text()
	want := `resource "aws_apigatewayv2_route" "proxy_options" {
count = length(x)

api_id = a.id
route_key = "OPTIONS /$${x}/{proxy+}"
authorization_type = "NONE"
target = r.target
}`
	if got != want {
		t.Errorf("Text() =\n%s\nwant\n%s", got, want)
	}
}
