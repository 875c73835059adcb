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
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
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

// TestLangserverPublishesDiagnostics opens main.tf of the ci_formats case in a
// `tflint --langserver` session and checks the published diagnostics of every
// file against the issues of the case's result.json: LSP range = tflint range
// minus one on lines and columns, severity 1 (error) / 2 (warning) / 3 (notice),
// the same message, and no rule name.
func TestLangserverPublishesDiagnostics(t *testing.T) {
	t.Parallel()
	e := setup(t)
	dir := copyCase(t, formatsCase)

	data, err := os.ReadFile(filepath.Join(formatsCase, resultFile))
	if err != nil {
		t.Fatal(err)
	}
	expected, err := decodeOutput(data)
	if err != nil {
		t.Fatal(err)
	}
	severities := map[string]int{"error": 1, "warning": 2, "notice": 3}
	want := map[string][]lspDiagnostic{} // by file name
	for _, is := range expected.Issues {
		var d lspDiagnostic
		d.Range.Start = lspPos{is.Range.Start.Line - 1, is.Range.Start.Column - 1}
		d.Range.End = lspPos{is.Range.End.Line - 1, is.Range.End.Column - 1}
		d.Severity = severities[is.Rule.Severity]
		d.Message = is.Message
		want[is.Range.Filename] = append(want[is.Range.Filename], d)
	}
	if _, ok := want["main.tf"]; !ok {
		t.Fatalf("%s/%s has no issue in main.tf", formatsCase, resultFile)
	}

	ctx, cancel := context.WithTimeout(context.Background(), lspTimeout)
	defer cancel()
	cmd := e.command(ctx, dir, "--langserver")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr := &syncBuffer{}
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{}) // closed when the process has exited
	var waitErr error
	go func() { waitErr = cmd.Wait(); close(exited) }()
	defer func() {
		select {
		case <-exited:
		default:
			_ = cmd.Process.Kill()
			<-exited
		}
	}()

	c := &lspClient{t: t, stdin: stdin, msgs: make(chan lspMessage, 64), readErr: make(chan error, 1)}
	go func() { c.readErr <- readMessages(stdout, c.msgs) }()

	id := c.request("initialize", map[string]any{
		"processId":    os.Getpid(),
		"rootUri":      fileURI(dir),
		"capabilities": map[string]any{},
	})
	init := c.awaitResponse(ctx, id, stderr)
	var caps struct {
		Capabilities map[string]json.RawMessage `json:"capabilities"`
	}
	if err := json.Unmarshal(init.Result, &caps); err != nil {
		t.Fatalf("initialize result: %v: %s", err, init.Result)
	}
	if _, ok := caps.Capabilities["codeActionProvider"]; ok {
		t.Errorf("tflint now announces code actions (%s): docs/editors.md says it has none", init.Result)
	}
	c.notify("initialized", map[string]any{})

	mainPath := filepath.Join(dir, "main.tf")
	text, err := os.ReadFile(mainPath)
	if err != nil {
		t.Fatal(err)
	}
	c.notify("textDocument/didOpen", map[string]any{
		"textDocument": map[string]any{
			"uri":        fileURI(mainPath),
			"languageId": "terraform",
			"version":    1,
			"text":       string(text),
		},
	})

	// One publishDiagnostics per file with issues, in no set order.
	got := map[string][]lspDiagnostic{}
	for len(got) < len(want) {
		m := c.next(ctx, "textDocument/publishDiagnostics", stderr)
		if m.Method != "textDocument/publishDiagnostics" {
			continue
		}
		var p struct {
			URI         string          `json:"uri"`
			Diagnostics []lspDiagnostic `json:"diagnostics"`
		}
		if err := json.Unmarshal(m.Params, &p); err != nil {
			t.Fatalf("publishDiagnostics params: %v: %s", err, m.Params)
		}
		u, err := url.Parse(p.URI)
		if err != nil || u.Scheme != "file" {
			t.Fatalf("publishDiagnostics for %q: not a file URI", p.URI)
		}
		rel, err := filepath.Rel(dir, filepath.FromSlash(u.Path))
		if err != nil || strings.HasPrefix(rel, "..") {
			t.Fatalf("publishDiagnostics for %s, outside the folder %s", p.URI, dir)
		}
		rel = filepath.ToSlash(rel)
		if _, dup := got[rel]; dup {
			t.Fatalf("second publishDiagnostics for %s", rel)
		}
		got[rel] = p.Diagnostics
	}
	for _, diags := range []map[string][]lspDiagnostic{want, got} {
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
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("published diagnostics differ from %s/%s (-want +got):\n%s", formatsCase, resultFile, diff)
	}

	id = c.request("shutdown", nil)
	c.awaitResponse(ctx, id, stderr)
	c.notify("exit", nil)
	select {
	case <-exited:
		if waitErr != nil {
			t.Errorf("tflint --langserver exited with %v after shutdown/exit\nstderr:\n%s", waitErr, stderr.String())
		}
	case <-ctx.Done():
		t.Errorf("tflint --langserver did not exit within %s after shutdown/exit\nstderr:\n%s", lspTimeout, stderr.String())
	}
}
