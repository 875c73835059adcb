package policy

import (
	"testing"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/arn"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

// FuzzParseJSON feeds arbitrary text to the JSON reader: it must never
// panic, and whatever it reads must answer every question without panicking.
func FuzzParseJSON(f *testing.F) {
	for _, seed := range []string{
		`{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*"}]}`,
		`{"Statement": {"Effect": "Deny", "Principal": {"AWS": ["*"]}, "NotAction": ["s3:*"], "Resource": ["arn:aws:execute-api:us-east-1:1:abc/prod/GET/*"], "Condition": {"StringEquals": {"aws:SourceVpce": ["vpce-1"]}}}}`,
		`{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "__apigw403_hole_0__/*"}]}`,
		`{"x-amazon-apigateway-policy": "{}"}`,
		`{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "\u00015\u0002/*"}]}`,
		`{`, `null`, `[]`, `"*"`, `{"Statement": [null, 1, "x", {"Condition": 3}]}`,
	} {
		f.Add(seed)
	}
	holes := []partial.Part{{Hole: true, Ref: "aws_api_gateway_rest_api.main.execution_arn"}}
	f.Fuzz(func(t *testing.T, text string) {
		// Marker text in the input stands for the hole, as in a template.
		withHoles := partial.Unmark(text, holes)
		for _, p := range []*Policy{ParseJSON(text), ParseJSONTemplate(withHoles)} {
			_ = p.Allows("execute-api:Invoke")
			_ = p.Complete()
			for i := range p.Statements {
				s := &p.Statements[i]
				_, _, _ = s.Anonymous(), s.Unconditional(), s.IsDeny()
				for _, r := range s.Resource.Items {
					res := arn.ParseResource(r)
					_, _ = res.CoversAll("aws_api_gateway_rest_api.main"), res.ValidVerb()
					_ = r.String()
				}
				_ = s.ConditionsOn("aws:SourceVpce")
			}
		}
		if doc, ok := ParseJSONTree(withHoles); ok {
			_ = FromTree(doc)
		}
	})
}
