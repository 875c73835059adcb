package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwAPINotDeployedRule reports APIs that a deployable root builds and
// never deploys: no URL serves them.
type ApigwAPINotDeployedRule struct {
	tflint.DefaultRule
}

// NewApigwAPINotDeployedRule returns the rule.
func NewApigwAPINotDeployedRule() *ApigwAPINotDeployedRule {
	return &ApigwAPINotDeployedRule{}
}

func (r *ApigwAPINotDeployedRule) Name() string              { return "apigw_api_not_deployed" }
func (r *ApigwAPINotDeployedRule) Enabled() bool             { return true }
func (r *ApigwAPINotDeployedRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *ApigwAPINotDeployedRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports, in a folder applied on its own, every API with methods or
// routes and no deployment or stage. A module folder is left alone: its
// caller may deploy what it builds.
func (r *ApigwAPINotDeployedRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil || !g.DeployableRoot() {
		return err
	}
	for _, api := range g.APIs() {
		if !g.Undeployed(api) {
			continue
		}
		msg := fmt.Sprintf("%s has methods but no aws_api_gateway_deployment and no aws_api_gateway_stage: no URL serves it, and callers get 403 Forbidden", api.Node.Address())
		if api.Version == 2 {
			msg = fmt.Sprintf("%s has routes but no aws_apigatewayv2_stage: no URL serves it, and callers get 404 Not Found", api.Node.Address())
			if api.Protocol() == "WEBSOCKET" {
				msg = fmt.Sprintf("%s has routes but no aws_apigatewayv2_stage: no URL serves it, and WebSocket connections fail", api.Node.Address())
			}
		}
		if err := runner.EmitIssue(r, msg, api.Node.Block.DefRange); err != nil {
			return err
		}
	}
	return nil
}
