package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwMethodSettingsStageReferenceRule reports method settings that name
// their stage by a literal: Terraform does not know they depend on it.
type ApigwMethodSettingsStageReferenceRule struct {
	tflint.DefaultRule
}

// NewApigwMethodSettingsStageReferenceRule returns the rule.
func NewApigwMethodSettingsStageReferenceRule() *ApigwMethodSettingsStageReferenceRule {
	return &ApigwMethodSettingsStageReferenceRule{}
}

func (r *ApigwMethodSettingsStageReferenceRule) Name() string {
	return "apigw_method_settings_stage_reference"
}
func (r *ApigwMethodSettingsStageReferenceRule) Enabled() bool             { return true }
func (r *ApigwMethodSettingsStageReferenceRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *ApigwMethodSettingsStageReferenceRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports method settings whose stage_name is a literal equal to the
// name of a stage resource of the same API. The fix references that stage
// when it is the only match and has no count or for_each.
func (r *ApigwMethodSettingsStageReferenceRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, s := range g.Resources(apigw.MethodSettings) {
		attr := s.Attr("stage_name")
		if attr == nil || s.API == nil || len(attr.Expr.Variables()) > 0 || g.NeverExists(s) {
			continue
		}
		v, diags := attr.Expr.Value(nil) // a literal; functions fail here and are skipped
		if diags.HasErrors() || v.IsNull() || !v.IsKnown() || v.Type() != cty.String {
			continue
		}
		var matches []*apigw.Node
		for _, stage := range s.API.Stages {
			if name, ok := stageNameOf(g, stage); ok && name == v.AsString() {
				matches = append(matches, stage)
			}
		}
		if len(matches) == 0 {
			continue
		}
		stage := matches[0]
		msg := fmt.Sprintf("%s names stage %q by a literal instead of referencing %s: Terraform does not know it depends on the stage and may apply it first, which fails with NotFoundException: Invalid stage identifier specified", s.Address(), v.AsString(), stage.Address())
		err := runner.EmitIssueWithFix(r, msg, attr.Range, func(f tflint.Fixer) error {
			if len(matches) != 1 || !s.Source().CanEdit() || !stage.Source().Single() {
				return tflint.ErrFixNotSupported
			}
			return f.ReplaceText(attr.Expr.Range(), stage.Reference("stage_name"))
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// stageNameOf is a REST stage's stage_name, when the configuration proves it.
func stageNameOf(g *apigw.Graph, n *apigw.Node) (string, bool) {
	stage, ok := g.StageOf(n)
	if !ok {
		return "", false
	}
	return stage.Name().String()
}
