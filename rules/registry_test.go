package rules

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRegistryMatchesTheRules fails when a registry row says something else
// than its rule: severity, default, fixable, a name that is not its file's,
// a family the registry does not know, or a rule registered twice.
func TestRegistryMatchesTheRules(t *testing.T) {
	fixers := fixingFiles(t)
	seen := map[string]bool{}
	for _, e := range Registry() {
		rule := e.New()
		name := rule.Name()
		if seen[name] {
			t.Errorf("%s is registered twice", name)
		}
		seen[name] = true
		if !slices.Contains(Families, e.Family) {
			t.Errorf("%s: family %q is not one of %v", name, e.Family, Families)
		}
		if rule.Severity() != e.Severity {
			t.Errorf("%s: the registry says %s, the rule is %s", name, e.Severity, rule.Severity())
		}
		if rule.Enabled() != e.Enabled {
			t.Errorf("%s: the registry says enabled %v, the rule says %v", name, e.Enabled, rule.Enabled())
		}
		fixes, ok := fixers[name+".go"]
		if !ok {
			t.Errorf("%s is not declared in rules/%s.go", name, name)
			continue
		}
		if fixes != e.Fixable {
			t.Errorf("%s: the registry says fixable %v, rules/%s.go calls EmitIssueWithFix: %v", name, e.Fixable, name, fixes)
		}
	}
	for file := range fixers {
		if name := strings.TrimSuffix(file, ".go"); !seen[name] {
			t.Errorf("rules/%s declares a rule the registry does not list", file)
		}
	}
}

// fixingFiles maps every rule file (rules/apigw_*.go) to whether it can emit
// a fix: it calls EmitIssueWithFix, or a function of a shared file that does.
func fixingFiles(t *testing.T) map[string]bool {
	t.Helper()
	fset := token.NewFileSet()
	pkgFiles := map[string]*ast.File{}
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		pkgFiles[name] = f
	}
	// Shared functions and methods that emit fixes, so that a rule calling
	// them counts.
	sharedFixers := map[string]bool{}
	for name, f := range pkgFiles {
		if isRuleFile(name) {
			continue
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && mentions(fn, func(id string) bool { return id == "EmitIssueWithFix" }) {
				sharedFixers[fn.Name.Name] = true
			}
		}
	}
	out := map[string]bool{}
	for name, f := range pkgFiles {
		if isRuleFile(name) {
			out[name] = mentions(f, func(id string) bool { return id == "EmitIssueWithFix" || sharedFixers[id] })
		}
	}
	return out
}

// isRuleFile tells a rule's own file from the package's shared files.
func isRuleFile(name string) bool {
	return strings.HasPrefix(name, "apigw_") && strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go")
}

// mentions tells whether an identifier that match accepts appears in n.
func mentions(n ast.Node, match func(string) bool) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && match(id.Name) {
			found = true
		}
		return !found
	})
	return found
}

// TestEveryRuleHasATestFile fails when a registered rule has no
// rules/<name>_test.go.
func TestEveryRuleHasATestFile(t *testing.T) {
	for _, e := range Registry() {
		if _, err := os.Stat(e.New().Name() + "_test.go"); err != nil {
			t.Errorf("%s has no unit test file: %s", e.New().Name(), err)
		}
	}
}
