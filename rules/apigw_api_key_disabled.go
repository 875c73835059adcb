package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwAPIKeyDisabledRule reports disabled API keys that a usage plan key
// attaches: the key is handed out but refused.
type ApigwAPIKeyDisabledRule struct {
	tflint.DefaultRule
}

// NewApigwAPIKeyDisabledRule returns the rule.
func NewApigwAPIKeyDisabledRule() *ApigwAPIKeyDisabledRule {
	return &ApigwAPIKeyDisabledRule{}
}

func (r *ApigwAPIKeyDisabledRule) Name() string              { return "apigw_api_key_disabled" }
func (r *ApigwAPIKeyDisabledRule) Enabled() bool             { return true }
func (r *ApigwAPIKeyDisabledRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *ApigwAPIKeyDisabledRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports keys with enabled = false that are in a usage plan. The fix
// removes a literal enabled = false (the default is true).
func (r *ApigwAPIKeyDisabledRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	wiring := g.KeyWiring()
	for _, key := range g.Resources(apigw.APIKey) {
		attached := wiring.Attachments(key)
		enabled, known := g.BoolOr(key.Attr("enabled"), true)
		if len(attached) == 0 || enabled || !known {
			continue
		}
		attr := key.Attr("enabled")
		verb := "puts"
		if len(attached) > 1 {
			verb = "put"
		}
		msg := fmt.Sprintf("%s is disabled (enabled = false), but %s %s it in a usage plan: calls that send this key answer 403 Forbidden",
			key.Address(), joinNames(addresses(attached), 0), verb)
		err := runner.EmitIssueWithFix(r, msg, attr.Range, func(f tflint.Fixer) error {
			if !key.Source().CanEdit() || len(attr.Expr.Variables()) > 0 {
				return tflint.ErrFixNotSupported // a variable may be false on purpose
			}
			native := key.Syntax.Body.Attributes["enabled"]
			if native == nil {
				return tflint.ErrFixNotSupported
			}
			return f.RemoveAttribute(native.AsHCLAttribute())
		})
		if err != nil {
			return err
		}
	}
	return nil
}
