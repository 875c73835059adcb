package policy

import (
	"testing"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

const main = "aws_api_gateway_rest_api.main"

func TestDeniesAll(t *testing.T) {
	execARN := partial.Lit(`{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "`).
		Append(partial.Unknown(main + ".execution_arn")).
		Append(partial.Lit(`/*"}]}`))
	cases := []struct {
		name string
		p    *Policy
		want bool
	}{
		{"deny everyone everything", ParseJSON(`{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*"}]}`), true},
		{"deny with a wildcard action", ParseJSON(`{"Statement": {"Effect": "Deny", "Principal": {"AWS": "*"}, "Action": "*", "Resource": "*"}}`), true},
		{"deny on the API's execution_arn", ParseJSONTemplate(execARN), true},
		{"deny one method", ParseJSON(`{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/prod/GET/x"}]}`), false},
		{"a conditional deny", ParseJSON(`{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*", "Condition": {"StringNotEquals": {"aws:SourceVpce": "vpce-1"}}}]}`), false},
		{"deny one principal", ParseJSON(`{"Statement": [{"Effect": "Deny", "Principal": {"AWS": "arn:aws:iam::1:root"}, "Action": "execute-api:Invoke", "Resource": "execute-api:/*"}]}`), false},
		{"an allow", ParseJSON(`{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*"}]}`), false},
		{"an unknown policy", Unknown(), false},
		{"no policy", nil, false},
	}
	for _, tc := range cases {
		if got := tc.p.DeniesAll(main); got != tc.want {
			t.Errorf("%s: DeniesAll = %v, want %v", tc.name, got, tc.want)
		}
	}
	if ParseJSONTemplate(execARN).DeniesAll("aws_api_gateway_rest_api.other") {
		t.Error("a deny on one API's execution_arn denies another API")
	}
}

func TestAllowsOnlyIAMPrincipals(t *testing.T) {
	cases := []struct {
		name, doc string
		want      bool
	}{
		{"an account principal", `{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"}, "Action": "execute-api:Invoke", "Resource": "*"}]}`, true},
		{"anyone", `{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "*"}]}`, false},
		{"AWS *", `{"Statement": [{"Effect": "Allow", "Principal": {"AWS": ["arn:aws:iam::1:root", "*"]}, "Action": "execute-api:Invoke", "Resource": "*"}]}`, false},
		{"no Allow of Invoke", `{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"}, "Action": "s3:GetObject", "Resource": "*"}]}`, false},
		{"a Deny only", `{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "*"}]}`, false},
		{"an unknown statement", `{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"}, "Action": "execute-api:Invoke", "Resource": "*"}, 3]}`, false},
		{"malformed", `{`, false},
	}
	for _, tc := range cases {
		if got := ParseJSON(tc.doc).AllowsOnlyIAMPrincipals(); got != tc.want {
			t.Errorf("%s: AllowsOnlyIAMPrincipals = %v, want %v", tc.name, got, tc.want)
		}
	}
	unknownAction := partial.Lit(`{"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"}, "Action": "`).
		Append(partial.Unknown("var.action")).Append(partial.Lit(`", "Resource": "*"}]}`))
	if ParseJSONTemplate(unknownAction).AllowsOnlyIAMPrincipals() {
		t.Error("an Allow of an unknown action proves IAM principals only")
	}
}

func TestVpcOnlyCondition(t *testing.T) {
	cases := []struct {
		name, cond, key string
		ok              bool
	}{
		{"StringEquals vpce", `{"StringEquals": {"aws:SourceVpce": "vpce-1"}}`, "aws:SourceVpce", true},
		{"case-insensitive key", `{"StringEquals": {"aws:sourcevpce": "vpce-1"}}`, "aws:sourcevpce", true},
		{"ForAnyValue StringLike vpc", `{"ForAnyValue:StringLike": {"aws:SourceVpc": "vpc-*"}}`, "aws:SourceVpc", true},
		{"ArnLike", `{"ArnLike": {"aws:SourceVpc": "vpc-1"}}`, "aws:SourceVpc", true},
		{"Null false", `{"Null": {"aws:SourceVpce": "false"}}`, "aws:SourceVpce", true},
		{"Null true", `{"Null": {"aws:SourceVpce": "true"}}`, "", false},
		{"IfExists", `{"StringEqualsIfExists": {"aws:SourceVpce": "vpce-1"}}`, "", false},
		{"negated", `{"StringNotEquals": {"aws:SourceVpce": "vpce-1"}}`, "", false},
		{"ForAllValues", `{"ForAllValues:StringEquals": {"aws:SourceVpce": "vpce-1"}}`, "", false},
		{"another key", `{"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}`, "", false},
	}
	for _, tc := range cases {
		p := ParseJSON(`{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "*", "Condition": ` + tc.cond + `}]}`)
		c, ok := p.Statements[0].VpcOnlyCondition()
		if ok != tc.ok || c.Key != tc.key {
			t.Errorf("%s: VpcOnlyCondition = %+v, %v; want key %q, %v", tc.name, c, ok, tc.key, tc.ok)
		}
	}
}
