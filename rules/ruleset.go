// Package rules holds the apigw403 rules: one file a rule, each asking the
// shared API Gateway model (package apigw) its questions.
package rules

import (
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// RuleSet is the apigw403 ruleset. It wraps every runner so that all rules of
// one Check share a single model of the module.
type RuleSet struct {
	tflint.BuiltinRuleSet
	fix bool
}

// NewRuleSet returns the ruleset with every rule registered.
func NewRuleSet() *RuleSet {
	return &RuleSet{BuiltinRuleSet: tflint.BuiltinRuleSet{
		Name:    "apigw403",
		Version: project.Version,
		Rules:   All(),
	}}
}

// ApplyGlobalConfig records whether fixes are applied: the shared model must
// then be rebuilt after a rule changed the files.
func (r *RuleSet) ApplyGlobalConfig(config *tflint.Config) error {
	r.fix = config.Fix
	return r.BuiltinRuleSet.ApplyGlobalConfig(config)
}

// NewRunner wraps the host's runner with the one that caches the model.
func (r *RuleSet) NewRunner(runner tflint.Runner) (tflint.Runner, error) {
	collectForParsing()
	shared := apigw.NewRunner(runner, r.fix)
	shared.Loaded = collectForRules
	return shared, nil
}
