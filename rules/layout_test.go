package rules

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// module is the import path every package of this repository starts with.
const module = "github.com/apigw403/tflint-ruleset-apigw403/"

// forbiddenImports lists, for a package (by its folder from the module root),
// the packages it must not import: the model knows no rule and no fix writer;
// the readers below it (policy, arn, partial, openapi, beside) know no model. If the
// shared layer moves (to internal/, say), move these keys with it.
var forbiddenImports = map[string][]string{
	"rules/apigw":   {"rules", "rules/hclfix"},
	"rules/policy":  {"rules", "rules/apigw"},
	"rules/arn":     {"rules", "rules/apigw"},
	"rules/partial": {"rules", "rules/apigw"},
	"rules/openapi": {"rules", "rules/apigw"},
	"rules/beside":  {"rules", "rules/apigw"},
}

// importAllowlist holds forbidden imports that are tolerated, as
// "file -> package": none. Never add one.
var importAllowlist = map[string]bool{}

// TestForbiddenImports fails when a package imports one the layout forbids
// (test files included: an external test package can import anything).
func TestForbiddenImports(t *testing.T) {
	root := ".."
	stale := map[string]bool{}
	for k := range importAllowlist {
		stale[k] = true
	}
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") {
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		forbidden := forbiddenImports[filepath.ToSlash(filepath.Dir(rel))]
		if len(forbidden) == 0 {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, spec := range f.Imports {
			imp, _ := strconv.Unquote(spec.Path.Value)
			for _, bad := range forbidden {
				if imp != module+bad {
					continue
				}
				key := rel + " -> " + bad
				if importAllowlist[key] {
					delete(stale, key)
					continue
				}
				t.Errorf("%s imports %s, which %s must not import", rel, bad, filepath.Dir(rel))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for k := range stale {
		t.Errorf("importAllowlist entry %q no longer applies: delete it", k)
	}
}

// helperAllowlist holds rule-file helpers other files may use, as
// "declaring file: name": none. A helper two rules need moves to a shared
// file or the model. Never add one.
var helperAllowlist = map[string]bool{}

// TestRuleFilesKeepTheirHelpers fails when an unexported function, type,
// variable or constant declared in a rule file (rules/apigw_<x>.go) is used
// from any other file of the package but the rule's own test: what two rules
// share lives in a named shared file (messages.go, policies.go, ...) or in
// the model, as staticcheck keeps one check a package.
func TestRuleFilesKeepTheirHelpers(t *testing.T) {
	fset := token.NewFileSet()
	names, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]*ast.File{}
	owner := map[string]string{} // unexported rule-file declaration -> its file
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = f
		if !isRuleFile(name) {
			continue
		}
		for _, id := range topLevelNames(f) {
			if !ast.IsExported(id) && id != "_" {
				owner[id] = name
			}
		}
	}
	stale := map[string]bool{}
	for k := range helperAllowlist {
		stale[k] = true
	}
	var problems []string
	for name, f := range files {
		for _, id := range packageRefs(f) {
			decl, ok := owner[id]
			if !ok || decl == name || strings.TrimSuffix(name, "_test.go")+".go" == decl {
				continue
			}
			key := decl + ": " + id
			if helperAllowlist[key] {
				delete(stale, key)
				continue
			}
			problems = append(problems, name+" uses "+id+", declared in the rule file "+decl+": move it to a shared file or the model")
		}
	}
	sort.Strings(problems)
	for _, p := range dedupe(problems) {
		t.Error(p)
	}
	for k := range stale {
		t.Errorf("helperAllowlist entry %q no longer applies: delete it", k)
	}
}

// topLevelNames lists the package-level functions (not methods), types,
// variables and constants a file declares.
func topLevelNames(f *ast.File) []string {
	var out []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				out = append(out, d.Name.Name)
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					out = append(out, s.Name.Name)
				case *ast.ValueSpec:
					for _, n := range s.Names {
						out = append(out, n.Name)
					}
				}
			}
		}
	}
	return out
}

// packageRefs lists the identifiers a file uses but does not declare: the
// parser leaves exactly those unresolved (package-level names of other files,
// predeclared names), apart from composite-literal keys, which may be field
// names and are left out.
func packageRefs(f *ast.File) []string {
	keys := map[*ast.Ident]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if lit, ok := n.(*ast.CompositeLit); ok {
			for _, elt := range lit.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok {
						keys[id] = true
					}
				}
			}
		}
		return true
	})
	var out []string
	for _, id := range f.Unresolved {
		if !keys[id] {
			out = append(out, id.Name)
		}
	}
	return out
}

func dedupe(sorted []string) []string {
	var out []string
	for i, s := range sorted {
		if i == 0 || s != sorted[i-1] {
			out = append(out, s)
		}
	}
	return out
}
