package integration

// `tflint --init` against a release, offline: tflint treats a plugin source
// whose host is not github.com as GitHub Enterprise and calls
// https://HOST/api/v3/. A local HTTPS server answers the two calls it makes
// (the release by tag, then each asset) from a release snapshot's dist/, with
// a throwaway certificate trusted through SSL_CERT_FILE.

import (
	"context"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
)

const (
	releaseOwner = "apigw403"
	releaseRepo  = "tflint-ruleset-apigw403"
)

// fakeRelease serves one release, tagged "v"+version, whose assets are the
// files of a dist folder; tamper replaces an asset's content.
type fakeRelease struct {
	version string
	assets  []string // file names, asset id = index + 1
	content map[string][]byte

	mu       sync.Mutex
	requests []string
}

func (f *fakeRelease) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.requests = append(f.requests, r.Method+" "+r.URL.Path)
	f.mu.Unlock()
	base := "/api/v3/repos/" + releaseOwner + "/" + releaseRepo + "/releases/"
	switch {
	case r.URL.Path == base+"tags/v"+f.version:
		type asset struct {
			ID   int    `json:"id"`
			Name string `json:"name"`
			URL  string `json:"url"`
		}
		var list []asset
		for i, name := range f.assets {
			list = append(list, asset{ID: i + 1, Name: name, URL: "https://" + r.Host + base + "assets/" + strconv.Itoa(i+1)})
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"id": 1, "tag_name": "v" + f.version, "assets": list})
	case strings.HasPrefix(r.URL.Path, base+"assets/"):
		id, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, base+"assets/"))
		if err != nil || id < 1 || id > len(f.assets) {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/octet-stream")
		_, _ = w.Write(f.content[f.assets[id-1]])
	default:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`{"message":"Not Found"}`))
	}
}

// releaseDist returns the release snapshot's dist folder, or skips.
func releaseDist(t *testing.T) string {
	t.Helper()
	dist := os.Getenv(releaseDistEnv)
	if dist == "" {
		dist = filepath.Join("..", "dist")
	}
	if _, err := os.Stat(filepath.Join(dist, "checksums.txt")); err != nil {
		t.Skipf("no release snapshot in %s: run `make release-snapshot`, or set %s", dist, releaseDistEnv)
	}
	return dist
}

// newFakeRelease loads the zips and checksums.txt of dist.
func newFakeRelease(t *testing.T, dist, version string) *fakeRelease {
	t.Helper()
	entries, err := os.ReadDir(dist)
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeRelease{version: version, content: map[string][]byte{}}
	for _, e := range entries {
		if name := e.Name(); name == "checksums.txt" || strings.HasSuffix(name, ".zip") {
			data, err := os.ReadFile(filepath.Join(dist, name))
			if err != nil {
				t.Fatal(err)
			}
			f.assets = append(f.assets, name)
			f.content[name] = data
		}
	}
	return f
}

