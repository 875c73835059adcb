package apigw

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/apigw403/tflint-ruleset-apigw403/internal/gentree"
)

func generatedModule(b *testing.B, apis int) map[string]*hcl.File {
	b.Helper()
	files := map[string]*hcl.File{}
	for name, src := range gentree.Files(apis, 10, 1, 0.1) {
		f, diags := hclsyntax.ParseConfig([]byte(src), name, hcl.InitialPos)
		if diags.HasErrors() {
			b.Fatal(diags)
		}
		files[name] = f
	}
	return files
}

// BenchmarkBuild measures reading a module of 200 REST APIs with 10 routes
// each into the model and asking each deployment's deployable set, as one
// Check does.
func BenchmarkBuild(b *testing.B) {
	files := generatedModule(b, 200)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g := Build(files, nil)
		for _, dep := range g.Deployments() {
			g.Deployables(dep.API)
		}
	}
}

// BenchmarkParse measures what the SDK does before the model sees a file:
// parsing every file the host sends, for scale against BenchmarkBuild.
func BenchmarkParse(b *testing.B) {
	srcs := gentree.Files(200, 10, 1, 0.1)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for name, src := range srcs {
			if _, diags := hclsyntax.ParseConfig([]byte(src), name, hcl.InitialPos); diags.HasErrors() {
				b.Fatal(diags)
			}
		}
	}
}
