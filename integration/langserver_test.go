package integration

// A `tflint --langserver` session, as an editor would run it (docs/editors.md):
// JSON-RPC 2.0 over stdio with Content-Length framing. The diagnostics the server
// publishes must be the plugin's issues of the same case folder (its result.json),
// with 0-based LSP ranges.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// lspTimeout bounds the whole session: tflint loads the plugin at startup and
// lints on didOpen.
const lspTimeout = 30 * time.Second

type lspMessage struct {
	JSONRPC string          `json:"jsonrpc"`
	ID      *int            `json:"id,omitempty"`
	Method  string          `json:"method,omitempty"`
	Params  json.RawMessage `json:"params,omitempty"`
	Result  json.RawMessage `json:"result,omitempty"`
	Error   *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

type lspDiagnostic struct {
	Range struct {
		Start lspPos `json:"start"`
		End   lspPos `json:"end"`
	} `json:"range"`
	Severity int    `json:"severity"`
	Message  string `json:"message"`
	// Source and Code stay empty: tflint publishes no rule name.
	Source string `json:"source,omitempty"`
	Code   any    `json:"code,omitempty"`
}

type lspPos struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

// lspClient speaks to one server process.
type lspClient struct {
	t       *testing.T
	stdin   io.Writer
	msgs    chan lspMessage
	readErr chan error
	nextID  int
}

func (c *lspClient) send(msg any) {
	c.t.Helper()
	body, err := json.Marshal(msg)
	if err != nil {
		c.t.Fatal(err)
	}
	if _, err := fmt.Fprintf(c.stdin, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		c.t.Fatalf("writing to tflint --langserver: %v", err)
	}
}

func (c *lspClient) notify(method string, params any) {
	c.t.Helper()
	c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// request sends a request and returns its id.
func (c *lspClient) request(method string, params any) int {
	c.t.Helper()
	c.nextID++
	c.send(map[string]any{"jsonrpc": "2.0", "id": c.nextID, "method": method, "params": params})
	return c.nextID
}

// readMessages decodes Content-Length framed messages until r ends.
func readMessages(r io.Reader, msgs chan<- lspMessage) error {
	br := bufio.NewReader(r)
	for {
		length := -1
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return err
			}
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			name, value, ok := strings.Cut(line, ":")
			if !ok {
				return fmt.Errorf("bad header line %q", line)
			}
			if strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
				n, err := strconv.Atoi(strings.TrimSpace(value))
				if err != nil {
					return fmt.Errorf("bad Content-Length %q", value)
				}
				length = n
			}
		}
		if length < 0 {
			return fmt.Errorf("message without Content-Length")
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(br, body); err != nil {
			return err
		}
		var m lspMessage
		if err := json.Unmarshal(body, &m); err != nil {
			return fmt.Errorf("message is not JSON-RPC: %v: %s", err, body)
		}
		msgs <- m
	}
}

// next returns the next message, failing the test at the deadline.
func (c *lspClient) next(ctx context.Context, waitingFor string, stderr *syncBuffer) lspMessage {
	c.t.Helper()
	select {
	case m := <-c.msgs:
		return m
	case err := <-c.readErr:
		c.t.Fatalf("tflint --langserver closed its output while waiting for %s: %v\nstderr:\n%s", waitingFor, err, stderr.String())
	case <-ctx.Done():
		c.t.Fatalf("no %s from tflint --langserver within %s\nstderr:\n%s", waitingFor, lspTimeout, stderr.String())
	}
	return lspMessage{}
}

// awaitResponse skips notifications until the response to id.
func (c *lspClient) awaitResponse(ctx context.Context, id int, stderr *syncBuffer) lspMessage {
	c.t.Helper()
	for {
		m := c.next(ctx, fmt.Sprintf("response to request %d", id), stderr)
		if m.ID != nil && *m.ID == id && m.Method == "" {
			if m.Error != nil {
				c.t.Fatalf("request %d failed: %d %s", id, m.Error.Code, m.Error.Message)
			}
			return m
		}
	}
}

// syncBuffer collects stderr of the server for failure messages.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// lspSession is one running `tflint --langserver`, initialized.
type lspSession struct {
	t       *testing.T
	dir     string // the server's working directory
	ctx     context.Context
	c       *lspClient
	stderr  *syncBuffer
	exited  chan struct{} // closed when the process has exited
	waitErr error
	version int
}

