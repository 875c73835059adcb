package policy

import (
	"strings"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/arn"
)

// This file holds the IAM questions the rules ask of a resource policy.

// InvokeAction is the action API Gateway authorizes a call for.
const InvokeAction = "execute-api:Invoke"

// DeniesAll reports whether a statement denies invoking every method of the
// API with address apiAddr to everyone, whatever the request: proven, not
// possible.
func (p *Policy) DeniesAll(apiAddr string) bool {
	if p == nil {
		return false
	}
	for i := range p.Statements {
		s := &p.Statements[i]
		if s.IsDeny() != Yes || s.Grants(InvokeAction) != Yes || s.Anonymous() != Yes || s.Unconditional() != Yes {
			continue
		}
		for _, res := range s.Resource.Items {
			if arn.ParseResource(res).CoversAll(apiAddr) {
				return true
			}
		}
	}
	return false
}

// AllowsOnlyIAMPrincipals reports whether the policy is known completely,
// has an Allow of execute-api:Invoke, and none of its Allows can apply to
// anonymous callers: only signed requests can be let in.
func (p *Policy) AllowsOnlyIAMPrincipals() bool {
	if !p.Complete() {
		return false
	}
	allows := 0
	for i := range p.Statements {
		s := &p.Statements[i]
		grants := s.IsAllow().And(s.Grants(InvokeAction))
		switch {
		case grants == No:
			continue
		case grants == Maybe || s.Anonymous() != No:
			return false
		}
		allows++
	}
	return allows > 0
}

// VpcOnlyCondition finds a condition of the statement that is false when
// the request carries no aws:SourceVpc / aws:SourceVpce: a positive string
// or ARN test (not ...IfExists, not negated, not ForAllValues), or Null false.
func (s *Statement) VpcOnlyCondition() (Condition, bool) {
	for _, key := range []string{"aws:SourceVpce", "aws:SourceVpc"} {
		for _, c := range s.ConditionsOn(key) {
			switch strings.TrimPrefix(c.Operator, "ForAnyValue:") {
			case "StringEquals", "StringEqualsIgnoreCase", "StringLike", "ArnEquals", "ArnLike":
				return c, true
			case "Null":
				if len(c.Values) == 1 {
					if v, known := c.Values[0].Known(); known && strings.EqualFold(v, "false") {
						return c, true
					}
				}
			}
		}
	}
	return Condition{}, false
}
