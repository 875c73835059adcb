package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwAPIKeySourceAuthorizerRule reports key-requiring methods without a
// Lambda authorizer on APIs that take keys from Lambda authorizers.
type ApigwAPIKeySourceAuthorizerRule struct {
	tflint.DefaultRule
}

// NewApigwAPIKeySourceAuthorizerRule returns the rule.
func NewApigwAPIKeySourceAuthorizerRule() *ApigwAPIKeySourceAuthorizerRule {
	return &ApigwAPIKeySourceAuthorizerRule{}
}

func (r *ApigwAPIKeySourceAuthorizerRule) Name() string              { return "apigw_api_key_source_authorizer" }
func (r *ApigwAPIKeySourceAuthorizerRule) Enabled() bool             { return true }
func (r *ApigwAPIKeySourceAuthorizerRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *ApigwAPIKeySourceAuthorizerRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports, on APIs with api_key_source = "AUTHORIZER", methods that
// require a key and whose authorization is known and not CUSTOM.
func (r *ApigwAPIKeySourceAuthorizerRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, api := range g.APIs() {
		if api.Version != 1 || !api.Declared() {
			continue
		}
		if source, _ := api.KeySource(); source != "AUTHORIZER" {
			continue
		}
		for _, m := range append(api.Methods(), api.BodyMethods()...) {
			auth := m.Authorization()
			if !m.RequiresKey() || !auth.Known || auth.Value == "CUSTOM" {
				continue
			}
			has := fmt.Sprintf("has authorization = %q", auth.Value)
			if m.FromBody() {
				has = "its security names no Lambda authorizer"
			}
			msg := fmt.Sprintf("%s requires an API key but %s, while %s takes keys only from a Lambda authorizer (api_key_source = \"AUTHORIZER\"): no Lambda authorizer runs for this method to supply the key, so every call answers 403 Forbidden, even with an x-api-key header",
				m.Location, has, api.Node.Address())
			if err := runner.EmitIssue(r, msg, auth.Range()); err != nil {
				return err
			}
		}
	}
	return nil
}
