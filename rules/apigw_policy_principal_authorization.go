package rules

import (
	"fmt"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwPolicyPrincipalAuthorizationRule reports policies that allow only
// IAM principals on an API with methods callers do not sign for.
type ApigwPolicyPrincipalAuthorizationRule struct {
	tflint.DefaultRule
}

// NewApigwPolicyPrincipalAuthorizationRule returns the rule.
func NewApigwPolicyPrincipalAuthorizationRule() *ApigwPolicyPrincipalAuthorizationRule {
	return &ApigwPolicyPrincipalAuthorizationRule{}
}

func (r *ApigwPolicyPrincipalAuthorizationRule) Name() string {
	return "apigw_policy_principal_authorization"
}
func (r *ApigwPolicyPrincipalAuthorizationRule) Enabled() bool             { return true }
func (r *ApigwPolicyPrincipalAuthorizationRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *ApigwPolicyPrincipalAuthorizationRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports a policy whose every Allow of execute-api:Invoke names IAM
// principals only, on an API with methods whose authorization is not AWS_IAM.
func (r *ApigwPolicyPrincipalAuthorizationRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	return restAPIsWithPolicies(g, func(api *apigw.API, docs []*apigw.PolicyDoc, _ bool) error {
		unsigned := unsignedMethods(g, api)
		if len(unsigned) == 0 {
			return nil
		}
		for _, doc := range docs {
			if !doc.Policy.AllowsOnlyIAMPrincipals() {
				continue
			}
			msg := fmt.Sprintf("%s allows %s only to IAM principals, but %s: its callers do not sign their requests, so API Gateway treats them as anonymous and answers %s",
				doc.Label(), invokeAction, describeMethods(unsigned), anonymousDenied)
			if err := runner.EmitIssue(r, msg, doc.Range()); err != nil {
				return err
			}
		}
		return nil
	})
}

type methodAuth struct {
	addr, auth string
}

// unsignedMethods lists the API's methods whose known authorization is not AWS_IAM.
func unsignedMethods(g *apigw.Graph, api *apigw.API) []methodAuth {
	var out []methodAuth
	for _, m := range append(api.Methods(), api.BodyMethods()...) {
		if auth := m.Authorization(); auth.Known && auth.Value != "AWS_IAM" {
			out = append(out, methodAuth{m.Location, auth.Value})
		}
	}
	return out
}

// describeMethods names up to three methods and their authorization.
func describeMethods(ms []methodAuth) string {
	var parts []string
	for i, m := range ms {
		if i == 3 {
			more := fmt.Sprintf("%d more methods", len(ms)-3)
			if len(ms) == 4 {
				more = "1 more method"
			}
			parts = append(parts, "and "+more)
			break
		}
		parts = append(parts, fmt.Sprintf("%s uses authorization %q", m.addr, m.auth))
	}
	return strings.Join(parts, ", ")
}
