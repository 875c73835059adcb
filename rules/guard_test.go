package rules

import (
	"strings"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// panickingRule stands for a rule with a bug: it panics on the second
// deployment it visits.
type panickingRule struct {
	tflint.DefaultRule
}

func (r *panickingRule) Name() string              { return "guard_test_panics" }
func (r *panickingRule) Enabled() bool             { return true }
func (r *panickingRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *panickingRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	seen := 0
	return apigw.Visit(g.Deployments(), func(dep *apigw.Node) error {
		seen++
		if seen == 2 {
			var nodes []*apigw.Node
			_ = nodes[seen] // index out of range
		}
		return nil
	})
}

func TestGuardReportsAPanicAndTheOtherRulesRun(t *testing.T) {
	runner := helper.TestRunner(t, map[string]string{"main.tf": `
resource "aws_api_gateway_deployment" "first" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_deployment" "second" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

resource "aws_api_gateway_resource" "r" {
  rest_api_id = aws_api_gateway_rest_api.api.id
}

resource "aws_api_gateway_stage" "first" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.first.id
  stage_name    = "first"
}

resource "aws_api_gateway_stage" "second" {
  rest_api_id   = aws_api_gateway_rest_api.api.id
  deployment_id = aws_api_gateway_deployment.second.id
  stage_name    = "second"
}
`})
	rules := guard([]tflint.Rule{&panickingRule{}, NewApigwDeploymentTriggersRule()})
	for _, rule := range rules {
		if err := rule.Check(runner); err != nil {
			t.Fatalf("%s: Check returned %v; a panic must not abort the run", rule.Name(), err)
		}
	}
	var panics, triggers int
	for _, issue := range runner.Issues {
		switch issue.Rule.Name() {
		case "guard_test_panics":
			panics++
			for _, want := range []string{"internal error in apigw403 rule guard_test_panics", "on aws_api_gateway_deployment.second", "index out of range"} {
				if !strings.Contains(issue.Message, want) {
					t.Errorf("panic report %q does not say %q", issue.Message, want)
				}
			}
			if issue.Range.Start.Line != 6 {
				t.Errorf("panic report is at line %d, want the resource's line 6", issue.Range.Start.Line)
			}
		case "apigw_deployment_triggers":
			triggers++
		}
	}
	if panics != 1 || triggers != 2 {
		t.Fatalf("got %d panic reports and %d trigger issues, want 1 and 2", panics, triggers)
	}
}
