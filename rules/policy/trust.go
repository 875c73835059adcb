package policy

// AssumeRoleAction is the action a trust policy grants to let a principal
// assume the role.
const AssumeRoleAction = "sts:AssumeRole"

// AssumableBy answers whether a role's trust policy lets an AWS service
// principal (apigateway.amazonaws.com) assume the role: an Allow of
// sts:AssumeRole to the service, or to everyone, that no Deny takes back.
// A condition the reader cannot evaluate makes the answer Maybe.
func (p *Policy) AssumableBy(service string) Tri {
	if p == nil || !p.Known {
		return Maybe
	}
	allowed, denied := No, No
	if p.Partial {
		allowed = Maybe
	}
	for i := range p.Statements {
		s := &p.Statements[i]
		applies := s.Grants(AssumeRoleAction).And(s.NamesService(service))
		if applies == No {
			continue
		}
		// Trust policies often test aws:SourceAccount or aws:SourceArn: the
		// reader cannot evaluate them, so the statement may apply.
		unconditional := s.Unconditional()
		if unconditional == No {
			unconditional = Maybe
		}
		allowed = allowed.Or(s.IsAllow().And(applies).And(unconditional))
		denied = denied.Or(s.IsDeny().And(applies).And(unconditional))
	}
	return allowed.And(denied.Not())
}

// NamesService answers whether the statement's principal takes in a
// service principal: Principal "*", or the service among its Service
// identifiers. NotPrincipal and {"AWS": "*"} are left to Maybe.
func (s *Statement) NamesService(service string) Tri {
	if s.NotPrincipal.Set {
		return Maybe
	}
	pr := s.Principal
	if !pr.Set {
		return No
	}
	if pr.Anyone {
		return Yes
	}
	ans := No
	if !pr.Known {
		ans = Maybe
	}
	for _, id := range pr.ByType["Service"] {
		ans = ans.Or(matches(id, service, true))
	}
	for _, id := range pr.ByType["AWS"] {
		if v, ok := id.Known(); !ok || v == "*" {
			ans = ans.Or(Maybe)
		}
	}
	return ans
}
