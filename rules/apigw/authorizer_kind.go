package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// REST authorizer types and the method authorization each one needs.
const (
	TokenAuthorizer   = "TOKEN"
	RequestAuthorizer = "REQUEST"
	CognitoAuthorizer = "COGNITO_USER_POOLS"
)

// AuthorizerKind returns a REST authorizer's type: TOKEN when type is left
// out (the AWS provider's default), REQUEST or COGNITO_USER_POOLS. known is
// false when the type is not proven or is not one of these.
func (g *Graph) AuthorizerKind(auth *Node) (kind string, known bool) {
	if auth == nil || auth.Type != Authorizer {
		return "", false
	}
	attr := auth.Attr("type")
	if !g.IsSet(attr) {
		return TokenAuthorizer, true
	}
	kind, known = g.String(attr)
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

// Authorization returns a REST method's authorization attribute and its
// value when the configuration proves it.
func (g *Graph) Authorization(m *Node) (attr *hclext.Attribute, value string, known bool) {
	attr = m.Attr("authorization")
	value, known = g.String(attr)
	return attr, value, known
}

// HasScopes reports whether a REST method sets authorization_scopes, which
// only a Cognito authorizer checks.
func (g *Graph) HasScopes(m *Node) bool { return g.IsSet(m.Attr("authorization_scopes")) }
