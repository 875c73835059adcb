package arn

import (
	"testing"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

func TestMatch(t *testing.T) {
	cases := []struct {
		pattern, value string
		want           bool
	}{
		{"*", "", true},
		{"*", "anything/at/all", true},
		{"a*c", "abbbc", true},
		{"a*c", "abbb", false},
		{"a?c", "abc", true},
		{"a?c", "ac", false},
		{"*/GET/*", "prod/GET/items/1", true},
		{"**", "x", true},
		{"a*b*c*d", "aXbYcZd", true},
		{"a*b*c*d", "aXbYcZ", false},
		{"", "", true},
		{"", "x", false},
	}
	for _, tc := range cases {
		if got := Match(tc.pattern, tc.value); got != tc.want {
			t.Errorf("Match(%q, %q) = %v", tc.pattern, tc.value, got)
		}
	}
}

func TestParseResource(t *testing.T) {
	main := "aws_api_gateway_rest_api.main"
	ref := func(ref string, rest string) partial.String {
		return partial.String{Parts: []partial.Part{{Hole: true, Ref: ref}, {Lit: rest}}}
	}
	cases := []struct {
		name     string
		in       partial.String
		kind     ResourceKind
		apiRef   string
		stage    string
		verb     string
		all      bool
		badVerb  bool
		problemy bool
	}{
		{name: "star", in: partial.Lit("*"), kind: ResAny, all: true},
		{name: "shorthand all", in: partial.Lit("execute-api:/*"), kind: ResShorthand, all: true},
		{name: "shorthand method", in: partial.Lit("execute-api:/prod/GET/items"), kind: ResShorthand, stage: "prod", verb: "GET"},
		{name: "shorthand lowercase verb", in: partial.Lit("execute-api:/prod/get/items"), kind: ResShorthand, stage: "prod", verb: "get", badVerb: true},
		{name: "ANY is no verb in an ARN", in: partial.Lit("execute-api:/prod/ANY/items"), kind: ResShorthand, stage: "prod", verb: "ANY", badVerb: true},
		{name: "execution_arn", in: ref(main+".execution_arn", "/*"), kind: ResExecutionARN, apiRef: main, all: true},
		{name: "execution_arn of another API", in: ref("aws_api_gateway_rest_api.other.execution_arn", "/*"), kind: ResExecutionARN, apiRef: "aws_api_gateway_rest_api.other"},
		{name: "execution_arn alone", in: ref(main+".execution_arn", ""), kind: ResMalformed, apiRef: main, problemy: true},
		{name: "execution_arn stage only", in: ref(main+".execution_arn", "/prod"), kind: ResMalformed, apiRef: main, stage: "prod", problemy: true},
		{name: "execution_arn three stars", in: ref(main+".execution_arn", "/*/*/*"), kind: ResExecutionARN, apiRef: main, all: true},
		{name: "an ARN with a literal id", in: partial.Lit("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/*"), kind: ResARN, stage: "prod", verb: "POST"},
		{name: "an ARN with wildcards", in: partial.Lit("arn:aws:execute-api:*:*:*"), kind: ResAny, all: true},
		{name: "a short wildcard ARN", in: partial.Lit("arn:aws:execute-api:*"), kind: ResAny, all: true},
		{name: "an ARN of another service", in: partial.Lit("arn:aws:s3:::bucket/*"), kind: ResMalformed, problemy: true},
		{name: "an incomplete ARN", in: partial.Lit("arn:aws:execute-api:us-east-1"), kind: ResMalformed, problemy: true},
		{name: "an ARN without stage", in: partial.Lit("arn:aws:execute-api:us-east-1:1:abc"), kind: ResMalformed, problemy: true},
		{name: "not an ARN", in: partial.Lit("execute-api:Invoke/prod"), kind: ResMalformed, problemy: true},
		{name: "a bare word", in: partial.Lit("items"), kind: ResMalformed, problemy: true},
		{name: "an ARN with the API's id", in: partial.String{Parts: []partial.Part{{Lit: "arn:aws:execute-api:us-east-1:1:"}, {Hole: true, Ref: "aws_api_gateway_rest_api.other.id"}, {Lit: "/*"}}}, kind: ResARN, apiRef: "aws_api_gateway_rest_api.other"},
		{name: "an ARN from a variable", in: partial.String{Parts: []partial.Part{{Hole: true, Ref: "var.arn"}}}, kind: ResUnknown},
		{name: "an unknown region", in: partial.String{Parts: []partial.Part{{Lit: "arn:aws:execute-api:"}, {Hole: true, Ref: "var.region"}, {Lit: ":1:abc/prod/GET/x"}}}, kind: ResARN, stage: "prod", verb: "GET"},
		{name: "a stage from a variable", in: partial.String{Parts: []partial.Part{{Lit: "execute-api:/"}, {Hole: true, Ref: "var.stage"}, {Lit: "/GET/*"}}}, kind: ResShorthand},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := ParseResource(tc.in)
			if r.Kind != tc.kind || r.APIRef != tc.apiRef || r.Stage != tc.stage || r.Verb != tc.verb {
				t.Errorf("ParseResource(%s) = %+v", tc.in, r)
			}
			if got := r.CoversAll(main); got != tc.all {
				t.Errorf("CoversAll = %v", got)
			}
			if got := !r.ValidVerb(); got != tc.badVerb {
				t.Errorf("invalid verb = %v", got)
			}
			if got := r.Problem != ""; got != tc.problemy {
				t.Errorf("problem = %q", r.Problem)
			}
		})
	}
}

func TestParseResourceIgnoresMarkerText(t *testing.T) {
	for _, s := range []partial.String{
		partial.Lit(partial.Marker(0) + "/*"),
		{Parts: []partial.Part{{Lit: "arn:aws:execute-api:r:a:" + partial.Marker(0) + "/*"}, {Hole: true}}},
	} {
		if r := ParseResource(s); r.Kind != ResUnknown {
			t.Errorf("ParseResource(%q) = %+v", s.String(), r)
		}
	}
}
