package policy

import (
	"testing"

	"github.com/zclconf/go-cty/cty"
)

const invoke = "execute-api:Invoke"

func TestParseJSONReadsEveryElement(t *testing.T) {
	p := ParseJSON(`{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "vpce",
      "Effect": "Allow",
      "Principal": "*",
      "Action": "execute-api:Invoke",
      "Resource": ["execute-api:/prod/GET/items", "execute-api:/*"],
      "Condition": {"StringEquals": {"aws:SourceVpce": ["vpce-1", "vpce-2"]}, "Bool": {"aws:SecureTransport": true}}
    },
    {
      "Effect": "Deny",
      "Principal": {"AWS": ["arn:aws:iam::123456789012:root"]},
      "NotAction": "execute-api:ManageConnections",
      "NotResource": "execute-api:/prod/*"
    }
  ]
}`)
	if !p.Complete() || len(p.Statements) != 2 {
		t.Fatalf("policy = %+v", p)
	}
	s := p.Statements[0]
	if s.Sid != "vpce" || s.Effect != "Allow" || !s.Principal.Anyone || len(s.Resource.Items) != 2 {
		t.Errorf("first statement = %+v", s)
	}
	if len(s.Conditions) != 2 || s.Conditions[0].Operator != "Bool" || s.Conditions[1].Key != "aws:SourceVpce" || len(s.Conditions[1].Values) != 2 {
		t.Errorf("conditions = %+v", s.Conditions)
	}
	if v, _ := s.Conditions[0].Values[0].Known(); v != "true" {
		t.Errorf("a boolean condition value reads %q", v)
	}
	d := p.Statements[1]
	if d.Effect != "Deny" || d.Anonymous() != No || d.Grants(invoke) != Yes || !d.NotResource.Set {
		t.Errorf("second statement = %+v", d)
	}
	if p.Allows(invoke) != Yes {
		t.Error("the Allow statement is not seen")
	}
}

func TestMalformedJSONIsUnknown(t *testing.T) {
	for _, text := range []string{
		``, `{`, `{"Statement": [}`, `[]`, `"text"`, `{} {}`, `{"a":1}x`, "\x00", `null`,
	} {
		p := ParseJSON(text)
		if p.Known && text != `{"a":1}x` {
			if p.Complete() {
				t.Errorf("%q reads as a complete policy: %+v", text, p)
			}
		}
		if p.Allows(invoke) != Maybe && !p.Known {
			t.Errorf("%q: an unknown policy must answer Maybe", text)
		}
	}
	if p := ParseJSON(`{"Version": "2012-10-17"}`); !p.Complete() || p.Allows(invoke) != No {
		t.Errorf("a policy without statements allows nothing: %+v", p)
	}
}

func TestStatementShapes(t *testing.T) {
	cases := []struct {
		name, json string
		allows     Tri
	}{
		{"a single statement object", `{"Statement": {"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "*"}}`, Yes},
		{"execute-api:*", `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:*", "Resource": "*"}]}`, Yes},
		{"*", `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}]}`, Yes},
		{"a prefix wildcard", `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Inv*", "Resource": "*"}]}`, Yes},
		{"case-insensitive", `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "EXECUTE-API:invoke", "Resource": "*"}]}`, Yes},
		{"another action", `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:ManageConnections", "Resource": "*"}]}`, No},
		{"a question mark", `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invok?", "Resource": "*"}]}`, Yes},
		{"NotAction leaving Invoke in", `{"Statement": [{"Effect": "Allow", "Principal": "*", "NotAction": "s3:*", "Resource": "*"}]}`, Yes},
		{"NotAction taking Invoke out", `{"Statement": [{"Effect": "Allow", "Principal": "*", "NotAction": "execute-api:*", "Resource": "*"}]}`, No},
		{"only a Deny", `{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "*"}]}`, No},
		{"an invalid effect", `{"Statement": [{"Effect": "allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "*"}]}`, Maybe},
		{"an unknown Statement element", `{"Statement": "x"}`, Maybe},
		{"an unknown statement", `{"Statement": [1]}`, Maybe},
		{"no action at all", `{"Statement": [{"Effect": "Allow", "Principal": "*", "Resource": "*"}]}`, No},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := ParseJSON(tc.json).Allows(invoke); got != tc.allows {
				t.Errorf("Allows = %v, want %v", got, tc.allows)
			}
		})
	}
}

