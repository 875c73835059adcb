package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwJwtAuthorizerConfigRule reports HTTP API JWT authorizers set up for
// a Cognito user pool with an audience or issuer no Cognito token matches.
type ApigwJwtAuthorizerConfigRule struct {
	tflint.DefaultRule
}

// NewApigwJwtAuthorizerConfigRule returns the rule.
func NewApigwJwtAuthorizerConfigRule() *ApigwJwtAuthorizerConfigRule {
	return &ApigwJwtAuthorizerConfigRule{}
}

func (r *ApigwJwtAuthorizerConfigRule) Name() string              { return "apigw_jwt_authorizer_config" }
func (r *ApigwJwtAuthorizerConfigRule) Enabled() bool             { return true }
func (r *ApigwJwtAuthorizerConfigRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwJwtAuthorizerConfigRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports an audience made only of user pool ids, and an issuer that
// is not the pool's https://cognito-idp.<region>.amazonaws.com/<pool id>.
func (r *ApigwJwtAuthorizerConfigRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, auth := range g.Authorizers() {
		jwt, ok := auth.JWT()
		if !ok {
			continue
		}
		if err := r.audience(runner, g, auth, jwt.Audience); err != nil {
			return err
		}
		if err := r.issuer(runner, g, auth, jwt.Issuer); err != nil {
			return err
		}
	}
	return nil
}

func (r *ApigwJwtAuthorizerConfigRule) audience(runner tflint.Runner, g *apigw.Graph, auth apigw.AuthorizerView, attr *hclext.Attribute) error {
	entries, ok := apigw.AudienceEntries(attr)
	if !ok || len(entries) == 0 {
		return nil
	}
	pools := make([]*apigw.Node, len(entries))
	for i, e := range entries {
		pool, isID := g.UserPoolOfID(e)
		if !isID {
			return nil // an entry that may be a client id lets its tokens in
		}
		pools[i] = pool
	}
	label := "a user pool"
	if pools[0] != nil {
		label = pools[0].Address()
	}
	msg := fmt.Sprintf("%s's audience holds the user pool id of %s instead of an app client id: every token is refused with 401 Unauthorized (the token does not have a valid audience)", auth.Location, label)
	return runner.EmitIssueWithFix(r, msg, attr.Range, func(f tflint.Fixer) error {
		if !auth.CanEdit() {
			return tflint.ErrFixNotSupported
		}
		var clients []*apigw.Node
		for _, pool := range pools {
			if pool == nil || !pool.Source().Single() {
				return tflint.ErrFixNotSupported
			}
			of := g.PoolClients(pool)
			if len(of) != 1 || !of[0].Source().Single() {
				return tflint.ErrFixNotSupported
			}
			clients = append(clients, of[0])
		}
		for i, e := range entries {
			if err := f.ReplaceText(e.Range(), clients[i].Reference("id")); err != nil {
				return err
			}
		}
		return nil
	})
}

func (r *ApigwJwtAuthorizerConfigRule) issuer(runner tflint.Runner, g *apigw.Graph, auth apigw.AuthorizerView, attr *hclext.Attribute) error {
	if attr == nil {
		return nil
	}
	check := g.CognitoIssuer(attr.Expr)
	if check.Fault == "" {
		return nil
	}
	msg := fmt.Sprintf("%s's issuer %s: Cognito tokens carry iss https://cognito-idp.<region>.amazonaws.com/<pool id>, so every one is refused with 401 Unauthorized", auth.Location, check.Fault)
	return runner.EmitIssueWithFix(r, msg, attr.Range, func(f tflint.Fixer) error {
		pool := check.Pool
		if !auth.CanEdit() || pool == nil || !pool.Source().Single() {
			return tflint.ErrFixNotSupported
		}
		return f.ReplaceText(attr.Expr.Range(), `"https://${`+pool.Address()+`.endpoint}"`)
	})
}
