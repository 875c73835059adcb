package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const jwtPool = `resource "aws_cognito_user_pool" "users" {
  name = "users"
}

resource "aws_cognito_user_pool_client" "web" {
  name         = "web"
  user_pool_id = aws_cognito_user_pool.users.id
}

resource "aws_cognito_user_pool_domain" "login" {
  domain       = "orders-login"
  user_pool_id = aws_cognito_user_pool.users.id
}
`

func jwtAuthorizer(audience, issuer string) string {
	return jwtPool + `
resource "aws_apigatewayv2_authorizer" "jwt" {
  api_id           = "abc"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]
  name             = "cognito"

  jwt_configuration {
    audience = ` + audience + `
    issuer   = ` + issuer + `
  }
}
`
}

const goodIssuer = `"https://${aws_cognito_user_pool.users.endpoint}"`

func badAudience(pool string) string {
	return "aws_apigatewayv2_authorizer.jwt's audience holds the user pool id of " + pool + " instead of an app client id: every token is refused with 401 Unauthorized (the token does not have a valid audience)"
}

func badIssuer(fault string) string {
	return "aws_apigatewayv2_authorizer.jwt's issuer " + fault + ": Cognito tokens carry iss https://cognito-idp.<region>.amazonaws.com/<pool id>, so every one is refused with 401 Unauthorized"
}

func TestApigwJwtAuthorizerConfig(t *testing.T) {
	runRuleCases(t, NewApigwJwtAuthorizerConfigRule(), []ruleCase{
		{
			Name:     "a pool id as audience becomes the pool's only client id",
			Content:  jwtAuthorizer(`[aws_cognito_user_pool.users.id]`, goodIssuer),
			Expected: helper.Issues{{Message: badAudience("aws_cognito_user_pool.users"), Range: at(22, 5, 22, 48)}},
			Fixed:    jwtAuthorizer(`[aws_cognito_user_pool_client.web.id]`, goodIssuer),
		},
		{
			Name:     "a client's user_pool_id is the pool id too",
			Content:  jwtAuthorizer(`[aws_cognito_user_pool_client.web.user_pool_id]`, goodIssuer),
			Expected: helper.Issues{{Message: badAudience("aws_cognito_user_pool.users"), Range: at(22, 5, 22, 63)}},
			Fixed:    jwtAuthorizer(`[aws_cognito_user_pool_client.web.id]`, goodIssuer),
		},
		{
			Name:     "the endpoint without https:// is fixed",
			Content:  jwtAuthorizer(`[aws_cognito_user_pool_client.web.id]`, `aws_cognito_user_pool.users.endpoint`),
			Expected: helper.Issues{{Message: badIssuer("lacks https://"), Range: at(23, 5, 23, 52)}},
			Fixed:    jwtAuthorizer(`[aws_cognito_user_pool_client.web.id]`, goodIssuer),
		},
		{
			Name:     "a trailing slash is fixed",
			Content:  jwtAuthorizer(`[aws_cognito_user_pool_client.web.id]`, `"https://cognito-idp.us-east-1.amazonaws.com/${aws_cognito_user_pool.users.id}/"`),
			Expected: helper.Issues{{Message: badIssuer("ends with a /"), Range: at(23, 5, 23, 96)}},
			Fixed:    jwtAuthorizer(`[aws_cognito_user_pool_client.web.id]`, goodIssuer),
		},
		{
			Name:     "the hosted UI domain is fixed through the domain's pool",
			Content:  jwtAuthorizer(`[aws_cognito_user_pool_client.web.id]`, `"https://${aws_cognito_user_pool_domain.login.domain}.auth.us-east-1.amazoncognito.com"`),
			Expected: helper.Issues{{Message: badIssuer("is the hosted UI domain, not the token issuer"), Range: at(23, 5, 23, 103)}},
			Fixed:    jwtAuthorizer(`[aws_cognito_user_pool_client.web.id]`, goodIssuer),
		},
		{
			Name:     "a literal issuer is reported without a fix",
			Content:  jwtAuthorizer(`["1example23456789"]`, `"cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE"`),
			Expected: helper.Issues{{Message: badIssuer("lacks https://"), Range: at(23, 5, 23, 71)}},
		},
		{
			Name: "two clients: no fix; a count pool: no fix",
			Content: jwtAuthorizer(`[aws_cognito_user_pool.users.id]`, goodIssuer) + `
resource "aws_cognito_user_pool_client" "mobile" {
  name         = "mobile"
  user_pool_id = aws_cognito_user_pool.users.id
}

resource "aws_cognito_user_pool" "tenants" {
  count = 2
  name  = "tenant-${count.index}"
}

resource "aws_apigatewayv2_authorizer" "tenant" {
  count           = 2
  api_id          = "abc"
  authorizer_type = "JWT"
  name            = "tenant"

  jwt_configuration {
    audience = [aws_cognito_user_pool.tenants[count.index].id]
    issuer   = "https://${aws_cognito_user_pool.tenants[count.index].endpoint}/"
  }
}
`,
			Expected: helper.Issues{
				{Message: badAudience("aws_cognito_user_pool.users"), Range: at(22, 5, 22, 48)},
				{Message: "aws_apigatewayv2_authorizer.tenant's audience holds the user pool id of aws_cognito_user_pool.tenants instead of an app client id: every token is refused with 401 Unauthorized (the token does not have a valid audience)", Range: at(44, 5, 44, 63)},
				{Message: "aws_apigatewayv2_authorizer.tenant's issuer ends with a /: Cognito tokens carry iss https://cognito-idp.<region>.amazonaws.com/<pool id>, so every one is refused with 401 Unauthorized", Range: at(45, 5, 45, 81)},
			},
		},
		{
			Name: "silent: right settings, unknown values, a client id beside the pool id, not JWT",
			Content: jwtAuthorizer(`[aws_cognito_user_pool_client.web.id, aws_cognito_user_pool.users.id]`, `"https://cognito-idp.${var.region}.amazonaws.com/${aws_cognito_user_pool.users.id}"`) + `
variable "region" {}
variable "issuer" {}
variable "audience" {}
variable "authorizer_type" {}

resource "aws_apigatewayv2_authorizer" "unknown" {
  api_id          = "abc"
  authorizer_type = "JWT"
  name            = "unknown"

  jwt_configuration {
    audience = var.audience
    issuer   = var.issuer
  }
}

resource "aws_apigatewayv2_authorizer" "maybe_jwt" {
  api_id          = "abc"
  authorizer_type = var.authorizer_type
  name            = "maybe"

  jwt_configuration {
    audience = [aws_cognito_user_pool.users.id]
    issuer   = aws_cognito_user_pool.users.endpoint
  }
}

resource "aws_apigatewayv2_authorizer" "auth0" {
  api_id          = "abc"
  authorizer_type = "JWT"
  name            = "auth0"

  jwt_configuration {
    audience = ["https://api.example.com"]
    issuer   = "https://example.eu.auth0.com/"
  }
}

resource "aws_apigatewayv2_authorizer" "local_base" {
  api_id          = "abc"
  authorizer_type = "JWT"
  name            = "local"

  jwt_configuration {
    audience = [data.aws_cognito_user_pool_client.c.id]
    issuer   = "${var.issuer}/${aws_cognito_user_pool.users.id}"
  }
}
`,
		},
	})
}