// initCase writes a folder whose .tflint.hcl installs the plugin from the
// fake release host at version, with a broken API to lint.
func initCase(t *testing.T, host, version string) string {
	t.Helper()
	dir := copyCase(t, "stale_deployment_rest")
	cfg := fmt.Sprintf(`plugin "%s" {
  enabled = true
  source  = "%s/%s/%s"
  version = "%s"
}

plugin "terraform" {
  enabled = false
}
`, pluginName, host, releaseOwner, releaseRepo, version)
	if err := os.WriteFile(filepath.Join(dir, ".tflint.hcl"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// startRelease serves release over HTTPS and returns the host and the
// environment tflint needs to trust it.
func startRelease(t *testing.T, release http.Handler) (host string, env []string) {
	t.Helper()
	srv := httptest.NewTLSServer(release)
	t.Cleanup(srv.Close)
	ca := filepath.Join(t.TempDir(), "ca.pem")
	block := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw})
	if err := os.WriteFile(ca, block, 0o644); err != nil {
		t.Fatal(err)
	}
	u, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	return u.Host, []string{"SSL_CERT_FILE=" + ca, "SSL_CERT_DIR=" + filepath.Dir(ca), "GITHUB_TOKEN="}
}

// runInit runs tflint with args in dir with its own plugin folder.
func runInit(t *testing.T, dir, pluginDir string, env []string, args ...string) (string, error) {
	t.Helper()
	e := setup(t)
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	cmd := e.command(ctx, dir, args...)
	cmd.Env = append(append(cmd.Env, env...), "TFLINT_PLUGIN_DIR="+pluginDir) // the last value wins
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestInitFromRelease installs the snapshot's archive with `tflint --init`,
// checks where tflint put it, and lints with it.
func TestInitFromRelease(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("SSL_CERT_FILE is how Go trusts the test certificate on Linux only")
	}
	t.Parallel()
	dist := releaseDist(t)
	const version = "9.8.7"
	release := newFakeRelease(t, dist, version)
	host, env := startRelease(t, release)
	dir := initCase(t, host, version)
	pluginDir := t.TempDir()

	out, err := runInit(t, dir, pluginDir, env, "--init")
	if err != nil {
		t.Fatalf("tflint --init: %v\n%s\nrequests: %v", err, out, release.requests)
	}
	if !strings.Contains(out, `Installed "`+pluginName+`"`) {
		t.Errorf("tflint --init does not say it installed the plugin:\n%s", out)
	}
	installed := filepath.Join(pluginDir, host, releaseOwner, releaseRepo, version, pluginBinary())
	if fi, err := os.Stat(installed); err != nil || fi.Mode().Perm()&0o100 == 0 {
		t.Fatalf("the plugin is not installed as an executable at %s (%v)", installed, err)
	}

	data, err := runInit(t, dir, pluginDir, env, "--format", "json", "--force")
	if err != nil {
		t.Fatalf("tflint with the installed plugin: %v\n%s", err, data)
	}
	o, err := decodeOutput([]byte(data))
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	ours := 0
	for _, issue := range o.Issues {
		if strings.HasPrefix(issue.Rule.Name, "apigw_") {
			ours++
		}
	}
	if ours == 0 || len(o.Errors) > 0 {
		t.Errorf("the installed plugin reports %d findings and errors %v, want findings and no errors:\n%s", ours, o.Errors, data)
	}

	again, err := runInit(t, dir, pluginDir, env, "--init")
	if err != nil || !strings.Contains(again, "already installed") {
		t.Errorf("a second tflint --init should find the plugin installed (%v):\n%s", err, again)
	}
}

// TestInitRefusesTamperedArchive serves an archive whose bytes do not match
// checksums.txt: tflint must refuse it and install nothing.
func TestInitRefusesTamperedArchive(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("SSL_CERT_FILE is how Go trusts the test certificate on Linux only")
	}
	t.Parallel()
	dist := releaseDist(t)
	const version = "9.8.7"
	release := newFakeRelease(t, dist, version)
	asset := "tflint-ruleset-" + pluginName + "_" + runtime.GOOS + "_" + runtime.GOARCH + ".zip"
	data, ok := release.content[asset]
	if !ok {
		t.Fatalf("%s has no %s", dist, asset)
	}
	release.content[asset] = append(append([]byte{}, data...), 0)
	host, env := startRelease(t, release)
	dir := initCase(t, host, version)
	pluginDir := t.TempDir()

	out, err := runInit(t, dir, pluginDir, env, "--init")
	if err == nil {
		t.Fatalf("tflint --init installed a tampered archive:\n%s", out)
	}
	if !strings.Contains(out, "Failed to verify checksums") {
		t.Errorf("tflint --init should refuse the archive for its checksum:\n%s", out)
	}
	installed := filepath.Join(pluginDir, host, releaseOwner, releaseRepo, version, pluginBinary())
	if _, err := os.Stat(installed); err == nil {
		t.Errorf("a tampered archive was installed at %s", installed)
	}
}

// TestInitMissingVersion names a version the release host does not have:
// tflint must fail with an error that says it could not fetch the release.
func TestInitMissingVersion(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("SSL_CERT_FILE is how Go trusts the test certificate on Linux only")
	}
	t.Parallel()
	dist := releaseDist(t)
	release := newFakeRelease(t, dist, "9.8.7")
	host, env := startRelease(t, release)
	dir := initCase(t, host, "9.9.9")

	out, err := runInit(t, dir, t.TempDir(), env, "--init")
	if err == nil {
		t.Fatalf("tflint --init succeeded for a version with no release:\n%s", out)
	}
	if !strings.Contains(out, "Failed to fetch GitHub releases") || !strings.Contains(out, "404") {
		t.Errorf("tflint --init should say the release v9.9.9 was not found:\n%s", out)
	}
}
