package arn

import (
	"testing"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

// FuzzParseResource feeds arbitrary text, with marker text standing for
// holes, to the ARN reader and the matcher: they must never panic, and a
// pattern with holes must match whatever its literal reading matches.
func FuzzParseResource(f *testing.F) {
	for _, seed := range []string{
		"*", "execute-api:/*", "execute-api:/prod/GET/items", "arn:aws:execute-api:us-east-1:1:abc/prod/POST/*",
		"arn:aws:execute-api:*", "arn:aws:s3:::b/*", partial.Marker(0) + "/*/GET/x",
		"arn:aws:execute-api:" + partial.Marker(0) + ":1:" + partial.Marker(1) + "/*",
		"arn:" + partial.Marker(3) + ":execute-api", "execute-api:/" + partial.Marker(0), "?", "", "arn:::::/",
	} {
		f.Add(seed, "arn:aws:execute-api:us-east-1:1:abc/prod/GET/items")
	}
	holes := []partial.Part{
		{Hole: true, Ref: "aws_api_gateway_rest_api.main.execution_arn"},
		{Hole: true, Ref: "aws_api_gateway_rest_api.main.id"},
	}
	f.Fuzz(func(t *testing.T, text, subject string) {
		if len(text) > 512 || len(subject) > 512 {
			return // the matcher is quadratic by design; keep runs fast
		}
		s := partial.Unmark(text, holes)
		r := ParseResource(s)
		_, _ = r.CoversAll("aws_api_gateway_rest_api.main"), r.ValidVerb()
		_ = BaseAddress(r.APIRef)
		literal := ParsePattern(text).Matches(ARN{}.Text(subject))
		if literal != Match(text, subject) {
			t.Fatalf("Match and Matches disagree on %q, %q", text, subject)
		}
		// A hole is a wildcard: it matches whatever its marker text matched.
		wide := PatternOf(s, nil)
		if literal && !wide.Matches(ARN{}.Text(subject)) {
			t.Fatalf("PatternOf(%q) does not match what the text matches", text)
		}
		_ = wide.Matches(ARN{}.ExecutionARN(Key{Name: "aws_api_gateway_rest_api.main", Definite: true}).Text("/").Some().Text("/GET/").Every())
		_ = wide.String()
	})
}
