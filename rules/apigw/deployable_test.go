package apigw

import "testing"

func TestDeployablesIncludeBodyAndPolicy(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_rest_api" "a" {
  body   = file("api.json")
  policy = null
}
resource "aws_api_gateway_rest_api_policy" "a" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  policy      = "{}"
}
`}), nil)
	var labels []string
	for _, d := range g.Deployables(g.Lookup("aws_api_gateway_rest_api.a").API) {
		labels = append(labels, d.Label()+"="+d.Entry(HashID))
	}
	want := []string{
		"aws_api_gateway_rest_api.a.body=aws_api_gateway_rest_api.a.body",
		"aws_api_gateway_rest_api_policy.a=aws_api_gateway_rest_api_policy.a.policy",
	}
	if !equal(labels, want) {
		t.Errorf("deployables = %v, want %v (a null policy is not set)", labels, want)
	}
}
