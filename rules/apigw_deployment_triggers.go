package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/hclfix"
)

// ApigwDeploymentTriggersRule reports deployments without triggers: Terraform
// never redeploys them, so the live API keeps an old snapshot.
type ApigwDeploymentTriggersRule struct {
	tflint.DefaultRule
}

type deploymentTriggersConfig struct {
	Hash string `hclext:"hash,optional"`
}

// NewApigwDeploymentTriggersRule returns the rule.
func NewApigwDeploymentTriggersRule() *ApigwDeploymentTriggersRule {
	return &ApigwDeploymentTriggersRule{}
}

func (r *ApigwDeploymentTriggersRule) Name() string              { return "apigw_deployment_triggers" }
func (r *ApigwDeploymentTriggersRule) Enabled() bool             { return true }
func (r *ApigwDeploymentTriggersRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwDeploymentTriggersRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports every deployment of a known API that has no triggers.
func (r *ApigwDeploymentTriggersRule) Check(runner tflint.Runner) error {
	cfg := deploymentTriggersConfig{Hash: string(apigw.HashID)}
	if err := runner.DecodeRuleConfig(r.Name(), &cfg); err != nil {
		return err
	}
	mode := apigw.HashMode(cfg.Hash)
	if mode != apigw.HashID && mode != apigw.HashResource {
		return fmt.Errorf(`%s: hash must be "id" or "resource", not %q`, r.Name(), cfg.Hash)
	}
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	return apigw.Visit(g.Deployments(), func(dep *apigw.Node) error {
		view, _ := g.DeploymentOf(dep)
		if view.Triggers().IsSet() || !view.NeedsRedeploys() {
			return nil
		}
		deployables := g.Deployables(dep.API)
		err := runner.EmitIssueWithFix(r, staleMessage(g, dep, "has no triggers, so Terraform never redeploys it"), dep.Block.DefRange, func(f tflint.Fixer) error {
			if !view.CanEdit() || len(deployables) == 0 {
				return tflint.ErrFixNotSupported
			}
			src := g.File(dep.Filename()).Bytes
			entries := make([]string, len(deployables))
			for i, d := range deployables {
				entries[i] = d.Entry(mode)
			}
			if null, ok := dep.Syntax.Body.Attributes["triggers"]; ok {
				// triggers = null: give the attribute its value in place.
				if err := f.ReplaceText(null.Expr.Range(), hclfix.TriggersValue(entries)); err != nil {
					return err
				}
				return hclfix.EnsureCreateBeforeDestroy(f, src, dep.Syntax)
			}
			text := hclfix.TriggersText(entries)
			if hclfix.NestedBlock(dep.Syntax.Body, "lifecycle") == nil {
				return hclfix.InsertWithTail(f, src, dep.Syntax, text, hclfix.LifecycleText)
			}
			if err := hclfix.InsertBeforeMeta(f, src, dep.Syntax, text); err != nil {
				return err
			}
			return hclfix.EnsureCreateBeforeDestroy(f, src, dep.Syntax)
		})
		if err != nil {
			return err
		}
		return nil
	})
}
