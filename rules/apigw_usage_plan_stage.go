package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwUsagePlanStageRule reports usage plans that bind a stage their API
// does not have: no stage accepts the plan's keys.
type ApigwUsagePlanStageRule struct {
	tflint.DefaultRule
}

// NewApigwUsagePlanStageRule returns the rule.
func NewApigwUsagePlanStageRule() *ApigwUsagePlanStageRule {
	return &ApigwUsagePlanStageRule{}
}

func (r *ApigwUsagePlanStageRule) Name() string              { return "apigw_usage_plan_stage" }
func (r *ApigwUsagePlanStageRule) Enabled() bool             { return true }
func (r *ApigwUsagePlanStageRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwUsagePlanStageRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports every api_stages block whose stage is proven to be no stage
// of its API. The fix references the one stage resource the block can mean.
func (r *ApigwUsagePlanStageRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, b := range g.KeyWiring().Bindings {
		miss, found := g.MissingStage(b)
		if !found {
			continue
		}
		err := runner.EmitIssueWithFix(r, stageMissMessage(miss), b.Stage.Range, func(f tflint.Fixer) error {
			if !b.Plan.Source().CanEdit() || miss.Evaluated || miss.Meant == nil || !miss.Meant.Source().Single() {
				return tflint.ErrFixNotSupported
			}
			return f.ReplaceText(b.Stage.Expr.Range(), miss.Meant.Reference("stage_name"))
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func stageMissMessage(m apigw.StageMiss) string {
	api := m.Binding.API.Node.Address()
	symptom := fmt.Sprintf("no stage accepts the plan's keys, and key-requiring methods of %s answer 403 Forbidden", api)
	if m.EmptyFrom != nil {
		return fmt.Sprintf("%s binds the stage %s.stage_name, which is empty because the deployment sets no stage_name: %s",
			m.Binding.Plan.Address(), m.EmptyFrom.Address(), symptom)
	}
	var names []string
	for _, s := range m.Stages {
		names = append(names, strconv.Quote(s.Name))
	}
	return fmt.Sprintf("%s binds stage %q of %s, which has no stage of that name (its stages: %s): API Gateway rejects the plan with BadRequestException: Invalid API Stage, %s",
		m.Binding.Plan.Address(), m.Name, api, strings.Join(names, ", "), symptom)
}
