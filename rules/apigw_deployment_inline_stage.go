package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwDeploymentInlineStageRule reports deployments that manage their stage
// through the deprecated stage_name, stage_description or canary_settings.
type ApigwDeploymentInlineStageRule struct {
	tflint.DefaultRule
}

// NewApigwDeploymentInlineStageRule returns the rule.
func NewApigwDeploymentInlineStageRule() *ApigwDeploymentInlineStageRule {
	return &ApigwDeploymentInlineStageRule{}
}

func (r *ApigwDeploymentInlineStageRule) Name() string              { return "apigw_deployment_inline_stage" }
func (r *ApigwDeploymentInlineStageRule) Enabled() bool             { return true }
func (r *ApigwDeploymentInlineStageRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *ApigwDeploymentInlineStageRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports each deployment whose stage_name creates a stage, on that
// attribute, naming the other inline settings too. Without a stage name the
// other settings do nothing at runtime. No fix: moving a stage out of a
// deployment needs a state import.
func (r *ApigwDeploymentInlineStageRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	return apigw.Visit(g.Resources(apigw.Deployment), func(n *apigw.Node) error {
		dep, _ := g.DeploymentOf(n)
		stageName := dep.StageName()
		if !stageName.IsSet() {
			return nil
		}
		if s, known := stageName.String(); known && s == "" {
			return nil // an empty name creates no stage
		}
		names := []string{"stage_name"}
		if dep.StageDescription().IsSet() {
			names = append(names, "stage_description")
		}
		if len(n.Blocks("canary_settings")) > 0 {
			names = append(names, "canary_settings")
		}
		msg := inlineStageMessage(n, names, dep.Triggers().IsSet(), dep.CreatesBeforeDestroy())
		if err := runner.EmitIssue(r, msg, stageName.Range()); err != nil {
			return err
		}
		return nil
	})
}

// inlineStageMessage says what the inline stage costs: without
// create_before_destroy a replacement deletes the stage with the old
// deployment; with it the stage survives but stays outside Terraform.
func inlineStageMessage(dep *apigw.Node, names []string, triggers, createsFirst bool) string {
	settings := joinNames(names, 0)
	if createsFirst {
		return fmt.Sprintf("%s creates its stage through the deprecated %s: that stage is not a Terraform resource, so an aws_api_gateway_stage of the same name fails with ConflictException: Stage already exists and the stage's settings cannot be managed; declare an aws_api_gateway_stage instead", dep.Address(), settings)
	}
	when := "when the deployment is replaced,"
	if triggers {
		when = "when the deployment is replaced, as its triggers make it,"
	}
	return fmt.Sprintf("%s creates its stage through the deprecated %s: %s Terraform deletes it with its stage first, and calls to the stage answer 403 Missing Authentication Token until the new deployment recreates it; declare an aws_api_gateway_stage instead", dep.Address(), settings, when)
}
