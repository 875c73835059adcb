package integration

// OpenAPI bodies read from files beside the configuration, under each way
// tflint runs (see beside_test.go for how the plugin finds the module's
// folder): the spec file of body_proxy_root must be found and reported once
// in every mode; a spec reached through a symlink out of the folder, or over
// the size limit, must give silence and no error.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	bodyCase = "body_proxy_root"
	bodyRule = "apigw_proxy_root_method"
)

func bodyIssues(out Output) []string {
	var files []string
	for _, is := range out.Issues {
		if is.Rule.Name == bodyRule {
			files = append(files, filepath.ToSlash(is.Range.Filename))
		}
	}
	return files
}

func bodyStack(t *testing.T) (root, stack string) {
	t.Helper()
	root = t.TempDir()
	stack = filepath.Join(root, "stack")
	if err := os.Rename(copyCase(t, bodyCase), stack); err != nil {
		t.Fatal(err)
	}
	return root, stack
}

func wantBodyOnce(t *testing.T, mode string, got []string, file string) {
	t.Helper()
	if len(got) != 1 || got[0] != file {
		t.Errorf("%s: %s reported in %v, want once in %s", mode, bodyRule, got, file)
	}
}

func TestBodyFilesUnderEachMode(t *testing.T) {
	t.Parallel()
	root, stack := bodyStack(t)
	t.Run("plain", func(t *testing.T) {
		wantBodyOnce(t, "tflint in the stack", bodyIssues(lintJSON(t, stack)), "main.tf")
	})
	t.Run("chdir", func(t *testing.T) {
		wantBodyOnce(t, "tflint --chdir stack", bodyIssues(lintJSON(t, root, "--chdir", "stack")), "stack/main.tf")
	})
	t.Run("recursive", func(t *testing.T) {
		wantBodyOnce(t, "tflint --recursive", bodyIssues(lintJSON(t, root, "--recursive")), "stack/main.tf")
	})
	t.Run("langserver", func(t *testing.T) {
		s := startLangserver(t, root, "--config", filepath.Join(stack, ".tflint.hcl"))
		s.open("stack/main.tf", readText(t, filepath.Join(stack, "main.tf")))
		found := 0
		for _, d := range s.collect(1)["stack/main.tf"] {
			if strings.Contains(d.Message, "openapi.json:6, paths./{proxy+}") {
				found++
			}
		}
		if found != 1 {
			t.Errorf("tflint --langserver started in the root: %d proxy root diagnostics for stack/main.tf, want 1", found)
		}
		s.stop()
	})
}

// A spec that is a symlink to a file outside the configuration is not read.
func TestBodySymlinkOutOfTheFolder(t *testing.T) {
	t.Parallel()
	_, stack := bodyStack(t)
	outside := filepath.Join(t.TempDir(), "openapi.json")
	if err := os.Rename(filepath.Join(stack, "openapi.json"), outside); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(stack, "openapi.json")); err != nil {
		t.Skip("symlinks not supported:", err)
	}
	out := lintJSON(t, stack)
	if got := bodyIssues(out); len(got) != 0 || len(out.Errors) != 0 {
		t.Errorf("a spec read through a symlink out of the folder: %v, errors %v", got, out.Errors)
	}
}

// A spec over the size limit is not read: silence, no error.
func TestBodyHugeSpecFile(t *testing.T) {
	t.Parallel()
	_, stack := bodyStack(t)
	spec := readText(t, filepath.Join(stack, "openapi.json"))
	padding := strings.Repeat(" ", 5<<20)
	huge := strings.Replace(spec, "{", "{"+padding, 1)
	if err := os.WriteFile(filepath.Join(stack, "openapi.json"), []byte(huge), 0o644); err != nil {
		t.Fatal(err)
	}
	out := lintJSON(t, stack)
	if got := bodyIssues(out); len(got) != 0 || len(out.Errors) != 0 {
		t.Errorf("a spec over the size limit: %v, errors %v", got, out.Errors)
	}
}