func TestPrincipals(t *testing.T) {
	cases := []struct {
		principal string
		anonymous Tri
	}{
		{`"*"`, Yes},
		{`{"AWS": "*"}`, Yes},
		{`{"AWS": ["arn:aws:iam::1:root", "*"]}`, Yes},
		{`{"AWS": "arn:aws:iam::1:root"}`, No},
		{`{"Service": "lambda.amazonaws.com"}`, No},
		{`"arn:aws:iam::1:root"`, Maybe},
		{`7`, Maybe},
	}
	for _, tc := range cases {
		p := ParseJSON(`{"Statement": [{"Effect": "Allow", "Principal": ` + tc.principal + `, "Action": "*"}]}`)
		if got := p.Statements[0].Anonymous(); got != tc.anonymous {
			t.Errorf("Principal %s: Anonymous = %v, want %v", tc.principal, got, tc.anonymous)
		}
	}
	p := ParseJSON(`{"Statement": [{"Effect": "Allow", "NotPrincipal": {"AWS": "x"}, "Action": "*"}]}`)
	if got := p.Statements[0].Anonymous(); got != Maybe {
		t.Errorf("NotPrincipal: Anonymous = %v, want Maybe", got)
	}
}

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

func TestUnknownParts(t *testing.T) {
	holes := []Part{
		{Unknown: true, Ref: "aws_api_gateway_rest_api.main.execution_arn"},
		{Unknown: true, Ref: "var.action"},
	}
	text := `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "` + HoleMarker(1) + `", "Resource": "` + HoleMarker(0) + `/*"}]}`
	p := ParseJSONTemplate(text, holes)
	if !p.Complete() {
		t.Fatalf("policy = %+v", p)
	}
	s := p.Statements[0]
	if got := s.Resource.Items[0].String(); got != "${aws_api_gateway_rest_api.main.execution_arn}/*" {
		t.Errorf("resource = %q", got)
	}
	if p.Allows(invoke) != Maybe {
		t.Error("an Allow with an unknown action must answer Maybe")
	}
	r := ParseResource(s.Resource.Items[0])
	if r.Kind != ResExecutionARN || r.APIRef != "aws_api_gateway_rest_api.main" || !r.CoversAll("aws_api_gateway_rest_api.main") || r.CoversAll("aws_api_gateway_rest_api.other") {
		t.Errorf("resource = %+v", r)
	}
	// A hole outside a string is not JSON.
	if ParseJSONTemplate(`{"Statement": `+HoleMarker(0)+`}`, holes).Known {
		t.Error("a hole in place of the Statement element gives a known policy")
	}
	// An unknown Action list.
	l := ListValue(UnknownValue("var.actions", Value{}.Range))
	if l.Known || l.Matches(invoke, true) != Maybe {
		t.Errorf("unknown list = %+v", l)
	}
}

func TestFromCty(t *testing.T) {
	obj := cty.ObjectVal(map[string]cty.Value{
		"Version": cty.StringVal("2012-10-17"),
		"Statement": cty.TupleVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{
			"Effect":    cty.StringVal("Allow"),
			"Principal": cty.ObjectVal(map[string]cty.Value{"AWS": cty.StringVal("*")}),
			"Action":    cty.ListVal([]cty.Value{cty.StringVal("execute-api:Invoke")}),
			"Resource":  cty.StringVal("execute-api:/*"),
			"Condition": cty.ObjectVal(map[string]cty.Value{"NumericLessThan": cty.ObjectVal(map[string]cty.Value{"aws:EpochTime": cty.NumberIntVal(5)})}),
		})}),
	})
	p := FromCty(obj)
	if !p.Complete() || p.Allows(invoke) != Yes || p.Statements[0].Anonymous() != Yes || p.Statements[0].Unconditional() != No {
		t.Errorf("from an object: %+v", p)
	}
	if v, _ := p.Statements[0].Conditions[0].Values[0].Known(); v != "5" {
		t.Errorf("a number condition value reads %q", v)
	}
	str := cty.StringVal(`{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*"}]}`)
	if p := FromCty(str); !p.Complete() || p.Allows(invoke) != No {
		t.Errorf("from a JSON string: %+v", p)
	}
	for _, v := range []cty.Value{cty.NilVal, cty.UnknownVal(cty.String), cty.NullVal(cty.String), cty.StringVal("not json")} {
		if FromCty(v).Known {
			t.Errorf("%#v reads as a known policy", v)
		}
	}
	partial := cty.ObjectVal(map[string]cty.Value{"Statement": cty.UnknownVal(cty.DynamicPseudoType)})
	if p := FromCty(partial); p.Complete() || p.Allows(invoke) != Maybe {
		t.Errorf("an unknown Statement: %+v", p)
	}
}

func TestFromOpenAPI(t *testing.T) {
	doc, ok := ParseJSONTree(`{"openapi": "3.0.1", "x-amazon-apigateway-policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*"}]}}`, nil)
	if !ok {
		t.Fatal("not read")
	}
	p, present := FromOpenAPI(doc)
	if present != Yes || p.Allows(invoke) != Yes {
		t.Errorf("policy = %+v, present %v", p, present)
	}
	doc, _ = ParseJSONTree(`{"openapi": "3.0.1", "paths": {}}`, nil)
	if p, present := FromOpenAPI(doc); present != No || p != nil {
		t.Errorf("a body without a policy: %v", present)
	}
	doc, _ = ParseJSONTree(`{"x-amazon-apigateway-policy": "{\"Statement\": []}"}`, nil)
	if p, present := FromOpenAPI(doc); present != Yes || !p.Complete() {
		t.Errorf("a policy as a JSON string: %+v", p)
	}
	if _, present := FromOpenAPI(Value{}); present != Maybe {
		t.Error("an unknown body may have a policy")
	}
}

