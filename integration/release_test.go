package integration

// Checks a goreleaser snapshot (`make release-snapshot`) against what
// `tflint --init` downloads: tflint-ruleset-apigw403_<os>_<arch>.zip holding the
// binary at the archive root, and checksums.txt with "<sha256>  <name>" lines.

import (
	"archive/zip"
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"
)

// releaseDistEnv names a dist folder to check instead of ../dist.
const releaseDistEnv = "APIGW403_RELEASE_DIST"

var checksumLine = regexp.MustCompile(`^([0-9a-f]{64})  (\S+)$`)

// TestReleaseSnapshot checks the archives and checksums of a release snapshot.
// Skipped when there is none: building one compiles goreleaser, which takes
// minutes (see docs/ci.md).
func TestReleaseSnapshot(t *testing.T) {
	t.Parallel()
	dist := os.Getenv(releaseDistEnv)
	if dist == "" {
		dist = filepath.Join("..", "dist")
		if _, err := os.Stat(filepath.Join(dist, "checksums.txt")); err != nil {
			t.Skipf("no release snapshot in %s: run `make release-snapshot` (goreleaser --snapshot, takes minutes), or set %s to a dist folder, then run this test again", dist, releaseDistEnv)
		}
	}

	want := map[string]string{} // archive name -> binary inside
	for _, goos := range []string{"linux", "darwin", "windows"} {
		for _, arch := range []string{"amd64", "arm64"} {
			bin := "tflint-ruleset-" + pluginName
			if goos == "windows" {
				bin += ".exe"
			}
			want["tflint-ruleset-"+pluginName+"_"+goos+"_"+arch+".zip"] = bin
		}
	}

	// The archives: exactly the six expected names, nothing else zipped.
	entries, err := os.ReadDir(dist)
	if err != nil {
		t.Fatalf("%s=%q: %v", releaseDistEnv, dist, err)
	}
	var zips []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".zip") {
			zips = append(zips, e.Name())
		}
	}
	sort.Strings(zips)
	var wantNames []string
	for name := range want {
		wantNames = append(wantNames, name)
	}
	sort.Strings(wantNames)
	if strings.Join(zips, "\n") != strings.Join(wantNames, "\n") {
		t.Errorf("archives in %s:\n  %s\nwant exactly:\n  %s", dist, strings.Join(zips, "\n  "), strings.Join(wantNames, "\n  "))
	}

	// Each archive holds one file, the binary, at its root.
	sums := map[string]string{}
	for name, bin := range want {
		path := filepath.Join(dist, name)
		sum, err := sha256File(path)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		sums[name] = sum
		r, err := zip.OpenReader(path)
		if err != nil {
			t.Errorf("%s: not a zip: %v", name, err)
			continue
		}
		var files []string
		for _, f := range r.File {
			files = append(files, f.Name)
		}
		if len(files) != 1 || files[0] != bin {
			t.Errorf("%s holds %q, want exactly [%q]", name, files, bin)
		} else if r.File[0].Mode()&0o111 == 0 && !strings.HasSuffix(bin, ".exe") {
			t.Errorf("%s: %s is not executable (mode %v)", name, bin, r.File[0].Mode())
		} else if r.File[0].UncompressedSize64 == 0 {
			t.Errorf("%s: %s is empty", name, bin)
		}
		_ = r.Close()
	}

	// The archive of this platform installs: its binary, alone in a plugin folder
	// as `tflint --init` would leave it, is the plugin tflint loads.
	if name := "tflint-ruleset-" + pluginName + "_" + runtime.GOOS + "_" + runtime.GOARCH + ".zip"; want[name] != "" {
		checkInstallable(t, filepath.Join(dist, name), want[name])
	}

	// checksums.txt: one "<sha256>  <name>" line per archive, the right sums.
	f, err := os.Open(filepath.Join(dist, "checksums.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	listed := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := checksumLine.FindStringSubmatch(sc.Text())
		if m == nil {
			t.Errorf("checksums.txt: line %q is not \"<sha256>  <name>\"", sc.Text())
			continue
		}
		if _, dup := listed[m[2]]; dup {
			t.Errorf("checksums.txt lists %s twice", m[2])
		}
		listed[m[2]] = m[1]
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	for name := range want {
		got, ok := listed[name]
		switch {
		case !ok:
			t.Errorf("checksums.txt does not list %s", name)
		case sums[name] != "" && got != sums[name]:
			t.Errorf("checksums.txt: %s has %s, the file's sha256 is %s", name, got, sums[name])
		}
	}
	for name := range listed {
		if _, ok := want[name]; !ok {
			t.Errorf("checksums.txt lists %s, which is no release archive", name)
		}
	}
}

func sha256File(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// checkInstallable unzips the binary into an empty plugin folder and checks that
// tflint loads it (`tflint --version` lists the ruleset).
func checkInstallable(t *testing.T, archive, bin string) {
	t.Helper()
	e := setup(t)
	pluginDir := t.TempDir()
	r, err := zip.OpenReader(archive)
	if err != nil {
		t.Errorf("%s: %v", archive, err)
		return
	}
	defer r.Close()
	for _, f := range r.File {
		if f.Name != bin {
			continue
		}
		src, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		dst, err := os.OpenFile(filepath.Join(pluginDir, bin), os.O_CREATE|os.O_WRONLY, 0o755)
		if err != nil {
			t.Fatal(err)
		}
		_, err = io.Copy(dst, src)
		src.Close()
		if cerr := dst.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	dir := copyCase(t, "smoke_clean")
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	cmd := e.command(ctx, dir, "--version")
	cmd.Env = append(cmd.Env, "TFLINT_PLUGIN_DIR="+pluginDir) // the last value wins
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Errorf("tflint --version with the plugin from %s: %v\n%s", filepath.Base(archive), err, out)
		return
	}
	if want := "+ ruleset." + pluginName + " ("; !strings.Contains(string(out), want) {
		t.Errorf("tflint --version with the plugin from %s does not list %q:\n%s", filepath.Base(archive), want, out)
	}
}
