package arn

import (
	"testing"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

func TestARNMatching(t *testing.T) {
	api := Key{Name: "aws_api_gateway_rest_api.a", Definite: true}
	other := Key{Name: "aws_api_gateway_rest_api.b", Definite: true}
	byVariable := Key{Name: "var.api_id"}
	exec := func(a Key) ARN { return ARN{}.ExecutionARN(a) }
	call := func(a Key, rest ARN) ARN { return append(exec(a), rest...) }

	cases := []struct {
		name    string
		pattern ARN
		subject ARN
		want    bool
	}{
		{"execution_arn/*/* covers a method", append(exec(api), ParsePattern("/*/*")...), call(api, ARN{}.Text("/prod/GET/items")), true},
		{"execution_arn/* covers a method: * spans /", append(exec(api), ParsePattern("/*")...), call(api, ARN{}.Text("/prod/GET/items/a/b")), true},
		{"execution_arn alone covers nothing", exec(api), call(api, ARN{}.Text("/prod/GET/items")), false},
		{"another API's execution_arn", append(exec(other), ParsePattern("/*/*")...), call(api, ARN{}.Text("/prod/GET/items")), false},
		{"an API known by a variable may be this one", append(exec(api), ParsePattern("/*/*")...), call(byVariable, ARN{}.Text("/prod/GET/items")), true},
		{"one method only", append(exec(api), ParsePattern("/*/GET/items")...), call(api, ARN{}.Text("/prod/POST/items")), false},
		{"the same method", append(exec(api), ParsePattern("/*/GET/items")...), call(api, ARN{}.Text("/prod/GET/items")), true},
		{"a sub-path is not the path", append(exec(api), ParsePattern("/*/GET/items")...), call(api, ARN{}.Text("/prod/GET/items/x")), false},
		{"wildcard path parameter covers every value", append(exec(api), ParsePattern("/*/GET/items/*")...), call(api, ARN{}.Text("/prod/GET/items/").Every()), true},
		{"a literal value does not cover every value", append(exec(api), ParsePattern("/*/GET/items/42")...), call(api, ARN{}.Text("/prod/GET/items/").Every()), false},
		{"? covers one character, not every value", append(exec(api), ParsePattern("/*/GET/items/?")...), call(api, ARN{}.Text("/prod/GET/items/").Every()), false},
		{"? matches one character", append(exec(api), ParsePattern("/pro?/GET/x")...), call(api, ARN{}.Text("/prod/GET/x")), true},
		{"a stage the model does not know may be the literal one", append(exec(api), ParsePattern("/prod/GET/x")...), call(api, ARN{}.Text("/").Some().Text("/GET/x")), true},
		{"an unknown value stays inside its segment", append(exec(api), ParsePattern("/prod/extra/GET/x")...), call(api, ARN{}.Text("/").Some().Text("/GET/x")), false},
		{"the wrong stage", append(exec(api), ParsePattern("/dev/GET/x")...), call(api, ARN{}.Text("/prod/GET/x")), false},
		{"a literal ARN with region, account and id", ParsePattern("arn:aws:execute-api:us-east-1:123456789012:abc123/*/GET/x"), call(api, ARN{}.Text("/prod/GET/x")), true},
		{"a literal ARN for the wrong service", ParsePattern("arn:aws:lambda:us-east-1:123456789012:abc123/*/GET/x"), call(api, ARN{}.Text("/prod/GET/x")), false},
		{"a literal ARN with the wrong path", ParsePattern("arn:aws:execute-api:us-east-1:123456789012:abc123/*/GET/y"), call(api, ARN{}.Text("/prod/GET/x")), false},
		{"everything", ParsePattern("*"), call(api, ARN{}.Text("/prod/GET/items/").Every()), true},
		{"arn:aws:execute-api:*", ParsePattern("arn:aws:execute-api:*"), call(api, ARN{}.Text("/prod/GET/x")), true},
		{"an id reference with a literal prefix", ARN{}.Text("arn:aws:execute-api:").Star().Text(":").Star().Text(":").API(api).Text("/").Star().Text("/").Star(), call(api, ARN{}.Text("/prod/GET/x")), true},
		{"the root path", append(exec(api), ParsePattern("/*/GET/")...), call(api, ARN{}.Text("/prod/GET/")), true},
		{"the root path under a trailing *", append(exec(api), ParsePattern("/*/GET/*")...), call(api, ARN{}.Text("/prod/GET/")), true},
		{"an authorizer under */*", append(exec(api), ParsePattern("/*/*")...), call(api, ARN{}.Text("/authorizers/").Some()), true},
		{"an authorizer under a method's ARN", append(exec(api), ParsePattern("/*/GET/items")...), call(api, ARN{}.Text("/authorizers/").Some()), false},
		{"an authorizer under authorizers/*", append(exec(api), ParsePattern("/authorizers/*")...), call(api, ARN{}.Text("/authorizers/").Some()), true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.pattern.Matches(tc.subject); got != tc.want {
				t.Errorf("%s matches %s = %v, want %v", tc.pattern, tc.subject, got, tc.want)
			}
		})
	}
}

func TestARNMatchingIsLinearEnough(t *testing.T) {
	// Many stars must not blow up: the matcher memoizes.
	pattern := ParsePattern("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b")
	subject := ARN{}.Text("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
	if pattern.Matches(subject) {
		t.Error("matched without a b")
	}
}

func TestPatternOf(t *testing.T) {
	api := Key{Name: "aws_api_gateway_rest_api.a", Definite: true}
	s := partial.Lit("arn:aws:execute-api:").Append(partial.Unknown("var.region")).Append(partial.Lit(":1:")).
		Append(partial.Unknown("aws_api_gateway_rest_api.a.id")).Append(partial.Lit("/*/GET/x"))
	if got := PatternOf(s, nil).String(); got != "arn:aws:execute-api:*:1:*/*/GET/x" {
		t.Errorf("holes as wildcards: %s", got)
	}
	asAPI := func(a ARN, p partial.Part) ARN {
		if p.Ref == "aws_api_gateway_rest_api.a.id" {
			return a.API(api)
		}
		return a.Star()
	}
	pattern := PatternOf(s, asAPI)
	if got := pattern.String(); got != "arn:aws:execute-api:*:1:{api:aws_api_gateway_rest_api.a}/*/GET/x" {
		t.Errorf("holes read by the caller: %s", got)
	}
	subject := ARN{}.ExecutionARN(api).Text("/prod/GET/x")
	if !pattern.Matches(subject) {
		t.Errorf("%s does not match %s", pattern, subject)
	}
	if pattern.Matches(ARN{}.ExecutionARN(Key{Name: "aws_api_gateway_rest_api.b", Definite: true}).Text("/prod/GET/x")) {
		t.Error("a pattern on one API's id matches another API")
	}
}
