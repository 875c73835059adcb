// Package integration runs the real tflint binary (v0.64.0) with the freshly built
// plugin against the fixture configurations in this folder.
//
// # Cases
//
// Every directory integration/<case>/ that holds a result.json is a case; adding a
// case needs no Go code. A case folder holds:
//
//	.tflint.hcl   enables the plugin (plugin "apigw403" { enabled = true }) and
//	              disables the bundled ruleset (plugin "terraform" { enabled = false }),
//	              so every reported link is one of ours
//	*.tf, *.tf.json and any sub-folders (local modules): the configuration to lint
//	result.json   the expected output of `tflint --format json --force`
//	fixed/        optional: the expected content of every file `tflint --fix` changes,
//	              at the same relative path
//
// Cases run in parallel (within a case, lint then fix), each run on a fresh copy of
// the case folder in t.TempDir() (without fixed/ and result.json), so nothing is
// ever written into the repository:
//
//   - lint: `tflint --format json --force`; the output is compared with result.json
//     after sorting issues (filename, line, column, rule) and ignoring byte offsets
//     and rule links. result.json may omit "link" and "byte"; links are checked
//     separately: every issue's link must be project.ReferenceLink(rule name).
//     "fixable" and "errors" are compared.
//   - fix (only with fixed/): `tflint --fix --format json --force` on another copy;
//     every file in fixed/ must equal the fixed copy byte for byte, every other file
//     must be unchanged, neither run may report errors the lint did not, and a
//     second `--fix` must change nothing and report no issue with "fixed": true.
//
// # Writing a new case
//
// Create the folder with its .tflint.hcl and configuration, an empty-ish result.json
// (for example {"issues":[],"errors":[]}), and an empty fixed/ folder if the case is
// about fixes (git keeps no empty folder: the update fills it), then run
//
//	go test ./integration -run 'TestCases/<case>' -update
//
// -update rewrites result.json from the actual output and, for cases that have a
// fixed/ folder or report a fixable issue, rewrites fixed/ to hold exactly the files
// that `tflint --fix` changes (fixed/ is removed when no file changes). Review the
// diff before committing: the update writes whatever tflint reports.
//
// # Environment
//
// The plugin is built once into a temporary plugin directory, handed to tflint with
// TFLINT_PLUGIN_DIR; commands run with cmd.Dir set to the copy, HOME pointing to an
// empty directory (no ~/.tflint.hcl, no ~/.tflint.d) and without TFLINT_* or TF_*
// variables from the caller. tflint is found through $TFLINT, then PATH, then
// $(go env GOBIN) and $(go env GOPATH)/bin; it must be v0.64.0, or the tests fail
// (`make tflint` installs it). The shared helpers (runTflint, copyCase, lintJSON)
// serve tests of other formats too.
package integration

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
)

// update rewrites the expected files of the cases from the actual output.
// Usage: go test ./integration -update (optionally with -run 'TestCases/<case>').
var update = flag.Bool("update", false, "rewrite result.json and fixed/ of each case from the actual tflint output")

const (
	// wantTflintVersion is the tflint release the plugin is tested against.
	wantTflintVersion = "0.64.0"
	// pluginName is the ruleset name, as in `plugin "apigw403" {}`.
	pluginName = "apigw403"
	// resultFile and fixedDir are the per-case expectation files, never copied.
	resultFile = "result.json"
	fixedDir   = "fixed"
	// commandTimeout bounds one tflint or go invocation.
	commandTimeout = 5 * time.Minute
)

// env is the shared test environment: built once, removed by TestMain.
type env struct {
	tflint    string // absolute path of the tflint binary
	pluginDir string // directory holding the built plugin (TFLINT_PLUGIN_DIR)
	home      string // empty HOME for tflint
}

var (
	workDir  string // removed after all tests; holds the plugin dir and the fake HOME
	envOnce  sync.Once
	envValue *env
	envErr   error
)

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "apigw403-integration-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "integration: cannot create a temporary directory:", err)
		os.Exit(1)
	}
	workDir = dir
	code := m.Run()
	_ = os.RemoveAll(dir)
	os.Exit(code)
}

// setup returns the shared environment, building the plugin and locating tflint on
// first use. Any problem fails the calling test (never skips it).
func setup(t *testing.T) *env {
	t.Helper()
	envOnce.Do(func() { envValue, envErr = newEnv() })
	if envErr != nil {
		t.Fatal(envErr)
	}
	return envValue
}