// startLangserver starts `tflint --langserver` in dir (with the built plugin and
// any extra arguments) and runs initialize/initialized. The process is killed at
// cleanup if still running.
func startLangserver(t *testing.T, dir string, extra ...string) *lspSession {
	t.Helper()
	e := setup(t)
	ctx, cancel := context.WithTimeout(context.Background(), lspTimeout)
	cmd := e.command(ctx, dir, append([]string{"--langserver"}, extra...)...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	s := &lspSession{t: t, dir: dir, ctx: ctx, stderr: &syncBuffer{}, exited: make(chan struct{})}
	cmd.Stderr = s.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { s.waitErr = cmd.Wait(); close(s.exited) }()
	t.Cleanup(func() {
		select {
		case <-s.exited:
		default:
			_ = cmd.Process.Kill()
			<-s.exited
		}
		cancel()
	})

	s.c = &lspClient{t: t, stdin: stdin, msgs: make(chan lspMessage, 64), readErr: make(chan error, 1)}
	go func() { s.c.readErr <- readMessages(stdout, s.c.msgs) }()

	id := s.c.request("initialize", map[string]any{
		"processId":    os.Getpid(),
		"rootUri":      fileURI(dir),
		"capabilities": map[string]any{},
	})
	init := s.c.awaitResponse(ctx, id, s.stderr)
	var caps struct {
		Capabilities map[string]json.RawMessage `json:"capabilities"`
	}
	if err := json.Unmarshal(init.Result, &caps); err != nil {
		t.Fatalf("initialize result: %v: %s", err, init.Result)
	}
	if _, ok := caps.Capabilities["codeActionProvider"]; ok {
		t.Errorf("tflint now announces code actions (%s): docs/editors.md says it has none", init.Result)
	}
	s.c.notify("initialized", map[string]any{})
	return s
}

// open sends didOpen for rel (relative to the server's folder) with text.
func (s *lspSession) open(rel, text string) {
	s.t.Helper()
	s.version = 1
	s.c.notify("textDocument/didOpen", map[string]any{
		"textDocument": map[string]any{
			"uri":        fileURI(filepath.Join(s.dir, filepath.FromSlash(rel))),
			"languageId": "terraform",
			"version":    s.version,
			"text":       text,
		},
	})
}

// change sends a full-text didChange for rel.
func (s *lspSession) change(rel, text string) {
	s.t.Helper()
	s.version++
	s.c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": fileURI(filepath.Join(s.dir, filepath.FromSlash(rel))), "version": s.version},
		"contentChanges": []map[string]any{{"text": text}},
	})
}

// collect reads messages until publishDiagnostics arrived for n distinct files,
// and returns them by slash path relative to the server's folder, sorted.
func (s *lspSession) collect(n int) map[string][]lspDiagnostic {
	s.t.Helper()
	got := map[string][]lspDiagnostic{}
	for len(got) < n {
		m := s.c.next(s.ctx, "textDocument/publishDiagnostics", s.stderr)
		if m.Method != "textDocument/publishDiagnostics" {
			continue
		}
		var p struct {
			URI         string          `json:"uri"`
			Diagnostics []lspDiagnostic `json:"diagnostics"`
		}
		if err := json.Unmarshal(m.Params, &p); err != nil {
			s.t.Fatalf("publishDiagnostics params: %v: %s", err, m.Params)
		}
		u, err := url.Parse(p.URI)
		if err != nil || u.Scheme != "file" {
			s.t.Fatalf("publishDiagnostics for %q: not a file URI", p.URI)
		}
		rel, err := filepath.Rel(s.dir, filepath.FromSlash(u.Path))
		if err != nil || strings.HasPrefix(rel, "..") {
			s.t.Fatalf("publishDiagnostics for %s, outside the folder %s", p.URI, s.dir)
		}
		rel = filepath.ToSlash(rel)
		if _, dup := got[rel]; dup {
			s.t.Fatalf("second publishDiagnostics for %s before the others arrived", rel)
		}
		got[rel] = p.Diagnostics
	}
	sortDiagnostics(got)
	return got
}

