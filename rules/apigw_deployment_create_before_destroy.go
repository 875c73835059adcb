package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/hclfix"
)

// ApigwDeploymentCreateBeforeDestroyRule reports deployments whose
// triggers replace them without create_before_destroy: the old deployment
// cannot be deleted while a stage points at it.
type ApigwDeploymentCreateBeforeDestroyRule struct {
	tflint.DefaultRule
}

// NewApigwDeploymentCreateBeforeDestroyRule returns the rule.
func NewApigwDeploymentCreateBeforeDestroyRule() *ApigwDeploymentCreateBeforeDestroyRule {
	return &ApigwDeploymentCreateBeforeDestroyRule{}
}

func (r *ApigwDeploymentCreateBeforeDestroyRule) Name() string {
	return "apigw_deployment_create_before_destroy"
}
func (r *ApigwDeploymentCreateBeforeDestroyRule) Enabled() bool             { return true }
func (r *ApigwDeploymentCreateBeforeDestroyRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwDeploymentCreateBeforeDestroyRule) Link() string {
	return project.ReferenceLink(r.Name())
}

// Check reports deployments with triggers whose lifecycle does not create
// the replacement first. Those without triggers are apigw_deployment_triggers'.
func (r *ApigwDeploymentCreateBeforeDestroyRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	return apigw.Visit(g.Deployments(), func(n *apigw.Node) error {
		dep, _ := g.DeploymentOf(n)
		if !dep.Triggers().IsSet() || dep.CreatesBeforeDestroy() {
			return nil
		}
		if dep.Version() == 2 && len(dep.StagesServing()) == 0 {
			return nil // no stage holds on to it: a plain replacement works
		}
		failure := "the apply fails with BadRequestException: Active stages pointing to this deployment must be moved or deleted"
		if dep.Version() == 2 {
			failure = "the apply fails because a stage still points at it"
		}
		msg := fmt.Sprintf("%s has triggers but no lifecycle { create_before_destroy = true }: when the triggers change, Terraform deletes the deployment before creating its replacement and %s", dep.Location, failure)
		err := runner.EmitIssueWithFix(r, msg, dep.Range, func(f tflint.Fixer) error {
			if !dep.CanEdit() {
				return tflint.ErrFixNotSupported
			}
			return hclfix.EnsureCreateBeforeDestroy(f, g.File(dep.Range.Filename).Bytes, dep.Block())
		})
		if err != nil {
			return err
		}
		return nil
	})
}
