package openapi

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/beside"
)

// config is a parsed .tf file: the first "body" (or "template") attribute
// found, the "vars" beside it, and its locals for Reader.Expand.
type config struct {
	body, vars, template hcl.Expression
	locals               map[string]hcl.Expression
}

func parseTF(t testing.TB, src string) config {
	t.Helper()
	return parseTFNamed(t, "main.tf", src)
}

func parseTFNamed(t testing.TB, filename, src string) config {
	t.Helper()
	f, diags := hclsyntax.ParseConfig([]byte(src), filename, hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("parse: %s", diags)
	}
	c := config{locals: map[string]hcl.Expression{}}
	for _, b := range f.Body.(*hclsyntax.Body).Blocks {
		for name, a := range b.Body.Attributes {
			switch {
			case b.Type == "locals":
				c.locals[name] = a.Expr
			case name == "body" || name == "template":
				c.body = a.Expr
				if name == "template" {
					c.template = a.Expr
				}
			case name == "vars":
				c.vars = a.Expr
			}
		}
	}
	if c.body == nil {
		t.Fatal("no body attribute")
	}
	return c
}

func (c config) expand(t hcl.Traversal) hcl.Expression {
	if t.RootName() != "local" || len(t) != 2 {
		return nil
	}
	attr, ok := t[1].(hcl.TraverseAttr)
	if !ok {
		return nil
	}
	return c.locals[attr.Name]
}

func (c config) reader(dir string) *Reader {
	return &Reader{Files: beside.Open(dir, "."), Expand: c.expand}
}

// writeFiles writes files (name -> content) under a new temporary folder.
func writeFiles(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func onlyOp(t *testing.T, s *Spec) *Operation {
	t.Helper()
	if len(s.Operations) != 1 {
		t.Fatalf("operations: %d (known %v, doc reason %q)", len(s.Operations), s.OperationsKnown, s.Doc.Reason)
	}
	return s.Operations[0]
}

func text(t *testing.T, f Field) string {
	t.Helper()
	v, ok := f.Text()
	if !ok {
		t.Fatalf("field not known: %#v", f.Str)
	}
	return v
}