func newEnv() (*env, error) {
	root, err := filepath.Abs("..")
	if err != nil {
		return nil, err
	}
	tflint, err := findTflint()
	if err != nil {
		return nil, err
	}
	e := &env{
		tflint:    tflint,
		pluginDir: filepath.Join(workDir, "plugins"),
		home:      filepath.Join(workDir, "home"),
	}
	for _, d := range []string{e.pluginDir, e.home} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return nil, err
		}
	}

	// The version must be the one the plugin is written for.
	out, err := e.command(context.Background(), e.home, "--version").CombinedOutput()
	if err != nil {
		return nil, fmt.Errorf("%s --version failed: %v\n%s", tflint, err, out)
	}
	if got := tflintVersion(out); got != wantTflintVersion {
		return nil, fmt.Errorf("%s is tflint %q, want %s: run `make tflint` (go install github.com/terraform-linters/tflint@v%s) or set TFLINT to a v%s binary\n%s",
			tflint, got, wantTflintVersion, wantTflintVersion, wantTflintVersion, out)
	}

	// Build the plugin once, from the repository root.
	goBin, err := goTool()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	// -buildvcs=false: the plugin then says "dev" like the test binary, even
	// in a checkout whose commit carries a release tag.
	build := exec.CommandContext(ctx, goBin, "build", "-buildvcs=false", "-o", filepath.Join(e.pluginDir, pluginBinary()), ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("building the plugin (go build in %s) failed: %v\n%s", root, err, out)
	}
	return e, nil
}

// findTflint looks for tflint in $TFLINT, then PATH, then $(go env GOBIN) and
// $(go env GOPATH)/bin, where `go install` (and so `make tflint`) puts it.
func findTflint() (string, error) {
	if p := os.Getenv("TFLINT"); p != "" {
		abs, err := exec.LookPath(p)
		if err != nil {
			return "", fmt.Errorf("TFLINT=%s is not an executable: %v", p, err)
		}
		return filepath.Abs(abs)
	}
	if p, err := exec.LookPath("tflint"); err == nil {
		return filepath.Abs(p)
	}
	var dirs []string
	if goBin, err := goTool(); err == nil {
		if out, err := exec.Command(goBin, "env", "GOBIN", "GOPATH").Output(); err == nil {
			lines := strings.SplitN(strings.TrimRight(string(out), "\r\n"), "\n", 2)
			if len(lines) == 2 {
				if gobin := strings.TrimSpace(lines[0]); gobin != "" {
					dirs = append(dirs, gobin)
				}
				for _, gopath := range filepath.SplitList(strings.TrimSpace(lines[1])) {
					dirs = append(dirs, filepath.Join(gopath, "bin"))
				}
			}
		}
	}
	for _, d := range dirs {
		p := filepath.Join(d, exeName("tflint"))
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
			return p, nil
		}
	}
	return "", fmt.Errorf("tflint not found (looked at $TFLINT, PATH, $(go env GOBIN) and $(go env GOPATH)/bin %v): run `make tflint` to install tflint v%s", dirs, wantTflintVersion)
}

// goTool finds the go command that runs the tests.
func goTool() (string, error) {
	if p, err := exec.LookPath("go"); err == nil {
		return p, nil
	}
	p := filepath.Join(runtime.GOROOT(), "bin", exeName("go"))
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("the go command is not on PATH nor in GOROOT (%s)", runtime.GOROOT())
	}
	return p, nil
}

var versionRE = regexp.MustCompile(`(?m)^TFLint version (\S+)`)

// tflintVersion extracts the version from `tflint --version` output.
func tflintVersion(out []byte) string {
	if m := versionRE.FindSubmatch(out); m != nil {
		return string(m[1])
	}
	return ""
}

func exeName(name string) string {
	if runtime.GOOS == "windows" {
		return name + ".exe"
	}
	return name
}

func pluginBinary() string { return exeName("tflint-ruleset-" + pluginName) }

// command prepares a tflint invocation in dir with a hermetic environment.
func (e *env) command(ctx context.Context, dir string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, e.tflint, args...)
	cmd.Dir = dir
	environ := []string{}
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(name, "TFLINT_"), strings.HasPrefix(name, "TF_"),
			name == "HOME", name == "USERPROFILE", name == "HOMEDRIVE", name == "HOMEPATH":
			continue
		}
		environ = append(environ, kv)
	}
	cmd.Env = append(environ,
		"TFLINT_PLUGIN_DIR="+e.pluginDir,
		"HOME="+e.home,
		"USERPROFILE="+e.home,
		"CHECKPOINT_DISABLE=1",
	)
	return cmd
}

