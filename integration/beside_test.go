package integration

// Reading files beside the configuration (rules/beside) under each way tflint
// runs. The plugin finds the module's folder from runner.GetOriginalwd()
// joined with the directory of the file names tflint hands it:
//
//	tflint in stack/                  originalwd stack/, files main.tf
//	tflint --chdir stack (from root)  originalwd root/,  files stack/main.tf
//	tflint --recursive (from root)    each worker: originalwd root/, files stack/main.tf
//	tflint --langserver (in root)     originalwd stack/ (the opened file's folder),
//	                                  files main.tf; the plugin's own working
//	                                  directory stays root/
//
// Each mode must find the packed FastAPI application of corpus_fastapi_stage
// and report it once, and none may follow a symlink out of the folder.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	besideCase = "corpus_fastapi_stage"
	besideRule = "apigw_stage_prefix_root_path"
)

// stackInRoot copies the case into root/stack and returns root and stack.
func stackInRoot(t *testing.T) (root, stack string) {
	t.Helper()
	root = t.TempDir()
	stack = filepath.Join(root, "stack")
	if err := os.Rename(copyCase(t, besideCase), stack); err != nil {
		t.Fatal(err)
	}
	return root, stack
}

// besideIssues returns the files the rule reports in.
func besideIssues(out Output) []string {
	var files []string
	for _, is := range out.Issues {
		if is.Rule.Name == besideRule {
			files = append(files, filepath.ToSlash(is.Range.Filename))
		}
	}
	return files
}

func wantOneIn(t *testing.T, mode string, got []string, file string) {
	t.Helper()
	if len(got) != 1 || got[0] != file {
		t.Errorf("%s: %s reported in %v, want once in %s", mode, besideRule, got, file)
	}
}

func TestBesideFilesUnderEachMode(t *testing.T) {
	t.Parallel()
	root, stack := stackInRoot(t)
	t.Run("plain", func(t *testing.T) {
		wantOneIn(t, "tflint in the stack", besideIssues(lintJSON(t, stack)), "main.tf")
	})
	t.Run("chdir", func(t *testing.T) {
		wantOneIn(t, "tflint --chdir stack", besideIssues(lintJSON(t, root, "--chdir", "stack")), "stack/main.tf")
	})
	t.Run("recursive", func(t *testing.T) {
		wantOneIn(t, "tflint --recursive", besideIssues(lintJSON(t, root, "--recursive")), "stack/main.tf")
	})
	t.Run("langserver", func(t *testing.T) {
		s := startLangserver(t, root, "--config", filepath.Join(stack, ".tflint.hcl"))
		s.open("stack/main.tf", readText(t, filepath.Join(stack, "main.tf")))
		found := 0
		for _, d := range s.collect(1)["stack/main.tf"] {
			if strings.Contains(d.Message, "builds FastAPI(...) without root_path") {
				found++
			}
		}
		if found != 1 {
			t.Errorf("tflint --langserver started in the root: %d stage prefix diagnostics for stack/main.tf, want 1", found)
		}
		s.stop()
	})
}

// A source_dir that is a symlink to a folder outside the configuration is
// not read: the same application there is no evidence.
func TestBesideSymlinkOutOfTheFolder(t *testing.T) {
	t.Parallel()
	_, stack := stackInRoot(t)
	outside := filepath.Join(t.TempDir(), "lambda")
	if err := os.Rename(filepath.Join(stack, "lambda"), outside); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(stack, "lambda")); err != nil {
		t.Skip("symlinks not supported:", err)
	}
	if got := besideIssues(lintJSON(t, stack)); len(got) != 0 {
		t.Errorf("%s reported through a symlink out of the folder: %v", besideRule, got)
	}
}
