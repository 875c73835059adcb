package apigw

import "strings"

// Invocation is a function, or an alias of it, that API Gateway invokes in
// this module: the integrations and authorizers that call it, and the
// permissions that may let API Gateway do so.
type Invocation struct {
	Function *Node
	Alias    *Node
	Uses     []*LambdaUse
	// Permissions grant API Gateway the invocation, or may: they name this
	// function (and alias) and neither their principal nor action excludes it.
	Permissions []*Permission
}

// Target is the node a permission for the invocation names: the alias, else the function.
func (inv *Invocation) Target() *Node {
	if inv.Alias != nil {
		return inv.Alias
	}
	return inv.Function
}

// APIs returns the APIs whose integrations and authorizers call the
// function, in the order of their first use.
func (inv *Invocation) APIs() []*API {
	var out []*API
	seen := map[*API]bool{}
	for _, u := range inv.Uses {
		if !seen[u.Node.API] {
			seen[u.Node.API] = true
			out = append(out, u.Node.API)
		}
	}
	return out
}

// Invocations groups the uses of the module's own functions by function and
// alias. Uses whose API or function lives elsewhere, or whose version is
// unknown, are left out; so is every function a permission with an unknown
// function_name may serve, since that permission may be the one it needs.
func (l *Lambdas) Invocations() []*Invocation {
	var out []*Invocation
	type key struct{ fn, alias *Node }
	byKey := map[key]*Invocation{}
	for _, u := range l.Uses {
		t := u.Target
		if t.Function == nil || t.QualifierUnknown || u.Node.API == nil || u.Node.API.External || t.Function.Data || l.withRole(u) {
			continue
		}
		k := key{t.Function, t.Alias}
		inv := byKey[k]
		if inv == nil {
			inv = &Invocation{Function: t.Function, Alias: t.Alias}
			byKey[k] = inv
			out = append(out, inv)
		}
		inv.Uses = append(inv.Uses, u)
	}
	kept := out[:0]
	for _, inv := range out {
		unknown := false
		target := LambdaTarget{Lambda: true, Function: inv.Function, Alias: inv.Alias}
		for _, p := range l.Permissions {
			if !p.Grants || !l.Serves(p, target) {
				continue
			}
			if !p.FunctionKnown {
				unknown = true
			}
			inv.Permissions = append(inv.Permissions, p)
		}
		if !unknown {
			kept = append(kept, inv)
		}
	}
	return kept
}

// permissionCoversOn reports whether a permission may let API Gateway make
// a call on a stage (its subjects): it has no source_arn, or one whose
// pattern may match.
func (l *Lambdas) permissionCoversOn(p *Permission, on func() subjects) bool {
	rule := p.source.get(func() sourceRule {
		attr := p.Node.Attr("source_arn")
		if !l.g.IsSet(attr) {
			return sourceRule{}
		}
		pattern, ok := l.g.SourcePattern(attr.Expr)
		return sourceRule{pattern: pattern, limited: ok}
	})
	return !rule.limited || on().matchedBy(rule.pattern)
}

// Uncovered returns the REST calls of the invocation that no permission
// covers on some stage.
func (l *Lambdas) Uncovered(inv *Invocation) []Uncovered {
	var out []Uncovered
	for _, u := range inv.Uses {
		c, ok := l.CallOf(u)
		if !ok {
			continue
		}
		stages := l.stagesOf(c)
		var missed []string
		for _, stage := range stages {
			covered := false
			// Built when a permission first needs them, then shared.
			var built *subjects
			on := func() subjects {
				if built == nil {
					s := l.callSubjects(c, stage)
					built = &s
				}
				return *built
			}
			for _, p := range inv.Permissions {
				if l.permissionCoversOn(p, on) {
					covered = true
					break
				}
			}
			if !covered && stage != nil {
				missed = append(missed, *stage)
			} else if !covered {
				missed = append(missed, "")
			}
		}
		if len(missed) == 0 {
			continue
		}
		gap := Uncovered{Use: u, Call: c}
		if len(missed) < len(stages) {
			gap.Stages = missed
		}
		out = append(out, gap)
	}
	return out
}

// Uncovered is a call no permission's source_arn covers.
type Uncovered struct {
	Use  *LambdaUse
	Call Call
	// Stages are the stages left out when the permissions cover others;
	// empty when no stage is covered.
	Stages []string
}

// Label names the gap in messages: "GET /items on stage dev (aws_api_gateway_integration.x) of API".
func (u Uncovered) Label() string {
	label := u.Call.Label()
	if len(u.Stages) > 0 {
		label += " on stage " + strings.Join(u.Stages, ", ")
	}
	return label + " (" + u.Use.Where() + ") of " + u.Call.API.Key
}

// UseLabel names a use in messages: the address, with the method and path
// of a REST integration.
func (l *Lambdas) UseLabel(u *LambdaUse) string {
	if c, ok := l.CallOf(u); ok && !c.Authorizer {
		if u.view.FromBody() {
			return u.Address()
		}
		return u.Address() + " (" + c.Label() + ")"
	}
	return u.Address()
}

// withRole reports whether API Gateway invokes the function with a role of
// its own (credentials): the role's policy decides then, not a permission.
func (l *Lambdas) withRole(u *LambdaUse) bool {
	if u.view.FromBody() {
		if u.Authorizer() {
			return AuthorizerView{u.view}.Credentials().IsSet()
		}
		return IntegrationView{u.view}.Credentials().IsSet()
	}
	for _, name := range []string{"credentials", "authorizer_credentials", "credentials_arn", "authorizer_credentials_arn"} {
		if l.g.IsSet(u.Node.Attr(name)) {
			return true
		}
	}
	return false
}
