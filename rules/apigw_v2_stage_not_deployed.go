package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/hclfix"
)

// ApigwV2StageNotDeployedRule reports HTTP/WebSocket stages that nothing
// ever deploys to: no deployment_id and no auto_deploy.
type ApigwV2StageNotDeployedRule struct {
	tflint.DefaultRule
}

// NewApigwV2StageNotDeployedRule returns the rule.
func NewApigwV2StageNotDeployedRule() *ApigwV2StageNotDeployedRule {
	return &ApigwV2StageNotDeployedRule{}
}

func (r *ApigwV2StageNotDeployedRule) Name() string              { return "apigw_v2_stage_not_deployed" }
func (r *ApigwV2StageNotDeployedRule) Enabled() bool             { return true }
func (r *ApigwV2StageNotDeployedRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwV2StageNotDeployedRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports stages of APIs with routes that have neither a deployment
// nor auto_deploy. The fix turns auto_deploy on, which only HTTP APIs take.
func (r *ApigwV2StageNotDeployedRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	return apigw.Visit(g.Resources(apigw.V2Stage), func(n *apigw.Node) error {
		stage, _ := g.StageOf(n)
		api := stage.API()
		if api == nil || api.External || stage.DeploymentID().IsSet() || !api.HasRoutes() {
			return nil
		}
		auto, known := stage.AutoDeploy().BoolOr(false)
		if auto || !known {
			return nil
		}
		protocol := api.Protocol()
		symptom := "no route is live on it"
		switch protocol {
		case "HTTP":
			symptom = "every route answers 404 Not Found"
		case "WEBSOCKET":
			symptom = "no route is live on it and connections fail"
		}
		msg := fmt.Sprintf("%s has no deployment_id and auto_deploy is off: nothing is ever deployed to it, so %s", stage.Location, symptom)
		err := runner.EmitIssueWithFix(r, msg, stage.Range, func(f tflint.Fixer) error {
			if !stage.CanEdit() || protocol != "HTTP" {
				return tflint.ErrFixNotSupported
			}
			blk := stage.Block()
			if attr, ok := blk.Body.Attributes["auto_deploy"]; ok {
				return f.ReplaceText(attr.Expr.Range(), "true")
			}
			return hclfix.AppendAttribute(f, g.File(stage.Range.Filename).Bytes, blk, "auto_deploy = true")
		})
		if err != nil {
			return err
		}
		return nil
	})
}
