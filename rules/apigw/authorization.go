package apigw

// Authorization is how a method or route admits callers: the setting
// (authorization of a REST method, authorization_type of a route) and what
// API Gateway does with each value.
type Authorization struct {
	Setting
	// Value is the value as written ("NONE", "AWS_IAM", "CUSTOM",
	// "COGNITO_USER_POOLS", "JWT"); "" when Known is false.
	Value   string
	Known   bool
	version int
}

// authScheme is what API Gateway does with one authorization value, for
// REST APIs ([0]) and HTTP/WebSocket APIs ([1]).
type authScheme struct {
	// unauthenticated is the response to a request without credentials.
	unauthenticated [2]string
	// needsAuthorizer: the value takes an authorizer_id.
	needsAuthorizer [2]bool
}

// authSchemes is the one table of authorization values, v1 and v2.
var authSchemes = map[string]authScheme{
	"AWS_IAM":            {unauthenticated: [2]string{"403 Missing Authentication Token", "403 Forbidden"}},
	"CUSTOM":             {unauthenticated: [2]string{"401 Unauthorized", "401 Unauthorized"}, needsAuthorizer: [2]bool{true, true}},
	"COGNITO_USER_POOLS": {unauthenticated: [2]string{"401 Unauthorized", "401 Unauthorized"}, needsAuthorizer: [2]bool{true, false}},
	"JWT":                {unauthenticated: [2]string{"401 Unauthorized", "401 Unauthorized"}, needsAuthorizer: [2]bool{false, true}},
}

func newAuthorization(v view, name string) Authorization {
	a := Authorization{Setting: v.setting(name), version: v.Version()}
	a.Value, a.Known = a.String()
	return a
}

func (a Authorization) scheme() (authScheme, int) {
	i := 0
	if a.version == 2 {
		i = 1
	}
	return authSchemes[a.Value], i
}

// Open reports whether the configuration proves that anyone may call: NONE.
func (a Authorization) Open() bool { return a.Known && a.Value == "NONE" }

// Demands reports whether the configuration proves that callers must bring
// credentials: a known value other than NONE.
func (a Authorization) Demands() bool { return a.Known && a.Value != "NONE" }

// Is reports whether the value is known and is v.
func (a Authorization) Is(v string) bool { return a.Known && a.Value == v }

// NeedsAuthorizer reports whether the value is known to take an authorizer:
// CUSTOM or COGNITO_USER_POOLS on a REST method, CUSTOM or JWT on a route.
func (a Authorization) NeedsAuthorizer() bool {
	s, i := a.scheme()
	return a.Known && s.needsAuthorizer[i]
}

// Unauthenticated is the response to a request without credentials:
// 403 Missing Authentication Token (REST IAM), 401 Unauthorized (authorizers),
// else 403 Forbidden.
func (a Authorization) Unauthenticated() string {
	if s, i := a.scheme(); s.unauthenticated[i] != "" {
		return s.unauthenticated[i]
	}
	return "403 Forbidden"
}

// Unmatched is what API Gateway answers a call that matches no method
// (REST: 403 Missing Authentication Token) or no route (404 Not Found).
func Unmatched(version int) string {
	if version == 2 {
		return "404 Not Found"
	}
	return "403 Missing Authentication Token"
}