// stop sends shutdown and exit and waits for the process to end.
func (s *lspSession) stop() {
	s.t.Helper()
	id := s.c.request("shutdown", nil)
	s.c.awaitResponse(s.ctx, id, s.stderr)
	s.c.notify("exit", nil)
	select {
	case <-s.exited:
		if s.waitErr != nil {
			s.t.Errorf("tflint --langserver exited with %v after shutdown/exit\nstderr:\n%s", s.waitErr, s.stderr.String())
		}
	case <-s.ctx.Done():
		s.t.Errorf("tflint --langserver did not exit within %s after shutdown/exit\nstderr:\n%s", lspTimeout, s.stderr.String())
	}
}

func sortDiagnostics(diags map[string][]lspDiagnostic) {
	for _, ds := range diags {
		sort.Slice(ds, func(i, j int) bool {
			a, b := ds[i].Range.Start, ds[j].Range.Start
			if a.Line != b.Line {
				return a.Line < b.Line
			}
			if a.Character != b.Character {
				return a.Character < b.Character
			}
			return ds[i].Message < ds[j].Message
		})
	}
}

// toDiagnostics converts tflint issues to the diagnostics the server should
// publish, by file name relative to base: 0-based lines and characters,
// severity 1 (error), 2 (warning) or 3 (notice, "Information"), the message,
// no rule name.
func toDiagnostics(issues []Issue, base string) map[string][]lspDiagnostic {
	// tflint --format json writes NOTICE as "info"; LSP 3 is Information.
	severities := map[string]int{"error": 1, "warning": 2, "info": 3}
	want := map[string][]lspDiagnostic{}
	for _, is := range issues {
		var d lspDiagnostic
		d.Range.Start = lspPos{is.Range.Start.Line - 1, is.Range.Start.Column - 1}
		d.Range.End = lspPos{is.Range.End.Line - 1, is.Range.End.Column - 1}
		d.Severity = severities[is.Rule.Severity]
		d.Message = is.Message
		file := filepath.ToSlash(is.Range.Filename)
		if base != "" {
			file = strings.TrimPrefix(file, base+"/")
		}
		want[file] = append(want[file], d)
	}
	sortDiagnostics(want)
	return want
}

