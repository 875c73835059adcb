package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/hclfix"
)

// ApigwLambdaPermissionQualifierRule reports integrations and authorizers
// that invoke a version or alias of a function whose permissions all name
// another qualifier (or the reverse).
type ApigwLambdaPermissionQualifierRule struct {
	tflint.DefaultRule
}

// NewApigwLambdaPermissionQualifierRule returns the rule.
func NewApigwLambdaPermissionQualifierRule() *ApigwLambdaPermissionQualifierRule {
	return &ApigwLambdaPermissionQualifierRule{}
}

func (r *ApigwLambdaPermissionQualifierRule) Name() string {
	return "apigw_lambda_permission_qualifier"
}
func (r *ApigwLambdaPermissionQualifierRule) Enabled() bool             { return true }
func (r *ApigwLambdaPermissionQualifierRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwLambdaPermissionQualifierRule) Link() string              { return project.ReferenceLink(r.Name()) }

// qualifiedGap is one function and qualifier that API Gateway invokes and
// no permission of the function covers.
type qualifiedGap struct {
	fn    *apigw.Node
	q     apigw.Qualifier
	calls []apigw.QualifiedCall
	perms []*apigw.Permission
}

// Check reports, once per function and qualifier, calls that no permission
// of the function covers while it has permissions for other qualifiers (a
// function without any is apigw_lambda_permission's, unless the call's
// qualifier is one that rule does not name: a version, a stage variable, a
// qualifier written in the URI). The fix adds the
// alias as qualifier to the function's only permission when every call
// goes through that alias.
func (r *ApigwLambdaPermissionQualifierRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	l := g.Lambdas()
	var gaps []*qualifiedGap
	byKey := map[string]*qualifiedGap{}
	qualifiers := map[*apigw.Node]map[string]bool{} // per function; "?" for unknown
	for _, u := range l.Uses {
		calls, ok := l.QualifiedCalls(u)
		if !ok && u.Target.Function != nil {
			qualifiers[u.Target.Function] = map[string]bool{"?": true, "": true}
		}
		for _, c := range calls {
			if qualifiers[c.Function] == nil {
				qualifiers[c.Function] = map[string]bool{}
			}
			qualifiers[c.Function][c.Qualifier.Label()] = true
			perms, known := l.FunctionPermissions(c.Function)
			// apigw_lambda_permission reports a function without permissions,
			// except for the calls whose qualifier its model cannot name.
			uncovered := known && (len(perms) > 0 || c.Use.Target.QualifierUnknown)
			for _, p := range perms {
				pq, known := l.PermissionQualifier(p)
				uncovered = uncovered && known && !l.MayCover(pq, c.Qualifier)
			}
			if !uncovered {
				continue
			}
			key := c.Function.Address() + " " + c.Qualifier.Label()
			if byKey[key] == nil {
				byKey[key] = &qualifiedGap{fn: c.Function, q: c.Qualifier, perms: perms}
				gaps = append(gaps, byKey[key])
			}
			byKey[key].calls = append(byKey[key].calls, c)
		}
	}
	for _, gap := range gaps {
		if err := r.report(runner, g, l, gap, len(qualifiers[gap.fn]) == 1); err != nil {
			return err
		}
	}
	return nil
}

func (r *ApigwLambdaPermissionQualifierRule) report(runner tflint.Runner, g *apigw.Graph, l *apigw.Lambdas, gap *qualifiedGap, onlyQualifier bool) error {
	var uses, perms []string
	symptom := invalidPermissionsV2
	for _, c := range gap.calls {
		label := l.UseLabel(c.Use)
		if c.Stage != nil {
			label += " on " + c.Stage.Address()
		}
		uses = append(uses, label)
		if c.Use.Node.API.Version == 1 {
			symptom = invalidPermissions
		}
	}
	for _, p := range gap.perms {
		pq, _ := l.PermissionQualifier(p)
		perms = append(perms, p.Node.Address()+" is for "+pq.Label())
	}
	if len(perms) == 0 {
		perms = []string{"the function has none"}
	}
	msg := fmt.Sprintf("%s invokes %s through %s, but no aws_lambda_permission names that qualifier (%s): a permission covers only the version or alias it names, so %s", joinNames(uses, 2), gap.fn.Address(), gap.q.Label(), joinNames(perms, 2), symptom)
	rng := gap.calls[0].Use.URI.Range
	if len(gap.perms) == 1 {
		rng = gap.perms[0].Node.Block.DefRange
	}
	return runner.EmitIssueWithFix(r, msg, rng, func(f tflint.Fixer) error {
		alias := gap.q.Alias
		if alias == nil && gap.q.Name != "" {
			alias = l.AliasNamed(gap.fn, gap.q.Name)
		}
		if alias == nil || !alias.Source().Single() || !onlyQualifier || len(gap.perms) != 1 {
			return tflint.ErrFixNotSupported
		}
		perm := gap.perms[0]
		if pq, _ := l.PermissionQualifier(perm); !pq.Unqualified() || !perm.Node.Source().CanEdit() || !perm.Node.Source().Single() || perm.Node.Attr("qualifier") != nil {
			return tflint.ErrFixNotSupported
		}
		return hclfix.AppendAttribute(f, g.File(perm.Node.Filename()).Bytes, perm.Node.Syntax, "qualifier = "+alias.Reference("name"))
	})
}
