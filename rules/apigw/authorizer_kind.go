package apigw

// REST authorizer types and the method authorization each one needs.
const (
	TokenAuthorizer   = "TOKEN"
	RequestAuthorizer = "REQUEST"
	CognitoAuthorizer = "COGNITO_USER_POOLS"
)

// Kind returns a REST authorizer's type: TOKEN when type is left out (the
// AWS provider's default), REQUEST or COGNITO_USER_POOLS. known is false
// when the type is not proven, is not one of these, or the authorizer is an
// HTTP API's.
func (a AuthorizerView) Kind() (kind string, known bool) {
	if a.Version() != 1 {
		return "", false
	}
	typ := a.Type()
	if !typ.IsSet() {
		return TokenAuthorizer, true
	}
	kind, known = typ.String()
	switch kind {
	case TokenAuthorizer, RequestAuthorizer, CognitoAuthorizer:
		return kind, known
	}
	return "", false
}

// AuthorizationFor is the authorization a method must declare to use an
// authorizer of a kind: COGNITO_USER_POOLS for a Cognito authorizer,
// CUSTOM for a Lambda (TOKEN or REQUEST) one.
func AuthorizationFor(kind string) string {
	if kind == CognitoAuthorizer {
		return CognitoAuthorizer
	}
	return "CUSTOM"
}

// Scopes is a REST method's authorization_scopes setting, which only a
// Cognito authorizer checks.
func (m MethodView) Scopes() Setting { return m.setting("authorization_scopes") }