func readText(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestLangserverPublishesDiagnostics opens main.tf of the ci_formats case in a
// `tflint --langserver` session and checks the published diagnostics of every
// file against the issues of the case's result.json. Then it replaces main.tf's
// text (in the editor only) by its fixed version: main.tf's diagnostics must be
// cleared while http.tf's stay.
func TestLangserverPublishesDiagnostics(t *testing.T) {
	t.Parallel()
	dir := copyCase(t, formatsCase)
	expected, err := decodeOutput([]byte(readText(t, filepath.Join(formatsCase, resultFile))))
	if err != nil {
		t.Fatal(err)
	}
	want := toDiagnostics(expected.Issues, "")
	if _, ok := want["main.tf"]; !ok {
		t.Fatalf("%s/%s has no issue in main.tf", formatsCase, resultFile)
	}

	s := startLangserver(t, dir)
	s.open("main.tf", readText(t, filepath.Join(dir, "main.tf")))
	if diff := cmp.Diff(want, s.collect(len(want))); diff != "" {
		t.Errorf("published diagnostics differ from %s/%s (-want +got):\n%s", formatsCase, resultFile, diff)
	}

	// The fixed text, as `tflint --fix` writes it, sent as an unsaved edit: the
	// diagnostics become those of a plain lint of a folder holding that text.
	fixedText := readText(t, filepath.Join(formatsCase, fixedDir, "main.tf"))
	edited := copyCase(t, formatsCase)
	if err := os.WriteFile(filepath.Join(edited, "main.tf"), []byte(fixedText), 0o644); err != nil {
		t.Fatal(err)
	}
	afterFix := toDiagnostics(lintJSON(t, edited).Issues, "")
	if len(afterFix["main.tf"]) >= len(want["main.tf"]) {
		t.Fatalf("the fixed main.tf has %d issues, the original %d: the check below would prove nothing", len(afterFix["main.tf"]), len(want["main.tf"]))
	}
	s.change("main.tf", fixedText)
	if diff := cmp.Diff(afterFix, s.collect(len(afterFix)), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("after didChange with the fixed main.tf (-want +got):\n%s", diff)
	}
	s.stop()
}

// TestLangserverLintsModuleFolder starts the server in the root of the
// ci_modules case and opens a file of modules/routes: the server lints that
// folder with the configuration it loaded at startup (the root's .tflint.hcl), so
// the module's issue appears as with `tflint --recursive --config`.
func TestLangserverLintsModuleFolder(t *testing.T) {
	t.Parallel()
	dir := copyCase(t, modulesCase)
	out := lintJSON(t, dir, "--recursive", "--config", filepath.Join(dir, ".tflint.hcl"))
	// Opening the module's file lints the module's folder only.
	all := toDiagnostics(moduleIssues(out), "")
	if all[modulesIssue] == nil {
		t.Fatalf("tflint --recursive --config reports %+v, nothing in %s", out.Issues, modulesIssue)
	}
	want := map[string][]lspDiagnostic{modulesIssue: all[modulesIssue]}

	s := startLangserver(t, dir)
	s.open(modulesIssue, readText(t, filepath.Join(dir, filepath.FromSlash(modulesIssue))))
	if diff := cmp.Diff(want, s.collect(len(want))); diff != "" {
		t.Errorf("diagnostics for the module file differ from tflint --recursive --config (-want +got):\n%s", diff)
	}
	s.stop()
}

// TestLangserverFromSubfolderWithConfig is what an editor does after
// `terraform init` in a stack folder: its root markers find the folder's
// .terraform first and start the server there, away from the repository's
// .tflint.hcl. With --config naming that file the plugin's diagnostics
// arrive; without it they silently do not (docs/editors.md).
func TestLangserverFromSubfolderWithConfig(t *testing.T) {
	t.Parallel()
	src := copyCase(t, "stale_deployment_rest")
	root := t.TempDir()
	stack := filepath.Join(root, "stacks", "api")
	if err := os.MkdirAll(filepath.Join(stack, ".terraform", "providers"), 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := readText(t, filepath.Join(src, ".tflint.hcl"))
	if err := os.WriteFile(filepath.Join(root, ".tflint.hcl"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	text := readText(t, filepath.Join(src, "main.tf"))
	if err := os.WriteFile(filepath.Join(stack, "main.tf"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	config := filepath.Join(root, ".tflint.hcl")
	want := toDiagnostics(lintJSON(t, stack, "--config", config).Issues, "")
	if len(want["main.tf"]) == 0 {
		t.Fatal("the stack reports nothing with the root config: the check below would prove nothing")
	}

	s := startLangserver(t, stack, "--config", config)
	s.open("main.tf", text)
	if diff := cmp.Diff(want, s.collect(len(want))); diff != "" {
		t.Errorf("diagnostics of a server started in the stack with --config (-want +got):\n%s", diff)
	}
	s.stop()

	// The same server without --config finds no .tflint.hcl and runs no apigw403 rule.
	bare := startLangserver(t, stack)
	bare.open("main.tf", text)
	ours := map[string]bool{}
	for _, d := range want["main.tf"] {
		ours[d.Message] = true
	}
	for _, d := range bare.collect(1)["main.tf"] {
		if ours[d.Message] {
			t.Errorf("without --config the server still reports %q: docs/editors.md says it cannot", d.Message)
		}
	}
	bare.stop()
}

// TestLangserverMissingPlugin: with the plugin enabled but not installed the
// server does not start; the editor only sees the client quit, and the reason
// is on standard error, which editors write to their LSP log.
func TestLangserverMissingPlugin(t *testing.T) {
	t.Parallel()
	e := setup(t)
	dir := copyCase(t, "smoke_clean")
	ctx, cancel := context.WithTimeout(context.Background(), lspTimeout)
	defer cancel()
	cmd := e.command(ctx, dir, "--langserver")
	empty := t.TempDir()
	cmd.Env = append(cmd.Env, "TFLINT_PLUGIN_DIR="+empty) // the last value wins
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdin = strings.NewReader("")
	err := cmd.Run()
	var exitErr *exec.ExitError
	if !errors.As(err, &exitErr) || exitErr.ExitCode() == 0 {
		t.Fatalf("tflint --langserver without the plugin: %v, want a non-zero exit\n%s", err, stderr.String())
	}
	if want := `Plugin "` + pluginName + `" not found in ` + empty; !strings.Contains(stderr.String(), want) {
		t.Errorf("stderr does not say %q:\n%s", want, stderr.String())
	}
}
