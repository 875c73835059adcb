package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwMethodAuthorizerMissingRule reports methods and routes that need an
// authorizer and have none of their own API.
type ApigwMethodAuthorizerMissingRule struct {
	tflint.DefaultRule
}

// NewApigwMethodAuthorizerMissingRule returns the rule.
func NewApigwMethodAuthorizerMissingRule() *ApigwMethodAuthorizerMissingRule {
	return &ApigwMethodAuthorizerMissingRule{}
}

func (r *ApigwMethodAuthorizerMissingRule) Name() string              { return "apigw_method_authorizer_missing" }
func (r *ApigwMethodAuthorizerMissingRule) Enabled() bool             { return true }
func (r *ApigwMethodAuthorizerMissingRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwMethodAuthorizerMissingRule) Link() string              { return project.ReferenceLink(r.Name()) }

// authorizedKinds says, per method or route type, which argument names the
// authorization, which values need an authorizer, and what callers get
// while the resource cannot be created.
var authorizedKinds = []struct {
	typ, attr, symptom string
	needs              map[string]bool
}{
	{apigw.Method, "authorization", "403 Missing Authentication Token", map[string]bool{"CUSTOM": true, "COGNITO_USER_POOLS": true}},
	{apigw.V2Route, "authorization_type", "404 Not Found", map[string]bool{"CUSTOM": true, "JWT": true}},
}

// Check reports CUSTOM, COGNITO_USER_POOLS (REST) and CUSTOM, JWT (HTTP)
// authorization without authorizer_id, or with another API's authorizer.
func (r *ApigwMethodAuthorizerMissingRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, kind := range authorizedKinds {
		for _, n := range g.Resources(kind.typ) {
			auth, known := g.String(n.Attr(kind.attr))
			if !known || !kind.needs[auth] {
				continue
			}
			rejected := fmt.Sprintf("API Gateway rejects it with BadRequestException: Invalid authorizer ID specified, so the apply fails and calls answer %s", kind.symptom)
			if !g.IsSet(n.Attr("authorizer_id")) {
				msg := fmt.Sprintf("%s has %s = %q but no authorizer_id: %s", n.Address(), kind.attr, auth, rejected)
				if err := runner.EmitIssue(r, msg, n.Attr(kind.attr).Range); err != nil {
					return err
				}
				continue
			}
			authz := g.AuthorizerOf(n)
			if authz == nil || authz.API == n.API || !authz.API.Declared() || !n.API.Declared() {
				continue
			}
			msg := fmt.Sprintf("%s uses %s, an authorizer of %s, but belongs to %s: %s", n.Address(), authz.Address(), authz.API.Node.Address(), n.API.Node.Address(), rejected)
			if err := runner.EmitIssue(r, msg, n.Attr("authorizer_id").Range); err != nil {
				return err
			}
		}
	}
	return nil
}