// runTflint runs tflint with args in dir, using the built plugin, and returns its
// output and exit code. It fails the test only when tflint cannot be run at all
// (or times out); interpreting the exit code is the caller's job.
func runTflint(t *testing.T, dir string, args ...string) (stdout, stderr []byte, exitCode int) {
	t.Helper()
	e := setup(t)
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	cmd := e.command(ctx, dir, args...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("tflint %s in %s timed out after %s\nstderr:\n%s", strings.Join(args, " "), dir, commandTimeout, errOut.Bytes())
	}
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return out.Bytes(), errOut.Bytes(), 0
	case errors.As(err, &exitErr):
		return out.Bytes(), errOut.Bytes(), exitErr.ExitCode()
	default:
		t.Fatalf("running tflint %s in %s: %v", strings.Join(args, " "), dir, err)
		return nil, nil, -1
	}
}

// Output mirrors `tflint --format json` (tflint v0.64.0 formatter/json.go).
type Output struct {
	Issues []Issue       `json:"issues"`
	Errors []TflintError `json:"errors"`
}

// Issue is one reported issue.
type Issue struct {
	Rule    Rule    `json:"rule"`
	Message string  `json:"message"`
	Range   Range   `json:"range"`
	Callers []Range `json:"callers"`
	Fixable bool    `json:"fixable"`
	Fixed   bool    `json:"fixed"`
}

// Rule names the rule of an issue. Link is checked apart and left out of result.json.
type Rule struct {
	Name     string `json:"name"`
	Severity string `json:"severity"`
	Link     string `json:"link,omitempty"`
}

// Range is a source range; filenames are relative to the case folder.
type Range struct {
	Filename string `json:"filename"`
	Start    Pos    `json:"start"`
	End      Pos    `json:"end"`
}

// Pos is a position. Byte is accepted in result.json but ignored.
type Pos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
	Byte   int `json:"byte,omitempty"`
}

// TflintError is an entry of "errors".
type TflintError struct {
	Summary  string `json:"summary,omitempty"`
	Message  string `json:"message"`
	Severity string `json:"severity"`
	Range    *Range `json:"range,omitempty"`
}

// decodeOutput parses JSON strictly: an unknown field means the format changed
// (or result.json has a typo).
func decodeOutput(data []byte) (Output, error) {
	var o Output
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&o); err != nil {
		return Output{}, err
	}
	if dec.More() {
		return Output{}, errors.New("trailing data after the JSON document")
	}
	return o, nil
}

// normalize sorts issues, drops byte offsets and links, turns absent lists into
// empty ones, and replaces the case copy's absolute path in errors by "$CASE".
func normalize(o Output, dir string) Output {
	paths := []string{}
	if dir != "" {
		paths = append(paths, dir)
		if real, err := filepath.EvalSymlinks(dir); err == nil && real != dir {
			paths = append(paths, real)
		}
	}
	clean := func(s string) string {
		for _, p := range paths {
			s = strings.ReplaceAll(s, p, "$CASE")
		}
		return filepath.ToSlash(s)
	}
	fixRange := func(r Range) Range {
		r.Filename = clean(r.Filename)
		r.Start.Byte, r.End.Byte = 0, 0
		return r
	}

	n := Output{Issues: []Issue{}, Errors: []TflintError{}}
	for _, is := range o.Issues {
		is.Rule.Link = ""
		is.Range = fixRange(is.Range)
		callers := make([]Range, 0, len(is.Callers))
		for _, c := range is.Callers {
			callers = append(callers, fixRange(c))
		}
		is.Callers = callers
		n.Issues = append(n.Issues, is)
	}
	sort.SliceStable(n.Issues, func(i, j int) bool {
		a, b := n.Issues[i], n.Issues[j]
		switch {
		case a.Range.Filename != b.Range.Filename:
			return a.Range.Filename < b.Range.Filename
		case a.Range.Start.Line != b.Range.Start.Line:
			return a.Range.Start.Line < b.Range.Start.Line
		case a.Range.Start.Column != b.Range.Start.Column:
			return a.Range.Start.Column < b.Range.Start.Column
		case a.Rule.Name != b.Rule.Name:
			return a.Rule.Name < b.Rule.Name
		default:
			return a.Message < b.Message
		}
	})
	for _, e := range o.Errors {
		e.Summary, e.Message = clean(e.Summary), clean(e.Message)
		if e.Range != nil {
			r := fixRange(*e.Range)
			e.Range = &r
		}
		n.Errors = append(n.Errors, e)
	}
	return n
}

