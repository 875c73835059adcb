package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwDeploymentInvokeURLRule reports references to a REST deployment's
// invoke_url where the deployment creates no stage: the URL then ends at
// the host, and callers handed it reach no stage.
type ApigwDeploymentInvokeURLRule struct {
	tflint.DefaultRule
}

// NewApigwDeploymentInvokeURLRule returns the rule.
func NewApigwDeploymentInvokeURLRule() *ApigwDeploymentInvokeURLRule {
	return &ApigwDeploymentInvokeURLRule{}
}

func (r *ApigwDeploymentInvokeURLRule) Name() string              { return "apigw_deployment_invoke_url" }
func (r *ApigwDeploymentInvokeURLRule) Enabled() bool             { return true }
func (r *ApigwDeploymentInvokeURLRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *ApigwDeploymentInvokeURLRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports every aws_api_gateway_deployment.X.invoke_url in the
// module's expressions (outputs, environment variables, other resources)
// when X sets no stage_name. The fix points the reference at the stage's
// invoke_url when exactly one stage serves X.
func (r *ApigwDeploymentInvokeURLRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, use := range g.AttributeUses(apigw.Deployment, "invoke_url") {
		dep := use.Node
		view, ok := g.DeploymentOf(dep)
		if !ok || view.StageName().IsSet() || g.NeverExists(dep) {
			continue
		}
		stages := view.StagesServing()
		msg := fmt.Sprintf("%s.invoke_url has no stage in it, as the deployment sets no stage_name: callers of that URL reach no stage and get %s (use a stage's invoke_url)", dep.Address(), gatewayForbidden)
		err := runner.EmitIssueWithFix(r, msg, use.Range, func(f tflint.Fixer) error {
			if len(stages) != 1 || use.Indexed || !dep.Source().Single() || !stages[0].Source().Single() || stages[0].Contains(use.Range) {
				return tflint.ErrFixNotSupported
			}
			return f.ReplaceText(use.Range, stages[0].Reference("invoke_url"))
		})
		if err != nil {
			return err
		}
	}
	return nil
}
