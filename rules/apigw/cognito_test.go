package apigw

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

func TestCognitoPoolsAndIssuers(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
variable "region" {
  default = "eu-west-1"
}
variable "unknown" {}
resource "aws_cognito_user_pool" "p" {}
resource "aws_cognito_user_pool_client" "a" {
  user_pool_id = aws_cognito_user_pool.p.id
}
resource "aws_cognito_user_pool_client" "other" {
  user_pool_id = var.unknown
}
resource "aws_cognito_user_pool_domain" "d" {
  user_pool_id = aws_cognito_user_pool.p.id
}
`}), nil)
	pool := g.Lookup("aws_cognito_user_pool.p")
	if clients := g.PoolClients(pool); len(clients) != 1 || clients[0].Name != "a" {
		t.Fatalf("clients: %v", clients)
	}
	parse := func(src string) hcl.Expression {
		e, diags := hclsyntax.ParseExpression([]byte(src), "main.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", src, diags)
		}
		return e
	}
	for src, want := range map[string]*Node{"aws_cognito_user_pool.p.id": pool, "aws_cognito_user_pool_client.a.user_pool_id": pool, `"${aws_cognito_user_pool.p.id}"`: pool} {
		if got, isID := g.UserPoolOfID(parse(src)); !isID || got != want {
			t.Errorf("%s: %v %v", src, got, isID)
		}
	}
	for _, src := range []string{"aws_cognito_user_pool_client.a.id", "var.unknown", `"${aws_cognito_user_pool.p.id}x"`} {
		if _, isID := g.UserPoolOfID(parse(src)); isID {
			t.Errorf("%s is not a pool id", src)
		}
	}
	for src, want := range map[string]IssuerCheck{
		`"https://${aws_cognito_user_pool.p.endpoint}"`:                                       {Pool: pool},
		`aws_cognito_user_pool.p.endpoint`:                                                    {Fault: IssuerNoScheme, Pool: pool},
		`"https://${aws_cognito_user_pool.p.endpoint}/"`:                                      {Fault: IssuerTrailingSlash, Pool: pool},
		`"http://${aws_cognito_user_pool.p.endpoint}"`:                                        {Fault: IssuerNotPool, Pool: pool},
		`"https://cognito-idp.${var.region}.amazonaws.com/${aws_cognito_user_pool.p.id}"`:     {Pool: pool},
		`"cognito-idp.eu-west-1.amazonaws.com/${aws_cognito_user_pool.p.id}"`:                 {Fault: IssuerNoScheme, Pool: pool},
		`"https://cognito-idp.${var.unknown}.amazonaws.com/${aws_cognito_user_pool.p.id}"`:    {Pool: pool},
		`"https://cognito-idp.${var.unknown}.amazonaws.com/${aws_cognito_user_pool.p.id}/"`:   {Fault: IssuerTrailingSlash, Pool: pool},
		`"https://${aws_cognito_user_pool.p.id}"`:                                             {Fault: IssuerNotPool, Pool: pool},
		`"https://${aws_cognito_user_pool_domain.d.domain}.auth.eu-west-1.amazoncognito.com"`: {Fault: IssuerHostedUI, Pool: pool},
		`"https://login.auth.eu-west-1.amazoncognito.com"`:                                    {Fault: IssuerHostedUI},
		`"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc/"`:                        {Fault: IssuerTrailingSlash},
		`"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_abc"`:                         {},
		`"https://example.auth0.com/"`:                                                        {},
		`var.unknown`:                                                                         {},
		`"${var.unknown}${aws_cognito_user_pool.p.endpoint}"`:                                 {Pool: pool},
	} {
		if got := g.CognitoIssuer(parse(src)); got != want {
			t.Errorf("%s: %+v, want %+v", src, got, want)
		}
	}
}
