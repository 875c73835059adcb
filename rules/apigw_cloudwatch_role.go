package rules

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwCloudwatchRoleRule reports REST API logging turned on in a
// configuration that does not set the account's CloudWatch role.
type ApigwCloudwatchRoleRule struct {
	tflint.DefaultRule
}

// NewApigwCloudwatchRoleRule returns the rule.
func NewApigwCloudwatchRoleRule() *ApigwCloudwatchRoleRule {
	return &ApigwCloudwatchRoleRule{}
}

func (r *ApigwCloudwatchRoleRule) Name() string              { return "apigw_cloudwatch_role" }
func (r *ApigwCloudwatchRoleRule) Enabled() bool             { return false }
func (r *ApigwCloudwatchRoleRule) Severity() tflint.Severity { return tflint.NOTICE }
func (r *ApigwCloudwatchRoleRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports method settings that log and REST stages with access logs
// when no aws_api_gateway_account sets cloudwatch_role_arn. The role is set
// once per account and region, often in another configuration: the rule
// speaks only in a deployable root (a module folder leaves it to its
// caller), is off by default, and the message says so.
func (r *ApigwCloudwatchRoleRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil || !g.DeployableRoot() || g.CloudWatchRoleSet() {
		return err
	}
	const tail = "no aws_api_gateway_account in this root configuration sets cloudwatch_role_arn: the role is account-wide and may be set by another stack, but if none sets it for this account and region, terraform apply fails with BadRequestException: CloudWatch Logs role ARN must be set in account settings to enable logging"
	emit := func(n *apigw.Node, what string, rng hcl.Range) error {
		if g.NeverExists(n) {
			return nil
		}
		return runner.EmitIssue(r, fmt.Sprintf("%s turns on %s, but %s", n.Address(), what, tail), rng)
	}
	for _, s := range g.Resources(apigw.MethodSettings) {
		level, known := g.LoggingLevel(s)
		if !known || !apigw.Logs(level) {
			continue
		}
		blk, _ := apigw.SettingsBlock(s)
		if err := emit(s, fmt.Sprintf("execution logging (logging_level = %q)", level), blk.Body.Attributes["logging_level"].Range); err != nil {
			return err
		}
	}
	for _, stage := range g.Resources(apigw.Stage) {
		for _, logs := range stage.Blocks("access_log_settings") {
			if err := emit(stage, "access logging", logs.DefRange); err != nil {
				return err
			}
		}
	}
	// WebSocket stages log through the same account role; HTTP APIs take
	// no logging_level and deliver access logs without the role.
	for _, stage := range g.Resources(apigw.V2Stage) {
		if stage.API != nil && stage.API.Protocol() == "WEBSOCKET" {
			for _, logs := range stage.Blocks("access_log_settings") {
				if err := emit(stage, "access logging", logs.DefRange); err != nil {
					return err
				}
			}
		}
		view, _ := g.StageOf(stage)
		for _, attr := range view.RouteLogLevels() {
			if level, ok := attr.String(); ok && apigw.Logs(level) {
				if err := emit(stage, fmt.Sprintf("execution logging (logging_level = %q)", level), attr.Range()); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
