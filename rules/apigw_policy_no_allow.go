package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/policy"
)

// ApigwPolicyNoAllowRule reports resource policies that let no call through:
// no Allow grants execute-api:Invoke, or a Deny covers everything.
type ApigwPolicyNoAllowRule struct {
	tflint.DefaultRule
}

// NewApigwPolicyNoAllowRule returns the rule.
func NewApigwPolicyNoAllowRule() *ApigwPolicyNoAllowRule {
	return &ApigwPolicyNoAllowRule{}
}

func (r *ApigwPolicyNoAllowRule) Name() string              { return "apigw_policy_no_allow" }
func (r *ApigwPolicyNoAllowRule) Enabled() bool             { return true }
func (r *ApigwPolicyNoAllowRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwPolicyNoAllowRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports, per policy of a REST API, a policy with no Allow that can
// grant execute-api:Invoke, else an unconditional Deny of it to everyone on
// every resource of the API.
func (r *ApigwPolicyNoAllowRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	return restAPIsWithPolicies(g, func(api *apigw.API, docs []*apigw.PolicyDoc, _ bool) error {
		for _, doc := range docs {
			var msg string
			switch {
			case doc.Policy.Allows(invokeAction) == policy.No:
				msg = fmt.Sprintf("%s has no Allow statement that grants %s: every call to %s is denied with %s", doc.Label(), invokeAction, api.Node.Address(), anonymousDenied)
			case doc.Policy.DeniesAll(api.Node.Address()):
				msg = fmt.Sprintf("%s denies %s to everyone on every resource, without a condition: every call to %s is denied with %s", doc.Label(), invokeAction, api.Node.Address(), explicitDeny)
			default:
				continue
			}
			if err := runner.EmitIssue(r, msg, doc.Range()); err != nil {
				return err
			}
		}
		return nil
	})
}
