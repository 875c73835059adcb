package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
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

// Check reports one issue per deployment, on the first inline stage setting.
// No fix: moving a stage out of a deployment needs a state move.
func (r *ApigwDeploymentInlineStageRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, dep := range g.Resources(apigw.Deployment) {
		var names []string
		var at *hcl.Range
		for _, name := range []string{"stage_name", "stage_description"} {
			attr := dep.Attr(name)
			if !g.IsSet(attr) {
				continue
			}
			if s, known := g.String(attr); known && s == "" {
				continue // an empty name creates no stage
			}
			names = append(names, name)
			if at == nil || attr.Range.Start.Byte < at.Start.Byte {
				rng := attr.Range
				at = &rng
			}
		}
		if blocks := dep.Blocks("canary_settings"); len(blocks) > 0 {
			names = append(names, "canary_settings")
			if at == nil || blocks[0].DefRange.Start.Byte < at.Start.Byte {
				rng := blocks[0].DefRange
				at = &rng
			}
		}
		if at == nil {
			continue
		}
		msg := fmt.Sprintf("%s manages its stage through the deprecated %s: replacing the deployment, as triggers do, removes that stage or collides with it, and calls to the stage then answer 403 Missing Authentication Token; declare an aws_api_gateway_stage instead", dep.Address(), strings.Join(names, ", "))
		if err := runner.EmitIssue(r, msg, *at); err != nil {
			return err
		}
	}
	return nil
}
