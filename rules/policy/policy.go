// Package policy models IAM resource policies as API Gateway reads them:
// statements with their effect, principals, actions, resources and
// conditions. Every part the configuration does not prove stays unknown,
// and the questions the rules ask answer Yes, No or Maybe accordingly.
package policy

import (
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/arn"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

// Tri is a three-valued answer: what the configuration proves.
type Tri int

const (
	// No: the configuration proves the answer is no.
	No Tri = iota
	// Maybe: it depends on something the configuration does not prove.
	Maybe
	// Yes: the configuration proves it.
	Yes
)

// Or is the answer to "a or b".
func (t Tri) Or(u Tri) Tri {
	if t > u {
		return t
	}
	return u
}

// And is the answer to "a and b".
func (t Tri) And(u Tri) Tri {
	if t < u {
		return t
	}
	return u
}

// Not is the answer to "not a".
func (t Tri) Not() Tri { return Yes - t }

func triOf(b bool) Tri {
	if b {
		return Yes
	}
	return No
}

// List is a policy element that holds one string or a list of them
// (Action, Resource, ...).
type List struct {
	// Set is true when the element is present.
	Set bool
	// Known is false when the element is present but its entries are not
	// known (a variable, a function the model cannot evaluate).
	Known bool
	Items []partial.String
}

// PrincipalSet is the Principal element of a statement.
type PrincipalSet struct {
	Set   bool
	Known bool
	// Anyone is true for "Principal": "*".
	Anyone bool
	// ByType maps a principal type (AWS, Service, Federated, CanonicalUser)
	// to its identifiers.
	ByType map[string][]partial.String
}

// Condition is one condition key test of a statement.
type Condition struct {
	Operator string
	Key      string
	Values   []partial.String
	// Known is false when the values are not known.
	Known bool
	// Range is where the test is written in HCL; zero otherwise.
	Range hcl.Range
}

// Statement is one statement of a policy.
type Statement struct {
	Sid string
	// Effect is "Allow" or "Deny"; "" when it is not known or not valid.
	Effect       string
	Principal    PrincipalSet
	NotPrincipal PrincipalSet
	Action       List
	NotAction    List
	Resource     List
	NotResource  List
	Conditions   []Condition
	// ConditionsKnown is false when the Condition element is present but
	// cannot be read completely.
	ConditionsKnown bool
}

// Policy is a policy document.
type Policy struct {
	// Known is false when the document cannot be read at all (malformed
	// JSON, a value the model cannot evaluate).
	Known bool
	// Partial is true when statements may exist that the model cannot see:
	// an unknown Statement element, or unknown source/override documents.
	Partial    bool
	Statements []Statement
}

// Unknown is a policy the model cannot read.
func Unknown() *Policy { return &Policy{} }

// Complete reports whether every statement of the policy is known.
func (p *Policy) Complete() bool { return p != nil && p.Known && !p.Partial }

// Allows answers whether some Allow statement grants the action, to any
// principal and on any resource.
func (p *Policy) Allows(action string) Tri {
	if p == nil || !p.Known {
		return Maybe
	}
	ans := No
	if p.Partial {
		ans = Maybe
	}
	for i := range p.Statements {
		s := &p.Statements[i]
		ans = ans.Or(s.IsAllow().And(s.Grants(action)))
	}
	return ans
}

// IsAllow answers whether the statement's effect is Allow.
func (s *Statement) IsAllow() Tri {
	if s.Effect == "" {
		return Maybe
	}
	return triOf(s.Effect == "Allow")
}

// IsDeny answers whether the statement's effect is Deny.
func (s *Statement) IsDeny() Tri {
	if s.Effect == "" {
		return Maybe
	}
	return triOf(s.Effect == "Deny")
}

// Grants answers whether the statement's Action (or NotAction) covers the
// action, with IAM wildcards; action names are case-insensitive.
func (s *Statement) Grants(action string) Tri {
	switch {
	case s.Action.Set:
		return s.Action.Matches(action, true)
	case s.NotAction.Set:
		return s.NotAction.Matches(action, true).Not()
	}
	return No // a statement without either is invalid and grants nothing
}

// Matches answers whether an entry of the list matches value.
func (l List) Matches(value string, ignoreCase bool) Tri {
	if !l.Set {
		return No
	}
	ans := No
	if !l.Known {
		ans = Maybe
	}
	for _, it := range l.Items {
		ans = ans.Or(matches(it, value, ignoreCase))
		if ans == Yes {
			return Yes
		}
	}
	return ans
}

// matches answers whether the string, read as an IAM pattern (* and ?),
// matches value.
func matches(s partial.String, value string, ignoreCase bool) Tri {
	pat, ok := s.Known()
	if !ok {
		return Maybe
	}
	if ignoreCase {
		pat, value = strings.ToLower(pat), strings.ToLower(value)
	}
	return triOf(arn.Match(pat, value))
}

// Anonymous answers whether the statement applies to unsigned callers:
// Principal "*" or {"AWS": "*"}.
func (s *Statement) Anonymous() Tri {
	if s.NotPrincipal.Set {
		return Maybe
	}
	pr := s.Principal
	if !pr.Set {
		return No // no principal: not valid in a resource policy
	}
	if pr.Anyone {
		return Yes
	}
	ans := No
	if !pr.Known {
		ans = Maybe
	}
	for _, typ := range []string{"AWS", "*"} {
		for _, id := range pr.ByType[typ] {
			v, ok := id.Known()
			switch {
			case !ok:
				ans = ans.Or(Maybe)
			case v == "*":
				return Yes
			}
		}
	}
	return ans
}

// Unconditional answers whether the statement has no condition.
func (s *Statement) Unconditional() Tri {
	if !s.ConditionsKnown {
		return Maybe
	}
	return triOf(len(s.Conditions) == 0)
}

// ConditionsOn returns the conditions that test a key (case-insensitive,
// as IAM compares condition keys).
func (s *Statement) ConditionsOn(key string) []Condition {
	var out []Condition
	for _, c := range s.Conditions {
		if strings.EqualFold(c.Key, key) {
			out = append(out, c)
		}
	}
	return out
}
