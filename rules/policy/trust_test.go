package policy

import (
	"testing"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

func TestAssumableBy(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		want      Tri
	}{
		{"the service is trusted", `{"Statement":[{"Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"sts:AssumeRole"}]}`, Yes},
		{"among others, in a list", `{"Statement":[{"Effect":"Allow","Principal":{"Service":["lambda.amazonaws.com","apigateway.amazonaws.com"]},"Action":["sts:AssumeRole"]}]}`, Yes},
		{"another service only", `{"Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}`, No},
		{"an account principal only", `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"}]}`, No},
		{"another action", `{"Statement":[{"Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"sts:TagSession"}]}`, No},
		{"a wildcard action", `{"Statement":[{"Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"sts:*"}]}`, Yes},
		{"anyone", `{"Statement":[{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}]}`, Yes},
		{"a condition is not evaluated", `{"Statement":[{"Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"1"}}}]}`, Maybe},
		{"a deny takes it back", `{"Statement":[{"Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"sts:AssumeRole"},{"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole"}]}`, No},
		{"no statement", `{"Version":"2012-10-17"}`, No},
		{"unreadable", `not json`, Maybe},
		{"an unknown service", `{"Statement":[{"Effect":"Allow","Principal":{"Service":"` + partial.Marker(0) + `"},"Action":"sts:AssumeRole"}]}`, Maybe},
		{"NotPrincipal", `{"Statement":[{"Effect":"Allow","NotPrincipal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}`, Maybe},
	} {
		p := ParseJSONTemplate(partial.Unmark(tc.doc, []partial.Part{{Hole: true}}))
		if got := p.AssumableBy("apigateway.amazonaws.com"); got != tc.want {
			t.Errorf("%s: got %v, want %v", tc.name, got, tc.want)
		}
	}
	var nilPolicy *Policy
	if got := nilPolicy.AssumableBy("apigateway.amazonaws.com"); got != Maybe {
		t.Errorf("nil policy: got %v", got)
	}
}
