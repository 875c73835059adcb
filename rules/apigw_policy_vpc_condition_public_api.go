package rules

import (
	"fmt"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/policy"
)

// ApigwPolicyVpcConditionPublicAPIRule reports Allow statements that require
// aws:SourceVpc or aws:SourceVpce on an API that is not PRIVATE: only
// private APIs are called through VPC endpoints, so the Allow never applies.
type ApigwPolicyVpcConditionPublicAPIRule struct {
	tflint.DefaultRule
}

// NewApigwPolicyVpcConditionPublicAPIRule returns the rule.
func NewApigwPolicyVpcConditionPublicAPIRule() *ApigwPolicyVpcConditionPublicAPIRule {
	return &ApigwPolicyVpcConditionPublicAPIRule{}
}

func (r *ApigwPolicyVpcConditionPublicAPIRule) Name() string {
	return "apigw_policy_vpc_condition_public_api"
}
func (r *ApigwPolicyVpcConditionPublicAPIRule) Enabled() bool             { return true }
func (r *ApigwPolicyVpcConditionPublicAPIRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwPolicyVpcConditionPublicAPIRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports every Allow of execute-api:Invoke on an EDGE or REGIONAL API
// whose condition needs the request to come through a VPC endpoint.
func (r *ApigwPolicyVpcConditionPublicAPIRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, n := range g.Resources(apigw.RestAPI) {
		api := n.API
		if g.IsPrivate(api) != policy.No {
			continue
		}
		docs, _ := g.Policies(api)
		types, _ := g.EndpointTypes(api)
		for _, doc := range docs {
			for i := range doc.Policy.Statements {
				s := &doc.Policy.Statements[i]
				if s.IsAllow() != policy.Yes || s.Grants(invokeAction) == policy.No {
					continue
				}
				c, ok := s.VpcOnlyCondition()
				if !ok {
					continue
				}
				msg := fmt.Sprintf("%s allows %s only when %s %s, but %s is %s, not PRIVATE: its calls never arrive through a VPC endpoint, so the condition never matches and callers get %s",
					statementLabel(doc, s, i), invokeAction, c.Key, c.Operator, api.Node.Address(), strings.Join(types, ", "), anonymousDenied)
				rng := doc.Range()
				if c.Range.Filename != "" {
					rng = c.Range
				}
				if err := runner.EmitIssue(r, msg, rng); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
