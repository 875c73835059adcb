package apigw

import "testing"

func TestAuthorizationTable(t *testing.T) {
	cases := []struct {
		value           string
		version         int
		needsAuthorizer bool
		unauthenticated string
	}{
		{"NONE", 1, false, "403 Forbidden"},
		{"AWS_IAM", 1, false, "403 Missing Authentication Token"},
		{"AWS_IAM", 2, false, "403 Forbidden"},
		{"CUSTOM", 1, true, "401 Unauthorized"},
		{"CUSTOM", 2, true, "401 Unauthorized"},
		{"COGNITO_USER_POOLS", 1, true, "401 Unauthorized"},
		{"COGNITO_USER_POOLS", 2, false, "401 Unauthorized"},
		{"JWT", 2, true, "401 Unauthorized"},
		{"JWT", 1, false, "401 Unauthorized"},
		{"SOMETHING", 1, false, "403 Forbidden"},
	}
	for _, tc := range cases {
		a := Authorization{Value: tc.value, Known: true, version: tc.version}
		if a.NeedsAuthorizer() != tc.needsAuthorizer || a.Unauthenticated() != tc.unauthenticated {
			t.Errorf("%s v%d: needs authorizer %v, unauthenticated %q", tc.value, tc.version, a.NeedsAuthorizer(), a.Unauthenticated())
		}
		if a.Open() != (tc.value == "NONE") || a.Demands() == a.Open() {
			t.Errorf("%s: open %v, demands %v", tc.value, a.Open(), a.Demands())
		}
	}
	if unknown := (Authorization{Value: "CUSTOM"}); unknown.NeedsAuthorizer() || unknown.Demands() || unknown.Is("CUSTOM") {
		t.Error("an unknown authorization is judged")
	}
	if Unmatched(1) != "403 Missing Authentication Token" || Unmatched(2) != "404 Not Found" {
		t.Error("unmatched responses")
	}
}