// lintJSON runs tflint with `--format json --force` plus extra args and returns the
// parsed output. Exit codes 0 and 2 are fine; 1 only with JSON on stdout (the
// errors then land in "errors" and are compared); anything else fails the test.
func lintJSON(t *testing.T, dir string, extra ...string) Output {
	t.Helper()
	args := append(append([]string{}, extra...), "--format", "json", "--force")
	stdout, stderr, code := runTflint(t, dir, args...)
	if code > 2 || code < 0 {
		t.Fatalf("tflint %s exited %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, stdout, stderr)
	}
	out, err := decodeOutput(stdout)
	if err != nil {
		t.Fatalf("tflint %s exited %d with output that is not the expected JSON: %v\nstdout:\n%s\nstderr:\n%s",
			strings.Join(args, " "), code, err, stdout, stderr)
	}
	if code == 1 && len(out.Errors) == 0 {
		t.Fatalf("tflint %s exited 1 without reporting errors\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), stdout, stderr)
	}
	if code == 1 && len(stderr) > 0 {
		t.Logf("tflint %s exited 1; stderr:\n%s", strings.Join(args, " "), stderr)
	}
	return out
}

// cases lists the case folders: directories of integration/ holding a result.json.
func cases(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if fi, err := os.Stat(filepath.Join(e.Name(), resultFile)); err == nil && !fi.IsDir() {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		t.Fatal("no integration cases found (folders holding a result.json)")
	}
	return names
}

// copyCase copies the case folder into a fresh temporary directory, leaving out
// result.json and fixed/ at its top level, and returns the copy's path.
func copyCase(t *testing.T, name string) string {
	t.Helper()
	src, err := filepath.Abs(name)
	if err != nil {
		t.Fatal(err)
	}
	dst := t.TempDir()
	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		if rel == "." {
			return nil
		}
		if rel == fixedDir && d.IsDir() {
			return filepath.SkipDir
		}
		if rel == resultFile {
			return nil
		}
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case d.Type().IsRegular():
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			return os.WriteFile(target, data, 0o644)
		default:
			return fmt.Errorf("%s: only regular files and folders are supported in cases", path)
		}
	})
	if err != nil {
		t.Fatalf("copying case %s: %v", name, err)
	}
	return dst
}

