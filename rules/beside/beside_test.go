package beside

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// write creates files under dir, making folders as needed.
func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestResolveAndRead(t *testing.T) {
	wd := t.TempDir()
	write(t, wd, map[string]string{
		"stack/main.tf":     "",
		"stack/src/app.py":  "app = 1\n",
		"stack/src/bin.dat": "a\x00b",
		"stack/big.txt":     strings.Repeat("x", MaxFileSize+1),
		"secret.txt":        "outside",
	})
	// tflint --chdir stack names the files stack/main.tf.
	tree := Open(wd, "stack")
	if tree == nil {
		t.Fatal("Open returned nil")
	}
	for _, tc := range []struct {
		name, want string
		ok         bool
	}{
		{"src/app.py", "src/app.py", true},
		{"./src/app.py", "src/app.py", true},
		{"./src/../src/app.py", "src/app.py", true},
		{"../secret.txt", "", false},
		{"../stack/src/app.py", "", false}, // leaves the folder on the way: refused
		{filepath.Join(wd, "secret.txt"), "", false},
		{"", "", false},
		{"src/missing.py", "", false},
	} {
		got, ok := tree.Resolve("stack/main.tf", tc.name)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Resolve(%q) = %q, %v; want %q, %v", tc.name, got, ok, tc.want, tc.ok)
		}
	}
	if data, ok := tree.ReadFile("src/app.py"); !ok || string(data) != "app = 1\n" {
		t.Errorf("ReadFile(src/app.py) = %q, %v", data, ok)
	}
	for _, rel := range []string{"src/bin.dat", "big.txt", "src/missing.py", "src", "../secret.txt"} {
		if _, ok := tree.ReadFile(rel); ok {
			t.Errorf("ReadFile(%q) succeeded, want refused", rel)
		}
	}
	if !tree.IsDir("src") || tree.IsDir("src/app.py") || tree.IsDir("../stack") {
		t.Error("IsDir answers wrong")
	}
}

func TestSymlinksLeavingTheTree(t *testing.T) {
	wd := t.TempDir()
	outside := t.TempDir()
	write(t, wd, map[string]string{"main.tf": "", "src/app.py": "inside\n"})
	write(t, outside, map[string]string{"secret.py": "outside\n"})
	if err := os.Symlink(filepath.Join(outside, "secret.py"), filepath.Join(wd, "src", "link.py")); err != nil {
		t.Skip("symlinks not supported:", err)
	}
	if err := os.Symlink(outside, filepath.Join(wd, "linkdir")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(wd, "src", "app.py"), filepath.Join(wd, "alias.py")); err != nil {
		t.Fatal(err)
	}
	tree := Open(wd, ".")
	for _, name := range []string{"src/link.py", "linkdir/secret.py", "linkdir"} {
		if got, ok := tree.Resolve("main.tf", name); ok {
			t.Errorf("Resolve(%q) = %q: the symlink leaves the tree", name, got)
		}
	}
	// Reading the link itself, past Resolve, is refused too.
	if _, ok := tree.ReadFile("src/link.py"); ok {
		t.Error("ReadFile follows a symlink out of the tree")
	}
	// A symlink that stays inside resolves to its target.
	if got, ok := tree.Resolve("main.tf", "alias.py"); !ok || got != "src/app.py" {
		t.Errorf("Resolve(alias.py) = %q, %v", got, ok)
	}
	if tree.IsDir("linkdir") {
		t.Error("IsDir follows a symlink out of the tree")
	}
}

func TestTreeRootedAtASymlinkedFolder(t *testing.T) {
	real := t.TempDir()
	write(t, real, map[string]string{"main.tf": "", "app.py": "x\n"})
	wd := t.TempDir()
	if err := os.Symlink(real, filepath.Join(wd, "stack")); err != nil {
		t.Skip("symlinks not supported:", err)
	}
	tree := Open(wd, "stack")
	if rel, ok := tree.Resolve("stack/main.tf", "app.py"); !ok || rel != "app.py" {
		t.Errorf("Resolve(app.py) = %q, %v", rel, ok)
	}
}

func TestFIFOIsNotOpened(t *testing.T) {
	wd := t.TempDir()
	if err := syscallMkfifo(filepath.Join(wd, "pipe.py")); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	// Opening the FIFO for reading would block until a writer comes.
	if _, ok := Open(wd, ".").ReadFile("pipe.py"); ok {
		t.Error("ReadFile read a FIFO")
	}
}

func TestNilAndMissing(t *testing.T) {
	var tree *Tree
	if _, ok := tree.Resolve("main.tf", "x"); ok {
		t.Error("nil tree resolves")
	}
	if _, ok := tree.ReadFile("x"); ok {
		t.Error("nil tree reads")
	}
	if Open(filepath.Join(t.TempDir(), "none"), ".") != nil {
		t.Error("Open of a missing folder is not nil")
	}
}

func TestFromFS(t *testing.T) {
	tree := FromFS(fstest.MapFS{"src/main.py": {Data: []byte("ok")}})
	rel, ok := tree.Resolve("main.tf", "./src/main.py")
	if !ok || rel != "src/main.py" {
		t.Fatalf("Resolve = %q, %v", rel, ok)
	}
	if data, ok := tree.ReadFile(rel); !ok || string(data) != "ok" {
		t.Errorf("ReadFile = %q, %v", data, ok)
	}
	if _, ok := tree.Resolve("main.tf", "../x"); ok {
		t.Error("FromFS tree resolves a path out of it")
	}
}
