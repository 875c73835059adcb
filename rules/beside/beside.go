// Package beside reads files that sit beside a Terraform configuration (an
// application's sources, an OpenAPI document) without ever leaving the
// configuration's folder tree. A file that is missing, too large, binary or
// unreadable is simply not there: the caller treats it as unknown.
package beside

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// MaxFileSize bounds what one read returns, so that a large file cannot
// slow a lint.
const MaxFileSize = 1 << 20

// Tree is the folder tree of one module: tflint's original working directory
// joined with the module's directory. Paths inside it are slash-separated and
// relative to its root. A nil Tree has no files.
type Tree struct {
	// fsys holds the files of a tree built by FromFS; nil for OS trees.
	fsys fs.FS
	// real is the root with symlinks resolved, for OS trees; "" for trees
	// built from an fs.FS, which have no symlinks to follow.
	real string
	// moduleDir is the module's directory as tflint names its files
	// (relative to the original working directory, or absolute).
	moduleDir string
}

// Open returns the tree of the module whose files tflint names under
// moduleDir ("." for the working directory itself), or nil when the folder
// cannot be opened.
func Open(originalwd, moduleDir string) *Tree {
	root := moduleDir
	if !filepath.IsAbs(root) {
		root = filepath.Join(originalwd, moduleDir)
	}
	real, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil
	}
	if info, err := os.Stat(real); err != nil || !info.IsDir() {
		return nil
	}
	return &Tree{real: real, moduleDir: filepath.Clean(moduleDir)}
}

// open opens a file of the tree. OS trees open through os.OpenInRoot, which
// refuses paths that leave the root, symlinks included: a second guard
// behind Resolve's check, and no handle kept open between reads (the
// language server's plugin process lives as long as the editor).
func (t *Tree) open(rel string) (fs.File, error) {
	if t.fsys != nil {
		return t.fsys.Open(rel)
	}
	// Opening a FIFO or a device could block the lint: look first.
	info, err := os.Stat(filepath.Join(t.real, filepath.FromSlash(rel)))
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() && !info.IsDir() {
		return nil, fs.ErrInvalid
	}
	return os.OpenInRoot(t.real, filepath.FromSlash(rel))
}

// FromFS returns a tree over fsys, whose root is the module's directory.
// Tests use it with fstest.MapFS.
func FromFS(fsys fs.FS) *Tree {
	return &Tree{fsys: fsys, moduleDir: "."}
}

// Resolve turns a path that the file tfFile names (a module-relative path as
// Terraform reads it: "x", "./x", or "${path.module}/x" already rendered to
// "./x") into a path inside the tree. ok is false when it leaves the tree.
func (t *Tree) Resolve(tfFile, name string) (string, bool) {
	if t == nil || name == "" || filepath.IsAbs(name) || strings.HasPrefix(name, "/") {
		return "", false
	}
	dir, ok := t.fileDir(tfFile)
	if !ok {
		return "", false
	}
	rel := path.Clean(path.Join(dir, filepath.ToSlash(name)))
	if !fs.ValidPath(rel) {
		return "", false
	}
	if t.real == "" {
		return rel, true
	}
	// Symlinks may point anywhere: resolve them and check again.
	real, err := filepath.EvalSymlinks(filepath.Join(t.real, filepath.FromSlash(rel)))
	if err != nil {
		return "", false
	}
	inside, err := filepath.Rel(t.real, real)
	if err != nil {
		return "", false
	}
	inside = filepath.ToSlash(inside)
	if !fs.ValidPath(inside) {
		return "", false
	}
	return inside, true
}

// fileDir is the directory of tfFile relative to the tree's root.
func (t *Tree) fileDir(tfFile string) (string, bool) {
	dir := filepath.Dir(filepath.Clean(tfFile))
	rel, err := filepath.Rel(t.moduleDir, dir)
	if err != nil {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	return rel, fs.ValidPath(rel)
}

// ReadFile returns the text of a file inside the tree (a path from Resolve),
// or false when it is missing, not a regular file, larger than MaxFileSize,
// binary (holds a NUL byte) or unreadable.
func (t *Tree) ReadFile(rel string) ([]byte, bool) { return t.ReadFileUpTo(rel, MaxFileSize) }

// ReadFileUpTo is ReadFile with another size limit (an OpenAPI document may
// be larger than a source file).
func (t *Tree) ReadFileUpTo(rel string, limit int64) ([]byte, bool) {
	if t == nil || !fs.ValidPath(rel) || limit <= 0 {
		return nil, false
	}
	f, err := t.open(rel)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() > limit {
		return nil, false
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil || int64(len(data)) > limit || bytes.IndexByte(data, 0) >= 0 {
		return nil, false
	}
	return data, true
}

// IsDir reports whether rel is a directory inside the tree.
func (t *Tree) IsDir(rel string) bool {
	if t == nil || !fs.ValidPath(rel) {
		return false
	}
	f, err := t.open(rel)
	if err != nil {
		return false
	}
	defer f.Close()
	info, err := f.Stat()
	return err == nil && info.IsDir()
}
