package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwAuthorizerTypeMismatchRule reports REST methods whose authorization
// is not the kind of the authorizer they name.
type ApigwAuthorizerTypeMismatchRule struct {
	tflint.DefaultRule
}

// NewApigwAuthorizerTypeMismatchRule returns the rule.
func NewApigwAuthorizerTypeMismatchRule() *ApigwAuthorizerTypeMismatchRule {
	return &ApigwAuthorizerTypeMismatchRule{}
}

func (r *ApigwAuthorizerTypeMismatchRule) Name() string              { return "apigw_authorizer_type_mismatch" }
func (r *ApigwAuthorizerTypeMismatchRule) Enabled() bool             { return true }
func (r *ApigwAuthorizerTypeMismatchRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *ApigwAuthorizerTypeMismatchRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports CUSTOM methods with a Cognito authorizer and
// COGNITO_USER_POOLS methods with a Lambda (TOKEN or REQUEST) authorizer.
// The fix writes the authorizer's kind, except where that would drop the
// method's authorization_scopes.
func (r *ApigwAuthorizerTypeMismatchRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, m := range g.Resources(apigw.Method) {
		attr, authorization, known := g.Authorization(m)
		if !known || (authorization != "CUSTOM" && authorization != apigw.CognitoAuthorizer) {
			continue
		}
		auth := g.AuthorizerOf(m)
		kind, known := g.AuthorizerKind(auth)
		want := apigw.AuthorizationFor(kind)
		if !known || want == authorization {
			continue
		}
		msg := fmt.Sprintf("%s has authorization %q, but its authorizer %s is a %s authorizer, a pair API Gateway does not accept: terraform apply fails with BadRequestException (Invalid authorizer ID specified), or calls to the method are refused", m.Address(), authorization, auth.Address(), kind)
		err := runner.EmitIssueWithFix(r, msg, attr.Range, func(f tflint.Fixer) error {
			// Under CUSTOM the scopes would no longer be checked: a wider API.
			if m.InJSON() || len(attr.Expr.Variables()) > 0 || (want == "CUSTOM" && g.HasScopes(m)) {
				return tflint.ErrFixNotSupported
			}
			return f.ReplaceText(attr.Expr.Range(), fmt.Sprintf("%q", want))
		})
		if err != nil {
			return err
		}
	}
	return nil
}
