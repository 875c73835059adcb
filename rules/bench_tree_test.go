package rules

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"

	"github.com/apigw403/tflint-ruleset-apigw403/internal/gentree"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// BenchmarkBenchTree runs each rule family, and then every rule (off-by-
// default ones included), on the make bench tree at 200 APIs: a quarter
// body-defined, a distribution and a custom domain per ten APIs. Files are
// parsed once outside the loop (the SDK's GetFiles is not measured) and the
// spec files are left out: the helper runner holds .tf files only.
// BENCH_APIS sets another size, to see how a family grows.
//
//	go test ./rules -run XXX -bench BenchTree -benchmem
//	BENCH_APIS=800 go test ./rules -run XXX -bench BenchTree/around -benchmem
func BenchmarkBenchTree(b *testing.B) {
	apis := 200
	if n, err := strconv.Atoi(os.Getenv("BENCH_APIS")); err == nil && n > 0 {
		apis = n
	}
	files := map[string]string{}
	for name, src := range gentree.Generate(gentree.Options{APIs: apis, Routes: 10, Seed: 1, Stale: 0.1, Around: true, Bodies: 0.25}) {
		if strings.HasSuffix(name, ".tf") {
			files[name] = src
		}
	}
	runner := helper.TestRunner(&testing.T{}, files)
	for _, family := range append(Families, "all") {
		rules := family.Rules()
		if family == "all" {
			rules = All()
		}
		b.Run(string(family), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				shared := apigw.NewRunner(runner, false)
				for _, rule := range rules {
					if err := rule.Check(shared); err != nil {
						b.Fatal(err)
					}
				}
				runner.Issues = nil
			}
		})
	}
}
