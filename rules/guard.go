package rules

import (
	"fmt"
	"runtime/debug"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/logger"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// guardedRule keeps a bug in one rule from taking down the user's whole
// tflint run: a panic becomes one issue naming the rule and, where known,
// the resource, and the other rules still run.
type guardedRule struct {
	tflint.Rule
}

// guard wraps every rule of a list.
func guard(rules []tflint.Rule) []tflint.Rule {
	out := make([]tflint.Rule, len(rules))
	for i, r := range rules {
		out[i] = guardedRule{r}
	}
	return out
}

// Check runs the rule and turns a panic into a reported issue.
func (g guardedRule) Check(runner tflint.Runner) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = reportPanic(runner, g.Rule, p)
		}
	}()
	return g.Rule.Check(runner)
}

func reportPanic(runner tflint.Runner, rule tflint.Rule, p any) error {
	logger.Error(fmt.Sprintf("apigw403: rule %s panicked: %v\n%s", rule.Name(), p, debug.Stack()))
	where, rng := "", hcl.Range{}
	if np, ok := p.(*apigw.NodePanic); ok {
		where, rng, p = " on "+np.Node.Address(), np.Node.Block.DefRange, np.Value
	}
	msg := fmt.Sprintf("internal error in apigw403 rule %s%s: %v; this resource was not checked by this rule, the other rules ran. Please report it with this configuration", rule.Name(), where, p)
	return runner.EmitIssue(rule, msg, rng)
}
