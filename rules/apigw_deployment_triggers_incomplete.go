package rules

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/hclfix"
)

// ApigwDeploymentTriggersIncompleteRule reports triggers that leave out part
// of the deployable set, or that can never change.
type ApigwDeploymentTriggersIncompleteRule struct {
	tflint.DefaultRule
}

// NewApigwDeploymentTriggersIncompleteRule returns the rule.
func NewApigwDeploymentTriggersIncompleteRule() *ApigwDeploymentTriggersIncompleteRule {
	return &ApigwDeploymentTriggersIncompleteRule{}
}

func (r *ApigwDeploymentTriggersIncompleteRule) Name() string {
	return "apigw_deployment_triggers_incomplete"
}
func (r *ApigwDeploymentTriggersIncompleteRule) Enabled() bool             { return true }
func (r *ApigwDeploymentTriggersIncompleteRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *ApigwDeploymentTriggersIncompleteRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check compares each deployment's triggers with its API's deployable set.
func (r *ApigwDeploymentTriggersIncompleteRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	return apigw.Visit(g.Deployments(), func(dep *apigw.Node) error {
		view, _ := g.DeploymentOf(dep)
		attr := view.Triggers()
		if !attr.IsSet() || !view.NeedsRedeploys() {
			return nil
		}
		triggers := g.ReadTriggers(attr.Expr())
		deployables := g.Deployables(dep.API)
		if triggers.Opaque || len(deployables) == 0 {
			return nil
		}
		var missing []apigw.Deployable
		for _, d := range deployables {
			if !triggers.Covers(d) {
				missing = append(missing, d)
			}
		}
		var msg string
		switch {
		case g.NeverChange(triggers, dep.API):
			msg = staleMessage(g, dep, "has triggers that can never change, so Terraform never redeploys it")
		case len(missing) > 0:
			msg = staleMessage(g, dep, "has triggers that leave out "+labelsOf(missing)+", so changes to them are never deployed")
			if dep.Type == apigw.Deployment {
				msg = fmt.Sprintf("%s has triggers that leave out %s, so changes to them are never deployed: %s until someone redeploys by hand",
					dep.Address(), labelsOf(missing), missingSymptom(missing))
			}
		default:
			return nil
		}
		err := runner.EmitIssueWithFix(r, msg, attr.Range(), func(f tflint.Fixer) error {
			list, ok := hclfix.HashedList(attr.Expr())
			if !view.CanEdit() || !ok || len(missing) == 0 {
				return tflint.ErrFixNotSupported
			}
			mode := hashModeOf(list)
			entries := make([]string, len(missing))
			for i, d := range missing {
				entries[i] = d.Entry(mode)
			}
			return hclfix.AppendToList(f, g.File(dep.Filename()).Bytes, list, entries)
		})
		if err != nil {
			return err
		}
		return nil
	})
}

// missingSymptom says what callers of a REST API see while the left-out
// members stay undeployed: only route members make routes answer 403; left-out
// responses, models and validators keep their last deployed version.
func missingSymptom(missing []apigw.Deployable) string {
	var routes, policy, auth, responses bool
	for _, d := range missing {
		switch d.Part() {
		case apigw.PolicyPart:
			policy = true
		case apigw.AuthorizerPart:
			auth = true
		case apigw.ResponsePart:
			responses = true
		default:
			routes = true
		}
	}
	var changes []string
	if policy {
		changes = append(changes, "policy")
	}
	if auth {
		changes = append(changes, "authorizer")
	}
	if responses {
		changes = append(changes, "response, model and validator")
	}
	var unpublished string
	switch len(changes) {
	case 0:
	case 1:
		unpublished = changes[0] + " changes stay unpublished"
	default:
		unpublished = joinNames(changes, 0) + " changes stay unpublished"
	}
	switch {
	case !routes:
		return unpublished + " (callers keep getting the last deployed version)"
	case unpublished == "":
		return "new and changed routes answer 403 Missing Authentication Token"
	default:
		return "new and changed routes answer 403 Missing Authentication Token, and " + unpublished + ","
	}
}

// hashModeOf follows the list's own style: whole resources when it already
// hashes any member whole, ids otherwise.
func hashModeOf(list *hclsyntax.TupleConsExpr) apigw.HashMode {
	for _, e := range list.Exprs {
		if st, ok := e.(*hclsyntax.ScopeTraversalExpr); ok && isWholeResource(st.Traversal) {
			return apigw.HashResource
		}
	}
	return apigw.HashID
}

func isWholeResource(t hcl.Traversal) bool {
	ref, ok := apigw.ParseRef(t)
	return ok && !ref.Data && ref.Attr == "" && len(t) == 2
}

// labelsOf names up to three deployables and counts the rest.
func labelsOf(ds []apigw.Deployable) string {
	names := make([]string, len(ds))
	for i, d := range ds {
		names[i] = d.Label()
	}
	return joinNames(names, 3)
}
