package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"

	"github.com/apigw403/tflint-ruleset-apigw403/internal/gentree"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// BenchmarkAllRules runs every rule, as one Check does, on 200 REST APIs
// with 10 routes, usage plans and policies, plus 50 HTTP APIs. The files are
// parsed once outside the loop: this is the cost of the model and the rules.
func BenchmarkAllRules(b *testing.B) {
	files := gentree.Generate(gentree.Options{APIs: 200, Routes: 10, Seed: 1, Stale: 0.1, Extras: true, HTTPAPIs: 50})
	t := &testing.T{}
	runner := helper.TestRunner(t, files)
	rules := All()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		shared := apigw.NewRunner(runner, false)
		for _, rule := range rules {
			if err := rule.Check(shared); err != nil {
				b.Fatal(err)
			}
		}
		runner.Issues = nil
	}
}
