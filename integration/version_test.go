package integration

// The version a build reports comes from the git tag it is built from:
// `make build` passes it with -ldflags, and every rule's docs link follows it.

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestVersionFromTag builds the plugin with `make build` in a copy of the
// working tree committed and tagged v9.8.7, and checks what tflint shows:
// `+ ruleset.apigw403 (9.8.7)` and links pinned to the v9.8.7 docs.
func TestVersionFromTag(t *testing.T) {
	t.Parallel()
	for _, tool := range []string{"git", "make"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not on PATH: %v", tool, err)
		}
	}
	e := setup(t)
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "src")
	copyWorkingTree(t, root, src)
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=apigw403 test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"}, args...)...)
		cmd.Dir = src
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	git("init", "-q")
	git("add", "-A")
	git("commit", "-q", "-m", "release")
	git("tag", "v9.8.7")

	goBin, err := goTool()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	build := exec.CommandContext(ctx, "make", "build", "GO="+goBin)
	build.Dir = src
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("make build: %v\n%s", err, out)
	}

	tagged := *e
	tagged.pluginDir = filepath.Join(t.TempDir(), "plugins")
	if err := os.MkdirAll(tagged.pluginDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(src, pluginBinary()), filepath.Join(tagged.pluginDir, pluginBinary())); err != nil {
		t.Fatal(err)
	}

	out, err := tagged.command(ctx, copyCase(t, "smoke_clean"), "--version").CombinedOutput()
	if err != nil {
		t.Fatalf("tflint --version: %v\n%s", err, out)
	}
	if want := "+ ruleset." + pluginName + " (9.8.7)"; !strings.Contains(string(out), want) {
		t.Errorf("tflint --version does not list %q:\n%s", want, out)
	}

	lint := tagged.command(ctx, copyCase(t, "stale_deployment_rest"), "--format", "json", "--force")
	data, err := lint.Output()
	if err != nil {
		t.Fatalf("tflint --format json: %v\n%s", err, data)
	}
	o, err := decodeOutput(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Issues) == 0 {
		t.Fatal("the stale deployment case reports nothing")
	}
	for _, issue := range o.Issues {
		if want := "/blob/v9.8.7/docs/rules/" + issue.Rule.Name + ".md"; !strings.HasSuffix(issue.Rule.Link, want) {
			t.Errorf("%s links to %q, want a link ending in %q", issue.Rule.Name, issue.Rule.Link, want)
		}
	}
}

// copyWorkingTree copies the files git tracks or would track (not ignored)
// from root to dst, as they are in the working tree.
func copyWorkingTree(t *testing.T, root, dst string) {
	t.Helper()
	cmd := exec.Command("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("git ls-files in %s: %v", root, err)
	}
	for _, rel := range strings.Split(strings.TrimRight(string(out), "\x00"), "\x00") {
		if rel == "" {
			continue
		}
		from := filepath.Join(root, rel)
		fi, err := os.Lstat(from)
		if err != nil || !fi.Mode().IsRegular() {
			continue // deleted in the working tree, or a link
		}
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		to := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(to, data, fi.Mode().Perm()); err != nil {
			t.Fatal(err)
		}
	}
}
