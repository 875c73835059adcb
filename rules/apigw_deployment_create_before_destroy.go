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
	return apigw.Visit(g.Deployments(), func(dep *apigw.Node) error {
		if !g.IsSet(dep.Attr("triggers")) || g.CreatesBeforeDestroy(dep) {
			return nil
		}
		if dep.Type == apigw.V2Deployment && len(g.StagesServing(dep)) == 0 {
			return nil // no stage holds on to it: a plain replacement works
		}
		failure := "the apply fails with BadRequestException: Active stages pointing to this deployment must be moved or deleted"
		if dep.Type == apigw.V2Deployment {
			failure = "the apply fails because a stage still points at it"
		}
		msg := fmt.Sprintf("%s has triggers but no lifecycle { create_before_destroy = true }: when the triggers change, Terraform deletes the deployment before creating its replacement and %s", dep.Address(), failure)
		err := runner.EmitIssueWithFix(r, msg, dep.Block.DefRange, func(f tflint.Fixer) error {
			if !dep.Source().CanEdit() {
				return tflint.ErrFixNotSupported
			}
			return hclfix.EnsureCreateBeforeDestroy(f, g.File(dep.Filename()).Bytes, dep.Syntax)
		})
		if err != nil {
			return err
		}
		return nil
	})
}
