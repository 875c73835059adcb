package rules

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// FuzzRules runs every rule, fixes included, on arbitrary valid HCL: no
// input may make a rule panic, and every fix must leave valid HCL.
//
//	go test ./rules -run XXX -fuzz FuzzRules -fuzztime 2m
func FuzzRules(f *testing.F) {
	for _, seed := range []string{restAPIWithRoute, restAPIWithTwoRoutes, httpAPIWithRoute, deploymentWithTriggers + "}\n"} {
		f.Add(seed)
	}
	if cases, err := filepath.Glob(filepath.Join("..", "integration", "*", "*.tf")); err == nil {
		for _, name := range cases {
			if src, err := os.ReadFile(name); err == nil {
				f.Add(string(src))
			}
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		if _, diags := hclsyntax.ParseConfig([]byte(src), "main.tf", hcl.InitialPos); diags.HasErrors() {
			return
		}
		for _, rule := range All() {
			runner := helper.TestRunner(t, map[string]string{"main.tf": src})
			// Errors (a bad rule option, say) are fine; panics and broken fixes are not.
			_ = rule.(guardedRule).Rule.Check(runner)
			for name, fixed := range runner.Changes() {
				if _, diags := hclsyntax.ParseConfig(fixed, name, hcl.InitialPos); diags.HasErrors() {
					t.Fatalf("%s wrote invalid HCL: %s\n--- input\n%s\n--- output\n%s", rule.Name(), diags, src, fixed)
				}
			}
		}
	})
}
