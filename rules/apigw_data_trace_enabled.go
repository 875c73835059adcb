package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwDataTraceEnabledRule reports data tracing left on: full request and
// response bodies in the execution logs.
type ApigwDataTraceEnabledRule struct {
	tflint.DefaultRule
}

// NewApigwDataTraceEnabledRule returns the rule.
func NewApigwDataTraceEnabledRule() *ApigwDataTraceEnabledRule {
	return &ApigwDataTraceEnabledRule{}
}

func (r *ApigwDataTraceEnabledRule) Name() string              { return "apigw_data_trace_enabled" }
func (r *ApigwDataTraceEnabledRule) Enabled() bool             { return true }
func (r *ApigwDataTraceEnabledRule) Severity() tflint.Severity { return tflint.NOTICE }
func (r *ApigwDataTraceEnabledRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports data_trace_enabled = true in REST method settings and in
// HTTP/WebSocket stages' route settings.
func (r *ApigwDataTraceEnabledRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, kind := range []string{apigw.MethodSettings, apigw.V2Stage} {
		for _, n := range g.Resources(kind) {
			if g.NeverExists(n) {
				continue
			}
			for _, attr := range g.DataTraceAttrs(n) {
				msg := fmt.Sprintf("%s sets data_trace_enabled = true: the execution log receives every request and response body in full, tokens and personal data included; turn it off when debugging is done", n.Address())
				if err := runner.EmitIssue(r, msg, attr.Range); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
