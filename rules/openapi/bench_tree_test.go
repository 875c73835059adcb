package openapi

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/apigw403/tflint-ruleset-apigw403/internal/gentree"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/beside"
)

// BenchmarkBenchTreeBodies reads every body of the make bench tree at 200
// APIs (a quarter body-defined: jsonencode, templatefile of YAML, file of
// JSON in turn) into specs, by form and all together: what reading and
// parsing bodies adds to a Check, spec files read from disk each time.
//
//	go test ./rules/openapi -run XXX -bench BenchTreeBodies -benchmem
func BenchmarkBenchTreeBodies(b *testing.B) {
	dir := b.TempDir()
	files := gentree.Generate(gentree.Options{APIs: 200, Routes: 10, Seed: 1, Stale: 0.1, Around: true, Bodies: 0.25})
	bodies := map[gentree.BodyForm][]hcl.Expression{}
	for name, src := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			b.Fatal(err)
		}
		if !strings.HasSuffix(name, ".tf") || !strings.Contains(src, "body = ") {
			continue
		}
		f, diags := hclsyntax.ParseConfig([]byte(src), name, hcl.InitialPos)
		if diags.HasErrors() {
			b.Fatal(diags)
		}
		for _, block := range f.Body.(*hclsyntax.Body).Blocks {
			if a, ok := block.Body.Attributes["body"]; ok {
				form := gentree.JSONEncode
				switch {
				case strings.Contains(src, "body = templatefile("):
					form = gentree.TemplateFile
				case strings.Contains(src, "body = file("):
					form = gentree.FileJSON
				}
				bodies[form] = append(bodies[form], a.Expr)
			}
		}
	}
	r := &Reader{Files: beside.Open(dir, ".")}
	read := func(b *testing.B, exprs []hcl.Expression) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			for _, expr := range exprs {
				if s := Read(r.Body(expr)); len(s.Operations) != 10 {
					b.Fatalf("operations %d: %s", len(s.Operations), s.Doc.Reason)
				}
			}
		}
	}
	var all []hcl.Expression
	for _, form := range gentree.BodyForms {
		exprs := bodies[form]
		if len(exprs) == 0 {
			b.Fatalf("no %s body", form)
		}
		all = append(all, exprs...)
		b.Run(string(form), func(b *testing.B) { read(b, exprs) })
	}
	b.Run("all", func(b *testing.B) { read(b, all) })
}
