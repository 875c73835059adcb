package rules

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/policy"
)

// ApigwPrivatePolicySourceIPRule reports conditions on aws:SourceIp in the
// resource policy of a PRIVATE API: requests through a VPC endpoint carry
// no aws:SourceIp, so an Allow on it never matches and a Deny on
// NotIpAddress always does.
type ApigwPrivatePolicySourceIPRule struct {
	tflint.DefaultRule
}

// NewApigwPrivatePolicySourceIPRule returns the rule.
func NewApigwPrivatePolicySourceIPRule() *ApigwPrivatePolicySourceIPRule {
	return &ApigwPrivatePolicySourceIPRule{}
}

func (r *ApigwPrivatePolicySourceIPRule) Name() string              { return "apigw_private_policy_source_ip" }
func (r *ApigwPrivatePolicySourceIPRule) Enabled() bool             { return true }
func (r *ApigwPrivatePolicySourceIPRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwPrivatePolicySourceIPRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports each such condition once. The fix renames the key to
// aws:VpcSourceIp, the caller's address inside the VPC, when every CIDR is
// private and the key is written in HCL.
func (r *ApigwPrivatePolicySourceIPRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	seen := map[hcl.Range]bool{}
	for _, n := range g.Resources(apigw.RestAPI) {
		if g.IsPrivate(n.API) != policy.Yes {
			continue
		}
		docs, _ := g.Policies(n.API)
		for _, doc := range docs {
			for i := range doc.Policy.Statements {
				s := &doc.Policy.Statements[i]
				c, symptom, ok := sourceIPCondition(s)
				if !ok || seen[c.Range] {
					continue
				}
				seen[c.Range] = true
				msg := fmt.Sprintf("%s tests aws:SourceIp with %s on %s, a PRIVATE API: requests through a VPC endpoint carry no aws:SourceIp, so %s (aws:VpcSourceIp holds the caller's VPC address)", statementLabel(doc, s, i), c.Operator, n.Address(), symptom)
				rng := doc.Range()
				if c.Range.Filename != "" {
					rng = c.Range
				}
				err := runner.EmitIssueWithFix(r, msg, rng, func(f tflint.Fixer) error {
					key, ok := g.ConditionKeyRange(c)
					if !ok || !allPrivate(c) || len(s.ConditionsOn("aws:VpcSourceIp")) > 0 || !onlyPrivateAPIsRead(g, doc, c) {
						return tflint.ErrFixNotSupported
					}
					return f.ReplaceText(key, `"aws:VpcSourceIp"`)
				})
				if err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// sourceIPCondition finds the aws:SourceIp test that decides a statement
// on a request without the key: an Allow's IpAddress never matches; a Deny
// of everyone whose only condition is NotIpAddress always does.
func sourceIPCondition(s *policy.Statement) (c policy.Condition, symptom string, ok bool) {
	if s.Grants(invokeAction) == policy.No {
		return c, "", false
	}
	for _, c := range s.ConditionsOn("aws:SourceIp") {
		switch {
		case s.IsAllow() == policy.Yes && c.Operator == "IpAddress":
			return c, "the Allow never matches and callers get " + anonymousDenied, true
		case s.IsDeny() == policy.Yes && (c.Operator == "NotIpAddress" || c.Operator == "NotIpAddressIfExists") &&
			s.Anonymous() == policy.Yes && s.ConditionsKnown && len(s.Conditions) == 1:
			return c, "the Deny matches every call and callers get " + explicitDeny, true
		}
	}
	return c, "", false
}

// allPrivate reports whether every value of the condition is a known
// private CIDR.
func allPrivate(c policy.Condition) bool {
	if !c.Known || len(c.Values) == 0 {
		return false
	}
	for _, v := range c.Values {
		cidr, known := v.Known()
		if !known || !apigw.PrivateCIDR(cidr) {
			return false
		}
	}
	return true
}

// onlyPrivateAPIsRead reports whether renaming the condition's key changes
// the policy of PRIVATE APIs only: the condition is written in the policy
// itself, not in a document it merges, and every API the document is
// attached to is PRIVATE (aws:VpcSourceIp never matches at a public API).
func onlyPrivateAPIsRead(g *apigw.Graph, doc *apigw.PolicyDoc, c policy.Condition) bool {
	if doc.Document == nil {
		return doc.Attr.Range.Filename == c.Range.Filename && doc.Attr.Range.ContainsOffset(c.Range.Start.Byte)
	}
	if !doc.Document.Contains(c.Range) {
		return false
	}
	for _, h := range g.Holders(doc.Document) {
		if g.IsPrivate(h.API) != policy.Yes {
			return false
		}
	}
	return true
}
