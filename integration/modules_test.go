package integration

// Linting a root module with local modules (docs/modules.md): the rules read the
// root module of each folder tflint lints, so a module's own issues only appear
// when tflint lints the module folder itself, with the configuration that enables
// the plugin.

import (
	"path/filepath"
	"strings"
	"testing"
)

const (
	modulesCase  = "ci_modules"
	modulesRule  = "apigw_deployment_triggers"
	modulesIssue = "modules/routes/main.tf"
)

func moduleIssues(out Output) (ours []Issue) {
	for _, is := range out.Issues {
		if strings.HasPrefix(is.Rule.Name, "apigw_") {
			ours = append(ours, is)
		}
	}
	return ours
}

// TestModulesNeedRecursiveAndConfig: plain `tflint` in the root does not report
// the deployment without triggers in modules/routes; `tflint --recursive` alone
// lints the module folder without the plugin (that folder has no .tflint.hcl);
// `tflint --recursive --config <root>/.tflint.hcl` reports it, under the module's
// path.
func TestModulesNeedRecursiveAndConfig(t *testing.T) {
	t.Parallel()
	dir := copyCase(t, modulesCase)
	config, err := filepath.Abs(filepath.Join(dir, ".tflint.hcl"))
	if err != nil {
		t.Fatal(err)
	}

	t.Run("plain", func(t *testing.T) {
		out := lintJSON(t, dir)
		if got := moduleIssues(out); len(got) != 0 {
			t.Errorf("plain tflint in the root reports %+v, want nothing (issues inside a called module are not reported from the root)", got)
		}
		if len(out.Errors) != 0 {
			t.Errorf("errors: %+v", out.Errors)
		}
	})

	t.Run("recursive without config", func(t *testing.T) {
		out := lintJSON(t, dir, "--recursive")
		for _, is := range moduleIssues(out) {
			t.Errorf("tflint --recursive without --config reports %s in %s: the module folder has no .tflint.hcl enabling the plugin, so it should not", is.Rule.Name, is.Range.Filename)
		}
	})

	t.Run("recursive with config", func(t *testing.T) {
		out := lintJSON(t, dir, "--recursive", "--config", config)
		if len(out.Errors) != 0 {
			t.Errorf("errors: %+v", out.Errors)
		}
		// Other rules may report too; this one must, once, in the module's file.
		var found []Issue
		for _, is := range moduleIssues(out) {
			if is.Rule.Name == modulesRule {
				found = append(found, is)
			}
		}
		if len(found) != 1 {
			t.Fatalf("tflint --recursive --config reports %s %d times, want once: %+v", modulesRule, len(found), out.Issues)
		}
		is := found[0]
		if filepath.ToSlash(is.Range.Filename) != modulesIssue {
			t.Errorf("%s reported in %s, want %s", modulesRule, is.Range.Filename, modulesIssue)
		}
		if is.Range.Start.Line != 30 || !strings.HasPrefix(is.Message, "aws_api_gateway_deployment.routes has no triggers") {
			t.Errorf("issue at line %d with message %q, want line 30, aws_api_gateway_deployment.routes has no triggers...", is.Range.Start.Line, is.Message)
		}
	})

	// --fix works the same way: the module's file is fixed, after which a
	// recursive lint finds nothing.
	t.Run("recursive fix", func(t *testing.T) {
		fixDir := copyCase(t, modulesCase)
		fixConfig := filepath.Join(fixDir, ".tflint.hcl")
		lintJSON(t, fixDir, "--recursive", "--config", fixConfig, "--fix")
		after := readTree(t, fixDir)
		if !strings.Contains(string(after[modulesIssue]), "redeployment = sha1(jsonencode([") {
			t.Errorf("%s after --fix has no triggers:\n%s", modulesIssue, after[modulesIssue])
		}
		for _, is := range lintJSON(t, fixDir, "--recursive", "--config", fixConfig).Issues {
			if is.Rule.Name == modulesRule {
				t.Errorf("after --recursive --fix, a recursive lint still reports %s in %s: %s", is.Rule.Name, is.Range.Filename, is.Message)
			}
		}
	})
}
