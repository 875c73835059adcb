// Command lspbench measures one diagnostics round trip of `tflint
// --langserver` after an edit, on a generated tree, with and without
// apigw403 (every rule on): the time from a textDocument/didChange of one
// file to the diagnostics the server publishes for it, median of -runs
// edits. scripts/lsp-bench.sh (make lsp-bench) builds the plugin and runs it.
//
// Both servers run side by side and the edits alternate between them. tflint
// handles messages one at a time, and on didChange it reloads and checks
// the whole module, then publishes every file's diagnostics at once; a
// request sent right after the edit (an unknown method, answered with an
// error) therefore answers when the round is over. That end is the round
// trip for both servers, as tflint alone publishes nothing here; for the
// plugin the arrival of the edited file's own diagnostics is shown too.
//
//	go run ./tools/lspbench -tflint $(which tflint) -plugin ./tflint-ruleset-apigw403 -apis 200
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/apigw403/tflint-ruleset-apigw403/internal/gentree"
	"github.com/apigw403/tflint-ruleset-apigw403/rules"
)

type message struct {
	ID     *int            `json:"id,omitempty"`
	Method string          `json:"method,omitempty"`
	Params json.RawMessage `json:"params,omitempty"`
	Result json.RawMessage `json:"result,omitempty"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// server is one `tflint --langserver` process.
type server struct {
	name    string
	cmd     *exec.Cmd
	stdin   io.WriteCloser
	msgs    chan message
	nextID  int
	version int
}

// logDir holds each server's standard error (tflint logs every message
// there); a failure names the file.
var logDir string

func start(name, tflint, dir, config, pluginDir, home string) (*server, error) {
	cmd := exec.Command(tflint, "--langserver", "--config", config)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TFLINT_PLUGIN_DIR="+pluginDir, "HOME="+home, "TFLINT_LOG=")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	logFile, err := os.Create(filepath.Join(logDir, strings.ReplaceAll(name, " ", "")+".log"))
	if err != nil {
		return nil, err
	}
	cmd.Stderr = logFile
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{name: name, cmd: cmd, stdin: stdin, msgs: make(chan message, 1024)}
	go s.read(stdout)
	return s, nil
}

// read decodes Content-Length framed messages until the server's output ends.
func (s *server) read(r io.Reader) {
	defer close(s.msgs)
	br := bufio.NewReader(r)
	for {
		length := -1
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimRight(line, "\r\n")
			if line == "" {
				break
			}
			if name, value, ok := strings.Cut(line, ":"); ok && strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
				length, _ = strconv.Atoi(strings.TrimSpace(value))
			}
		}
		if length < 0 {
			log.Fatalf("%s: a message without Content-Length", s.name)
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(br, body); err != nil {
			return
		}
		var m message
		if err := json.Unmarshal(body, &m); err != nil {
			log.Fatalf("%s: not JSON-RPC: %v", s.name, err)
		}
		s.msgs <- m
	}
}

func (s *server) send(msg map[string]any) {
	msg["jsonrpc"] = "2.0"
	body, err := json.Marshal(msg)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := fmt.Fprintf(s.stdin, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		log.Fatalf("%s: writing: %v", s.name, err)
	}
}

func (s *server) request(method string, params any) int {
	s.nextID++
	s.send(map[string]any{"id": s.nextID, "method": method, "params": params})
	return s.nextID
}

func (s *server) notify(method string, params any) {
	s.send(map[string]any{"method": method, "params": params})
}

// until reads messages until the response to id, and returns when the
// first publishDiagnostics for uri came (zero if none) and when the
// response came. A response that is an error is fine when allowError.
func (s *server) until(id int, uri string, allowError bool, timeout time.Duration) (diag, done time.Time) {
	deadline := time.After(timeout)
	for {
		select {
		case m, ok := <-s.msgs:
			if !ok {
				log.Fatalf("%s: the server closed its output; its log is in %s", s.name, logDir)
			}
			if m.Method == "textDocument/publishDiagnostics" && diag.IsZero() {
				var p struct {
					URI string `json:"uri"`
				}
				if json.Unmarshal(m.Params, &p) == nil && p.URI == uri {
					diag = time.Now()
				}
			}
			if m.ID != nil && *m.ID == id && m.Method == "" {
				if m.Error != nil && !allowError {
					log.Fatalf("%s: request %d failed: %s", s.name, id, m.Error.Message)
				}
				return diag, time.Now()
			}
		case <-deadline:
			log.Fatalf("%s: no answer to request %d within %s; its log is in %s", s.name, id, timeout, logDir)
		}
	}
}

func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

const timeout = 5 * time.Minute

func (s *server) initialize(dir string) {
	id := s.request("initialize", map[string]any{"processId": os.Getpid(), "rootUri": fileURI(dir), "capabilities": map[string]any{}})
	s.until(id, "", false, timeout)
	s.notify("initialized", map[string]any{})
}

// open sends didOpen and returns the time until the round's end.
func (s *server) open(path, text string) time.Duration {
	s.version = 1
	t0 := time.Now()
	s.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": fileURI(path), "languageId": "terraform", "version": s.version, "text": text}})
	_, done := s.until(s.request("apigw403/roundEnd", nil), "", true, timeout)
	return done.Sub(t0)
}

// change sends a full-text didChange and returns the time until the
// file's diagnostics (zero when none came) and until the round's end.
func (s *server) change(path, text string) (diag, done time.Duration) {
	s.version++
	t0 := time.Now()
	s.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": fileURI(path), "version": s.version},
		"contentChanges": []map[string]any{{"text": text}},
	})
	d, e := s.until(s.request("apigw403/roundEnd", nil), fileURI(path), true, timeout)
	if !d.IsZero() {
		diag = d.Sub(t0)
	}
	return diag, e.Sub(t0)
}

func (s *server) stop() {
	s.until(s.request("shutdown", nil), "", false, timeout)
	s.notify("exit", nil)
	_ = s.stdin.Close()
	done := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = s.cmd.Process.Kill()
		<-done
	}
}

func main() {
	tflint := flag.String("tflint", "tflint", "tflint binary")
	pluginBin := flag.String("plugin", "", "the apigw403 plugin binary (required)")
	apis := flag.Int("apis", 200, "REST APIs in the tree")
	runs := flag.Int("runs", 5, "edits of each server (median)")
	file := flag.String("file", "api0001.tf", "the file to edit")
	bodies := flag.Float64("bodies", 0.25, "share of REST APIs defined by an OpenAPI body")
	around := flag.Bool("around", true, "a CloudFront distribution and a custom domain per ten APIs")
	flag.Parse()
	if *pluginBin == "" {
		log.Fatal("lspbench: -plugin is required")
	}
	work, err := os.MkdirTemp("", "apigw403-lspbench-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)
	logDir = work
	tree, pluginDir := filepath.Join(work, "tree"), filepath.Join(work, "plugins")
	for name, src := range gentree.Generate(gentree.Options{APIs: *apis, Routes: 10, Seed: 1, Stale: 0.1, Around: *around, Bodies: *bodies}) {
		write(filepath.Join(tree, filepath.FromSlash(name)), src, 0o644)
	}
	bin, err := os.ReadFile(*pluginBin)
	if err != nil {
		log.Fatal(err)
	}
	write(filepath.Join(pluginDir, "tflint-ruleset-apigw403"), string(bin), 0o755)
	bareConfig, pluginConfig := filepath.Join(work, "bare.hcl"), filepath.Join(work, "plugin.hcl")
	write(bareConfig, "plugin \"terraform\" {\n  enabled = false\n}\n", 0o644)
	var cfg strings.Builder
	cfg.WriteString("plugin \"terraform\" {\n  enabled = false\n}\n\nplugin \"apigw403\" {\n  enabled = true\n}\n")
	for _, e := range rules.Registry() {
		fmt.Fprintf(&cfg, "\nrule %q {\n  enabled = true\n}\n", e.New().Name())
	}
	write(pluginConfig, cfg.String(), 0o644)

	path := filepath.Join(tree, *file)
	original, err := os.ReadFile(path)
	if err != nil {
		log.Fatalf("lspbench: %v", err)
	}
	load := loadAverage()
	bare, err := start("tflint alone", *tflint, tree, bareConfig, pluginDir, work)
	if err != nil {
		log.Fatal(err)
	}
	withPlugin, err := start("tflint + apigw403", *tflint, tree, pluginConfig, pluginDir, work)
	if err != nil {
		log.Fatal(err)
	}
	servers := []*server{bare, withPlugin}
	opens := map[*server]time.Duration{}
	diags := map[*server][]float64{}
	dones := map[*server][]float64{}
	for _, s := range servers {
		s.initialize(tree)
		opens[s] = s.open(path, string(original))
	}
	for i := 0; i < *runs+1; i++ { // the first edit of each is a warm-up
		order := servers
		if i%2 == 1 {
			order = []*server{withPlugin, bare}
		}
		for _, s := range order {
			text := fmt.Sprintf("%s\n# edit %d\n", original, i)
			d, e := s.change(path, text)
			if i == 0 {
				continue
			}
			if d > 0 {
				diags[s] = append(diags[s], d.Seconds())
			}
			dones[s] = append(dones[s], e.Seconds())
		}
	}
	for _, s := range servers {
		s.stop()
	}
	fmt.Printf("tflint --langserver, %d APIs (bodies %g, around %t), edit of %s; %d CPUs, load average %s before, %s after; median of %d edits after one warm-up\n\n",
		*apis, *bodies, *around, *file, runtime.NumCPU(), load, loadAverage(), *runs)
	fmt.Println("| server | didOpen → round end s | didChange → its diagnostics s | didChange → round end s | ratio |")
	fmt.Println("|---|---:|---:|---:|---:|")
	base := median(dones[bare])
	for _, s := range servers {
		d := "none published"
		if len(diags[s]) > 0 {
			d = fmt.Sprintf("%.2f", median(diags[s]))
		}
		fmt.Printf("| %s | %.2f | %s | %.2f | %.2fx |\n", s.name, opens[s].Seconds(), d, median(dones[s]), median(dones[s])/base)
	}
	fmt.Println("\nround end: the answer to a request sent right after the edit, which tflint handles only once the round's diagnostics are out.")
}

func write(path, text string, mode os.FileMode) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), mode); err != nil {
		log.Fatal(err)
	}
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Join(strings.Fields(string(data))[:3], " ")
}
