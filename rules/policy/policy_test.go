package policy

import (
	"testing"

	"github.com/zclconf/go-cty/cty"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/arn"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
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

func TestUnknownParts(t *testing.T) {
	text := partial.Lit(`{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "`).
		Append(partial.Unknown("var.action")).
		Append(partial.Lit(`", "Resource": "`)).
		Append(partial.Unknown("aws_api_gateway_rest_api.main.execution_arn")).
		Append(partial.Lit(`/*"}]}`))
	p := ParseJSONTemplate(text)
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
	r := arn.ParseResource(s.Resource.Items[0])
	if r.Kind != arn.ResExecutionARN || r.APIRef != "aws_api_gateway_rest_api.main" || !r.CoversAll("aws_api_gateway_rest_api.main") || r.CoversAll("aws_api_gateway_rest_api.other") {
		t.Errorf("resource = %+v", r)
	}
	// A hole outside a string is not JSON.
	if ParseJSONTemplate(partial.Lit(`{"Statement": `).Append(partial.Unknown("")).Append(partial.Lit(`}`))).Known {
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

func TestTri(t *testing.T) {
	if Yes.And(Maybe) != Maybe || No.Or(Maybe) != Maybe || Maybe.Not() != Maybe || Yes.Not() != No {
		t.Error("three-valued logic is wrong")
	}
}