// readTree returns every regular file under dir keyed by slash-separated relative
// path. skipTop names top-level entries to leave out.
func readTree(t *testing.T, dir string, skipTop ...string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		for _, s := range skipTop {
			if rel == s {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
		}
		if d.Type().IsRegular() {
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			files[rel] = data
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	return files
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// TestCases runs every case folder: lint, then fix when the case has a fixed/
// folder (or under -update). Cases run in parallel; within a case, fix follows lint
// and reuses its output (the errors a fix run may report, what is fixable).
func TestCases(t *testing.T) {
	setup(t)
	for _, name := range cases(t) {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var lint *Output
			t.Run("lint", func(t *testing.T) {
				lint = testLint(t, name)
			})
			if !isDir(filepath.Join(name, fixedDir)) && !*update {
				return
			}
			t.Run("fix", func(t *testing.T) {
				if lint == nil {
					t.Fatal("lint failed to produce an output: fix not tried")
				}
				testFix(t, name, *lint)
			})
		})
	}
}

// testLint checks the JSON output of a case against its result.json and returns the
// normalized actual output.
func testLint(t *testing.T, name string) *Output {
	dir := copyCase(t, name)
	raw := lintJSON(t, dir)

	// Links are not part of result.json: each must be the rule's pinned doc page.
	for _, is := range raw.Issues {
		if want := project.ReferenceLink(is.Rule.Name); is.Rule.Link != want {
			t.Errorf("issue of %s at %s:%d: link = %q, want %q (project.ReferenceLink)",
				is.Rule.Name, is.Range.Filename, is.Range.Start.Line, is.Rule.Link, want)
		}
	}
	got := normalize(raw, dir)

	resultPath := filepath.Join(name, resultFile)
	if *update {
		data, err := json.MarshalIndent(got, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(resultPath, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("updated %s", resultPath)
		return &got
	}

	data, err := os.ReadFile(resultPath)
	if err != nil {
		t.Fatal(err)
	}
	wantRaw, err := decodeOutput(data)
	if err != nil {
		t.Fatalf("%s: %v", resultPath, err)
	}
	want := normalize(wantRaw, "")
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("tflint --format json --force in %s: output differs from %s (-want +got):\n%s\n(run `go test ./integration -run 'TestCases/%s' -update` to accept the new output)",
			name, resultPath, diff, name)
	}
	return &got
}

// testFix runs --fix twice on a copy of the case and checks the files against
// fixed/ and the idempotency of the fixes. lint is the case's normalized lint output.
func testFix(t *testing.T, name string, lint Output) {
	dir := copyCase(t, name)
	before := readTree(t, dir)

	first := lintJSON(t, dir, "--fix")
	checkFixErrors(t, "tflint --fix", lint, first, dir)
	for _, is := range first.Issues {
		if is.Fixed && !is.Fixable {
			t.Errorf("--fix: issue of %s at %s:%d is fixed but not fixable", is.Rule.Name, is.Range.Filename, is.Range.Start.Line)
		}
	}
	after := readTree(t, dir)

	changed := map[string][]byte{}
	for path, data := range after {
		if old, ok := before[path]; !ok || !bytes.Equal(old, data) {
			changed[path] = data
		}
	}
	for path := range before {
		if _, ok := after[path]; !ok {
			t.Errorf("--fix removed %s", path)
		}
	}

	fixedPath := filepath.Join(name, fixedDir)
	if *update {
		updateFixed(t, fixedPath, changed, lint)
	} else {
		want := readTree(t, fixedPath)
		for path, data := range want {
			got, ok := after[path]
			switch {
			case !ok:
				t.Errorf("%s/%s: the fixed copy has no %s", fixedPath, path, path)
			case !bytes.Equal(data, got):
				t.Errorf("tflint --fix: %s differs from %s/%s (-want +got):\n%s", path, fixedPath, path, cmp.Diff(string(data), string(got)))
			}
		}
		for path, data := range changed {
			if _, ok := want[path]; ok {
				continue
			}
			t.Errorf("tflint --fix changed %s, which is not in %s/ (-original +fixed):\n%s", path, fixedPath, cmp.Diff(string(before[path]), string(data)))
		}
	}

	// A second --fix must change nothing and fix nothing.
	second := lintJSON(t, dir, "--fix")
	checkFixErrors(t, "second tflint --fix", lint, second, dir)
	again := readTree(t, dir)
	for path, data := range again {
		if old, ok := after[path]; !ok || !bytes.Equal(old, data) {
			t.Errorf("second tflint --fix changed %s (not idempotent) (-first +second):\n%s", path, cmp.Diff(string(old), string(data)))
		}
	}
	for _, is := range second.Issues {
		if is.Fixed {
			t.Errorf("second tflint --fix still fixes %s at %s:%d: %s", is.Rule.Name, is.Range.Filename, is.Range.Start.Line, is.Message)
		}
	}
}

// checkFixErrors fails the test when a --fix run reports errors other than those of
// the plain lint (a fix that produced invalid HCL, a failing fix function...).
func checkFixErrors(t *testing.T, what string, lint, out Output, dir string) {
	t.Helper()
	got := normalize(out, dir).Errors
	if diff := cmp.Diff(lint.Errors, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("%s reports errors the lint did not (-lint +fix):\n%s", what, diff)
	}
}

// updateFixed rewrites fixedPath to hold exactly the files --fix changed. A case
// without fixed/ only gets one when something is fixable or changed.
func updateFixed(t *testing.T, fixedPath string, changed map[string][]byte, out Output) {
	t.Helper()
	fixable := false
	for _, is := range out.Issues {
		fixable = fixable || is.Fixable
	}
	if !isDir(fixedPath) && !fixable && len(changed) == 0 {
		return
	}
	if err := os.RemoveAll(fixedPath); err != nil {
		t.Fatal(err)
	}
	if len(changed) == 0 {
		t.Logf("tflint --fix changed no file: removed %s", fixedPath)
		return
	}
	for path, data := range changed {
		target := filepath.Join(fixedPath, filepath.FromSlash(path))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(target, data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("updated %s", target)
	}
}

// TestVersionListsPlugin checks that tflint loads the built plugin and reports its version.
func TestVersionListsPlugin(t *testing.T) {
	t.Parallel()
	dir := copyCase(t, "smoke_clean")
	stdout, stderr, code := runTflint(t, dir, "--version")
	if code != 0 {
		t.Fatalf("tflint --version exited %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if got := tflintVersion(stdout); got != wantTflintVersion {
		t.Errorf("tflint --version reports %q, want %s\n%s", got, wantTflintVersion, stdout)
	}
	want := fmt.Sprintf("+ ruleset.%s (dev)", pluginName) // built with -buildvcs=false
	found := false
	for _, line := range strings.Split(string(stdout), "\n") {
		if strings.TrimSpace(line) == want {
			found = true
		}
	}
	if !found {
		t.Errorf("tflint --version does not list %q:\n%s\nstderr:\n%s", want, stdout, stderr)
	}
}
