package main

import (
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// repoCopy copies what the rules package needs to build and test (and the
// docs the scaffold edits) into a temporary module.
func repoCopy(t *testing.T) string {
	t.Helper()
	src, dst := filepath.Join("..", ".."), t.TempDir()
	for _, part := range []string{"go.mod", "go.sum", "project", "rules", "internal", "docs"} {
		err := filepath.WalkDir(filepath.Join(src, part), func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(src, path)
			if d.IsDir() {
				return os.MkdirAll(filepath.Join(dst, rel), 0o755)
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dst, "integration"), 0o755); err != nil {
		t.Fatal(err)
	}
	return dst
}

func goCmd(t *testing.T, dir string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestScaffoldCompilesAndItsTestsFail writes a fixable and a report-only
// rule into a copy of the repository: the copy must vet (rule and test
// compile), the generated tests must fail, and the docs, triage and layout
// tests must still pass with the new rows.
func TestScaffoldCompilesAndItsTestsFail(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the rules package")
	}
	root := repoCopy(t)
	for _, args := range [][]string{
		{"-root", root, "-fixable", "-severity", "error", "apigw_scaffold_fixable", "key"},
		{"-root", root, "-disabled", "apigw_scaffold_report_only", "Endpoint"},
	} {
		if err := run(args, io.Discard); err != nil {
			t.Fatalf("newrule %v: %s", args, err)
		}
	}
	// One go test run (it compiles and vets the package): the generated
	// tests must fail, the docs, triage and layout tests must pass with the
	// new rows. TestRegistryMatchesTheRules is left out: it fails for the
	// fixable rule until its Check emits a fix, as it should.
	checks := []string{"TestDocsIndexMatchesTheRules", "TestTriageCoversEveryRule", "TestEveryRuleHasATestFile",
		"TestForbiddenImports", "TestRuleFilesKeepTheirHelpers"}
	pattern := "^(TestApigwScaffoldFixable|TestApigwScaffoldReportOnly|" + strings.Join(checks, "|") + ")$"
	out, err := goCmd(t, root, "test", "-count=1", "-v", "./rules", "-run", pattern)
	if err == nil {
		t.Fatalf("the generated tests pass before the rule is written:\n%s", out)
	}
	if strings.Contains(out, "[build failed]") || strings.Contains(out, "[setup failed]") {
		t.Fatalf("the scaffold does not compile:\n%s", out)
	}
	for _, want := range []string{
		"--- FAIL: TestApigwScaffoldFixable/reports_TODO",
		"--- FAIL: TestApigwScaffoldFixable/the_fix_writes_TODO",
		"--- FAIL: TestApigwScaffoldReportOnly/reports_TODO",
		"--- FAIL: TestApigwScaffoldReportOnly/count_and_for_each:_TODO",
		"--- PASS: TestApigwScaffoldFixable/silent_on_TODO:_the_correct_configuration",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("go test output lacks %q:\n%s", want, out)
		}
	}
	for _, check := range checks {
		if !strings.Contains(out, "--- PASS: "+check+" ") {
			t.Errorf("%s does not pass on the scaffold:\n%s", check, out)
		}
	}
	for _, path := range []string{
		"docs/rules/apigw_scaffold_fixable.md",
		"integration/key_scaffold_fixable/main.tf",
		"integration/key_scaffold_fixable/.tflint.hcl",
		"integration/key_scaffold_fixable/result.json",
		"integration/key_scaffold_fixable/fixed/main.tf",
		"integration/endpoint_scaffold_report_only/result.json",
	} {
		if _, err := os.Stat(filepath.Join(root, path)); err != nil {
			t.Error(err)
		}
	}
	if _, err := os.Stat(filepath.Join(root, "integration/endpoint_scaffold_report_only/fixed")); err == nil {
		t.Error("a report-only rule got a fixed/ folder")
	}
	registry, _ := os.ReadFile(filepath.Join(root, "rules", "registry.go"))
	for _, want := range []string{
		"{New: of(NewApigwScaffoldFixableRule), Family: Key, Severity: tflint.ERROR, Enabled: true, Fixable: true},",
		"{New: of(NewApigwScaffoldReportOnlyRule), Family: Endpoint, Severity: tflint.WARNING, Enabled: false, Fixable: false},",
	} {
		if !strings.Contains(string(registry), want) {
			t.Errorf("rules/registry.go lacks %s", want)
		}
	}
}

// TestScaffoldRefuses checks that bad names, unknown families and taken
// names are refused before anything is written.
func TestScaffoldRefuses(t *testing.T) {
	root := t.TempDir()
	for _, path := range []string{"rules/registry.go", "docs/README.md", "docs/triage.md"} {
		b, err := os.ReadFile(filepath.Join("..", "..", path))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(root, filepath.Dir(path)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, path), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(root, "rules", "apigw_taken.go"), []byte("package rules\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "integration", "lambda_case"), 0o755); err != nil {
		t.Fatal(err)
	}
	before := listing(t, root)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"stage_cache", "key"}, "not a rule name"},
		{[]string{"apigw_StageCache", "key"}, "not a rule name"},
		{[]string{"apigw_stage__cache", "key"}, "not a rule name"},
		{[]string{"apigw_stage-cache", "key"}, "not a rule name"},
		{[]string{"apigw_stage_cache", "stages"}, `family "stages" is not one of deployment, policy, key, lambda, endpoint`},
		{[]string{"-severity", "INFO", "apigw_stage_cache", "key"}, "severity"},
		{[]string{"apigw_taken", "key"}, "is taken"},
		{[]string{"apigw_lambda_case", "lambda"}, "integration/lambda_case exists"},
		{[]string{"apigw_api_key_disabled", "key"}, "already registers NewApigwAPIKeyDisabledRule"},
		{[]string{"apigw_stage_cache"}, "want NAME and FAMILY"},
	} {
		err := run(append([]string{"-root", root}, tc.args...), io.Discard)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("newrule %v: error %v, want one containing %q", tc.args, err, tc.want)
		}
	}
	if after := listing(t, root); after != before {
		t.Error("a refused run changed the tree")
	}
}

// listing is every file under root with its content.
func listing(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		content, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		b.WriteString("== " + rel + "\n" + string(content))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestGoName(t *testing.T) {
	for name, want := range map[string]string{
		"apigw_api_key_disabled":      "ApigwAPIKeyDisabled",
		"apigw_cors_preflight_auth":   "ApigwCORSPreflightAuth",
		"apigw_v2_stage_not_deployed": "ApigwV2StageNotDeployed",
		"apigw_stage_cache_keys":      "ApigwStageCacheKeys",
	} {
		if got := goName(name); got != want {
			t.Errorf("goName(%s) = %s, want %s", name, got, want)
		}
	}
}
