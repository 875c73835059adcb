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
	for _, m := range g.Methods() {
		authorization := m.Authorization()
		if !authorization.Is("CUSTOM") && !authorization.Is(apigw.CognitoAuthorizer) {
			continue
		}
		auth, found := m.Authorizer()
		if !found {
			continue
		}
		kind, known := auth.Kind()
		want := apigw.AuthorizationFor(kind)
		if !known || want == authorization.Value {
			continue
		}
		msg := fmt.Sprintf("%s has authorization %q, but its authorizer %s is a %s authorizer, a pair API Gateway does not accept: terraform apply fails with BadRequestException (Invalid authorizer ID specified), or calls to the method are refused", m.Location, authorization.Value, auth.Location, kind)
		err := runner.EmitIssueWithFix(r, msg, authorization.Range(), func(f tflint.Fixer) error {
			// Under CUSTOM the scopes would no longer be checked: a wider API.
			expr := authorization.Expr()
			if !m.CanEdit() || expr == nil || len(expr.Variables()) > 0 || (want == "CUSTOM" && m.Scopes().IsSet()) {
				return tflint.ErrFixNotSupported
			}
			return f.ReplaceText(expr.Range(), fmt.Sprintf("%q", want))
		})
		if err != nil {
			return err
		}
	}
	return nil
}