func TestParseResource(t *testing.T) {
	main := "aws_api_gateway_rest_api.main"
	ref := func(ref string, rest string) Str {
		return Str{Parts: []Part{{Unknown: true, Ref: ref}, {Lit: rest}}}
	}
	cases := []struct {
		name     string
		in       Str
		kind     ResourceKind
		apiRef   string
		stage    string
		verb     string
		all      bool
		badVerb  bool
		problemy bool
	}{
		{name: "star", in: Lit("*"), kind: ResAny, all: true},
		{name: "shorthand all", in: Lit("execute-api:/*"), kind: ResShorthand, all: true},
		{name: "shorthand method", in: Lit("execute-api:/prod/GET/items"), kind: ResShorthand, stage: "prod", verb: "GET"},
		{name: "shorthand lowercase verb", in: Lit("execute-api:/prod/get/items"), kind: ResShorthand, stage: "prod", verb: "get", badVerb: true},
		{name: "ANY is no verb in an ARN", in: Lit("execute-api:/prod/ANY/items"), kind: ResShorthand, stage: "prod", verb: "ANY", badVerb: true},
		{name: "execution_arn", in: ref(main+".execution_arn", "/*"), kind: ResExecutionARN, apiRef: main, all: true},
		{name: "execution_arn of another API", in: ref("aws_api_gateway_rest_api.other.execution_arn", "/*"), kind: ResExecutionARN, apiRef: "aws_api_gateway_rest_api.other"},
		{name: "execution_arn alone", in: ref(main+".execution_arn", ""), kind: ResMalformed, apiRef: main, problemy: true},
		{name: "execution_arn stage only", in: ref(main+".execution_arn", "/prod"), kind: ResMalformed, apiRef: main, stage: "prod", problemy: true},
		{name: "execution_arn three stars", in: ref(main+".execution_arn", "/*/*/*"), kind: ResExecutionARN, apiRef: main, all: true},
		{name: "an ARN with a literal id", in: Lit("arn:aws:execute-api:us-east-1:123456789012:abc123/prod/POST/*"), kind: ResARN, stage: "prod", verb: "POST"},
		{name: "an ARN with wildcards", in: Lit("arn:aws:execute-api:*:*:*"), kind: ResAny, all: true},
		{name: "a short wildcard ARN", in: Lit("arn:aws:execute-api:*"), kind: ResAny, all: true},
		{name: "an ARN of another service", in: Lit("arn:aws:s3:::bucket/*"), kind: ResMalformed, problemy: true},
		{name: "an incomplete ARN", in: Lit("arn:aws:execute-api:us-east-1"), kind: ResMalformed, problemy: true},
		{name: "an ARN without stage", in: Lit("arn:aws:execute-api:us-east-1:1:abc"), kind: ResMalformed, problemy: true},
		{name: "not an ARN", in: Lit("execute-api:Invoke/prod"), kind: ResMalformed, problemy: true},
		{name: "a bare word", in: Lit("items"), kind: ResMalformed, problemy: true},
		{name: "an ARN with the API's id", in: Str{Parts: []Part{{Lit: "arn:aws:execute-api:us-east-1:1:"}, {Unknown: true, Ref: "aws_api_gateway_rest_api.other.id"}, {Lit: "/*"}}}, kind: ResARN, apiRef: "aws_api_gateway_rest_api.other"},
		{name: "an ARN from a variable", in: Str{Parts: []Part{{Unknown: true, Ref: "var.arn"}}}, kind: ResUnknown},
		{name: "an unknown region", in: Str{Parts: []Part{{Lit: "arn:aws:execute-api:"}, {Unknown: true, Ref: "var.region"}, {Lit: ":1:abc/prod/GET/x"}}}, kind: ResARN, stage: "prod", verb: "GET"},
		{name: "a stage from a variable", in: Str{Parts: []Part{{Lit: "execute-api:/"}, {Unknown: true, Ref: "var.stage"}, {Lit: "/GET/*"}}}, kind: ResShorthand},
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

func TestTri(t *testing.T) {
	if Yes.And(Maybe) != Maybe || No.Or(Maybe) != Maybe || Maybe.Not() != Maybe || Yes.Not() != No {
		t.Error("three-valued logic is wrong")
	}
}

func TestParseResourceIgnoresControlCharacters(t *testing.T) {
	for _, s := range []Str{
		Lit("\x015\x02/*"),
		{Parts: []Part{{Lit: "arn:aws:execute-api:r:a:\x019\x02/*"}, {Unknown: true}}},
	} {
		if r := ParseResource(s); r.Kind != ResUnknown {
			t.Errorf("ParseResource(%q) = %+v", s.String(), r)
		}
	}
}
