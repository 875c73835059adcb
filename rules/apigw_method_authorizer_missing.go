package rules

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/openapi"
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

// Check reports CUSTOM, COGNITO_USER_POOLS (REST) and CUSTOM, JWT (HTTP)
// authorization without authorizer_id, or with another API's authorizer. In
// a module call it reports at the caller's authorization.
func (r *ApigwMethodAuthorizerMissingRule) Check(runner tflint.Runner) error {
	g, err := apigw.LoadForCall(runner)
	if g == nil {
		return err
	}
	for _, m := range g.Methods() {
		if err := r.check(runner, g, m.Source, m.API(), m.Authorization(), m.AuthorizerID(), m.Authorizer, 1); err != nil {
			return err
		}
	}
	for _, route := range g.Routes() {
		if err := r.check(runner, g, route.Source, route.API(), route.Authorization(), route.AuthorizerID(), route.Authorizer, 2); err != nil {
			return err
		}
	}
	for _, m := range g.BodyMethods() {
		if err := r.undefined(runner, m.Source, m.UndefinedSchemes(), 1); err != nil {
			return err
		}
	}
	for _, route := range g.BodyRoutes() {
		if err := r.undefined(runner, route.Source, route.UndefinedSchemes(), 2); err != nil {
			return err
		}
	}
	return nil
}

// undefined reports the schemes an operation of a body names that the
// spec does not define.
func (r *ApigwMethodAuthorizerMissingRule) undefined(runner tflint.Runner, src apigw.Source, uses []openapi.SchemeUse, version int) error {
	for _, u := range uses {
		rng := src.Range
		if u.Pos.Editable() {
			rng = u.Pos.Range
		}
		msg := fmt.Sprintf("%s requires the security scheme %q, which the spec does not define: API Gateway has no authorizer to attach, so the import of the body fails and calls answer %s", src.Location, u.Name, apigw.Unmatched(version))
		if err := runner.EmitIssue(r, msg, rng); err != nil {
			return err
		}
	}
	return nil
}

// check reports one method or route.
func (r *ApigwMethodAuthorizerMissingRule) check(runner tflint.Runner, g *apigw.Graph, src apigw.Source, api *apigw.API, auth apigw.Authorization, id apigw.Setting, authorizer func() (apigw.AuthorizerView, bool), version int) error {
	if !auth.NeedsAuthorizer() {
		return nil
	}
	rejected := fmt.Sprintf("API Gateway rejects it with BadRequestException: Invalid authorizer ID specified, so the apply fails and calls answer %s", apigw.Unmatched(version))
	if !id.IsSet() {
		return emitFinding(runner, r, g, finding{
			Message:  fmt.Sprintf("%s has %s = %q but no authorizer_id: %s", src.Location, auth.Name, auth.Value, rejected),
			Range:    auth.Range(),
			Deciders: []hcl.Expression{auth.Expr()},
			Effect:   fmt.Sprintf("makes %s use %s authorization, but the module gives it no authorizer_id: %s", src.Location, auth.Value, rejected),
		})
	}
	authz, ok := authorizer()
	if !ok || authz.API() == api || !authz.API().Declared() || !api.Declared() {
		return nil
	}
	return emitFinding(runner, r, g, finding{
		Message: fmt.Sprintf("%s uses %s, an authorizer of %s, but belongs to %s: %s", src.Location, authz.Location, authz.API().Node.Address(), api.Node.Address(), rejected),
		Range:   id.Range(),
		// The authorizer is found by reference, never through a variable:
		// in a module call the module alone decides this one.
	})
}
