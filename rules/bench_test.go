package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/internal/gentree"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// BenchmarkRules runs each rule family, and then every rule, as one Check
// does, on 200 REST APIs with 10 routes, usage plans and policies, plus 50
// HTTP APIs. The files are parsed once outside the loop, so this measures
// the model and the rules, not the SDK's parsing (BenchmarkParse in
// rules/apigw).
//
//	go test ./rules -run XXX -bench Rules -benchmem
func BenchmarkRules(b *testing.B) {
	files := gentree.Generate(gentree.Options{APIs: 200, Routes: 10, Seed: 1, Stale: 0.1, Extras: true, HTTPAPIs: 50})
	benchFamilies(b, helper.TestRunner(&testing.T{}, files))
}

// BenchmarkRulesBodies is BenchmarkRules with a quarter of the REST APIs
// defined by an OpenAPI body (jsonencode, templatefile of YAML, file of
// JSON in turn), the spec files written beside the configuration: what
// reading and parsing bodies adds.
//
//	go test ./rules -run XXX -bench RulesBodies -benchmem
func BenchmarkRulesBodies(b *testing.B) {
	files := gentree.Generate(gentree.Options{APIs: 200, Routes: 10, Seed: 1, Stale: 0.1, Extras: true, HTTPAPIs: 50, Bodies: 0.25})
	dir := b.TempDir()
	tf := map[string]string{}
	for name, src := range files {
		if strings.HasSuffix(name, ".tf") {
			tf[name] = src
			continue
		}
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.Chdir(dir) // the test runner's original working directory
	benchFamilies(b, helper.TestRunner(&testing.T{}, tf))
}

func benchFamilies(b *testing.B, runner *helper.Runner) {
	families := []struct {
		name  string
		rules []tflint.Rule
	}{
		{"deployment", Deployment.Rules()},
		{"policy", Policy.Rules()},
		{"key", Key.Rules()},
		{"lambda", Lambda.Rules()},
		{"endpoint", Endpoint.Rules()},
		{"around", Around.Rules()},
		{"all", All()},
	}
	for _, family := range families {
		b.Run(family.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				shared := apigw.NewRunner(runner, false)
				for _, rule := range family.rules {
					if err := rule.Check(shared); err != nil {
						b.Fatal(err)
					}
				}
				runner.Issues = nil
			}
		})
	}
}
