package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/hclfix"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/ref"
)

// ApigwExecutionLoggingRule reports REST stages that write no execution
// logs, the first thing to read when a call answers 403.
type ApigwExecutionLoggingRule struct {
	tflint.DefaultRule
}

// NewApigwExecutionLoggingRule returns the rule.
func NewApigwExecutionLoggingRule() *ApigwExecutionLoggingRule {
	return &ApigwExecutionLoggingRule{}
}

func (r *ApigwExecutionLoggingRule) Name() string              { return "apigw_execution_logging" }
func (r *ApigwExecutionLoggingRule) Enabled() bool             { return true }
func (r *ApigwExecutionLoggingRule) Severity() tflint.Severity { return tflint.NOTICE }
func (r *ApigwExecutionLoggingRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports stages of APIs declared in the module that no method
// settings for "*/*" give logging_level INFO or ERROR. The fix inserts such
// settings after the stage, unless "*/*" settings exist already (they need
// editing, not a second resource that would fight them).
func (r *ApigwExecutionLoggingRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, stage := range g.Resources(apigw.Stage) {
		if stage.API == nil || stage.API.Node == nil || g.NeverExists(stage) || g.PassedToModule(stage) {
			continue
		}
		all, covered, known := r.settings(g, stage)
		if covered || !known {
			continue
		}
		msg := fmt.Sprintf("%s writes no execution logs: no aws_api_gateway_method_settings for method_path \"*/*\" sets logging_level to INFO or ERROR, so nothing records which check answered 403 (resource policy, API key, authorizer, missing route)", stage.Address())
		if all != nil {
			msg = fmt.Sprintf("%s writes no execution logs: %s leaves logging_level OFF, so nothing records which check answered 403 (resource policy, API key, authorizer, missing route)", stage.Address(), all.Address())
		}
		err := runner.EmitIssueWithFix(r, msg, stage.Block.DefRange, func(f tflint.Fixer) error {
			view, _ := g.StageOf(stage)
			rest := view.APIID()
			name := stage.Name
			if g.Lookup(apigw.MethodSettings+"."+name) != nil {
				name += "_all"
			}
			if all != nil || !view.CanEdit() || !rest.Written() || g.Lookup(apigw.MethodSettings+"."+name) != nil {
				return tflint.ErrFixNotSupported
			}
			meta, instance := ref.InstanceOf(stage.Address(), view.Expansion)
			restText := g.Text(rest.Expr())
			if !view.Single() && apigw.UsesInstanceKey(rest.Expr()) {
				restText = instance + ".rest_api_id"
			}
			text := hclfix.MethodSettings{Name: name, Meta: meta, RestAPIID: restText, StageName: instance + ".stage_name"}.Text()
			return hclfix.InsertAfterBlock(f, view.Block(), text)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// settings reads the stage's method settings: the "*/*" ones, whether some
// log every method, and whether the configuration tells.
func (r *ApigwExecutionLoggingRule) settings(g *apigw.Graph, stage *apigw.Node) (all *apigw.Node, covered, known bool) {
	found := g.SettingsOf(stage)
	if found.Unsure {
		return nil, false, false
	}
	for _, s := range found.Settings {
		on, ok := g.LogsEveryMethod(s)
		if !ok {
			return nil, false, false
		}
		if on {
			return s, true, true
		}
		if path, _ := g.String(s.Attr("method_path")); path == apigw.AllMethods {
			all = s
		}
	}
	return all, false, true
}
