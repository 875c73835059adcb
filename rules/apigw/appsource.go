package apigw

import (
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/beside"
)

// Limits on how much of an application the model reads.
const maxAppModules = 64 // Python modules followed from a handler

// MountUnaware is the evidence that a function runs an application that
// renders absolute links without knowing the path it is mounted under.
type MountUnaware struct {
	// File and Line locate the construction, File relative to the module's folder.
	File string
	Line int
	// DocsURL is the docs page that asks for /openapi.json ("/docs" by default).
	DocsURL string
}

// moduleDir is the directory tflint names the module's files in.
func (g *Graph) moduleDir() string {
	for name := range g.files {
		return filepath.Dir(name)
	}
	return "."
}

// Sources returns the module's folder tree, or nil when it cannot be read.
func (g *Graph) Sources() *beside.Tree {
	return g.sources.get(func() *beside.Tree {
		if g.openSources == nil {
			return nil
		}
		return g.openSources()
	})
}

// MountUnawareApp reads the sources the configuration packs for a function
// (a zip from archive_file, whose source_dir or source_file is in the
// module's folder) and returns where they build a FastAPI application that
// serves its docs and sets no root_path. ok is false when the sources cannot
// be read or do not build such an application.
func (g *Graph) MountUnawareApp(fn *Node) (MountUnaware, bool) {
	tree := g.Sources()
	archive := g.archiveOf(fn)
	if tree == nil || archive == nil {
		return MountUnaware{}, false
	}
	// The handler holds no path: tflint may evaluate it (a variable's
	// default, a local).
	handler, ok := g.String(fn.Attr("handler"))
	if !ok {
		return MountUnaware{}, false
	}
	dot := strings.LastIndex(handler, ".")
	if dot <= 0 {
		return MountUnaware{}, false
	}
	entry := strings.ReplaceAll(handler[:dot], "/", ".")
	var pkg *pyPackage
	if dir, ok := g.pathValue(archive.Attr("source_dir")); ok {
		rel, ok := tree.Resolve(archive.Filename(), dir)
		if !ok || !tree.IsDir(rel) {
			return MountUnaware{}, false
		}
		pkg = &pyPackage{tree: tree, root: rel}
	} else if file, ok := g.pathValue(archive.Attr("source_file")); ok {
		rel, ok := tree.Resolve(archive.Filename(), file)
		if !ok {
			return MountUnaware{}, false
		}
		pkg = &pyPackage{tree: tree, root: path.Dir(rel), only: rel}
	} else {
		return MountUnaware{}, false
	}
	return pkg.mountUnaware(entry)
}

// archiveOf finds the archive a function's package comes from: filename
// set to its output_path, source_code_hash read from it, or filename equal
// to its output_path as written.
func (g *Graph) archiveOf(fn *Node) *Node {
	for _, name := range []string{"filename", "source_code_hash"} {
		attr := fn.Attr(name)
		if attr == nil {
			continue
		}
		if n := g.Resolve(attr.Expr); n != nil && n.Type == ArchiveFile {
			return n
		}
	}
	file, ok := g.pathValue(fn.Attr("filename"))
	if !ok {
		return nil
	}
	var found *Node
	for _, kind := range []string{"data." + ArchiveFile, ArchiveFile} {
		for _, a := range g.Resources(kind) {
			if out, ok := g.pathValue(a.Attr("output_path")); ok && path.Clean(out) == path.Clean(file) {
				if found != nil {
					return nil
				}
				found = a
			}
		}
	}
	return found
}

// pathValue evaluates a string the way Terraform would in the root module,
// with path.module and path.root as ".", and locals read from the module;
// anything else (variables, functions, resources) leaves it unknown. The
// host is not asked: it renders path.module relative to its own directory.
func (g *Graph) pathValue(attr *hclext.Attribute) (string, bool) {
	if attr == nil {
		return "", false
	}
	v, ok := g.localValue(attr.Expr, 0)
	if !ok || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

func (g *Graph) localValue(expr hcl.Expression, depth int) (cty.Value, bool) {
	if depth > maxLocalDepth {
		return cty.NilVal, false
	}
	locals := map[string]cty.Value{}
	for _, t := range variables(expr) {
		switch t.RootName() {
		case "path":
		case "local":
			if len(t) < 2 {
				return cty.NilVal, false
			}
			attr, ok := t[1].(hcl.TraverseAttr)
			if !ok {
				return cty.NilVal, false
			}
			def := g.locals()[attr.Name]
			if def == nil {
				return cty.NilVal, false
			}
			v, ok := g.localValue(def, depth+1)
			if !ok {
				return cty.NilVal, false
			}
			locals[attr.Name] = v
		default:
			return cty.NilVal, false
		}
	}
	ctx := &hcl.EvalContext{Variables: map[string]cty.Value{
		"path":  cty.ObjectVal(map[string]cty.Value{"module": cty.StringVal("."), "root": cty.StringVal(".")}),
		"local": cty.ObjectVal(locals),
	}}
	v, diags := expr.Value(ctx)
	if diags.HasErrors() || !v.IsWhollyKnown() {
		return cty.NilVal, false
	}
	return v, true
}

// pyPackage is the Python code of one archive: the folder it packs (root),
// or a single file of it (only).
type pyPackage struct {
	tree *beside.Tree
	root string
	only string
	read map[string]*pyModule // nil for a file that cannot be read
}

// module reads and parses a file of the package once.
func (p *pyPackage) module(file string) *pyModule {
	if m, ok := p.read[file]; ok {
		return m
	}
	if p.read == nil {
		p.read = map[string]*pyModule{}
	}
	var m *pyModule
	if src, ok := p.tree.ReadFile(file); ok {
		parsed := readPyModule(string(src))
		m = &parsed
	}
	p.read[file] = m
	return m
}

// mountUnaware follows the modules an entry module imports, within the
// package, and returns the first FastAPI application that would link its
// schema without the mount point. Any sign that the code handles the mount
// point (root_path, a docs page of its own, Mangum's base path) in a module
// it loads, or arguments that cannot be read, is silence.
func (p *pyPackage) mountUnaware(entry string) (MountUnaware, bool) {
	queue := []string{}
	seen := map[string]bool{}
	add := func(file string) {
		if file != "" && !seen[file] && len(seen) < maxAppModules {
			seen[file] = true
			queue = append(queue, file)
		}
	}
	for _, f := range p.files("", pyImport{name: entry}) {
		add(f)
	}
	var found []MountUnaware
	for len(queue) > 0 {
		file := queue[0]
		queue = queue[1:]
		m := p.module(file)
		if m == nil {
			continue
		}
		if m.mountAware {
			return MountUnaware{}, false
		}
		for _, app := range m.apps {
			if app.opaque {
				return MountUnaware{}, false
			}
			if !app.docsOff {
				found = append(found, MountUnaware{File: file, Line: app.line, DocsURL: app.docsURL})
			}
		}
		for _, imp := range m.imports {
			if len(seen) >= maxAppModules {
				break
			}
			for _, f := range p.files(file, imp) {
				add(f)
			}
		}
	}
	if len(found) == 0 {
		return MountUnaware{}, false
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].File < found[j].File })
	return found[0], true
}

// files returns the package's files an import may load: the module and the
// __init__.py of each package on the way. from is the importing module's
// file, for relative imports.
func (p *pyPackage) files(from string, imp pyImport) []string {
	base := p.root
	if imp.level > 0 {
		base = path.Dir(from)
		for i := 1; i < imp.level; i++ {
			if base == p.root || base == "." {
				return nil
			}
			base = path.Dir(base)
		}
	}
	parts := strings.Split(imp.name, ".")
	var out []string
	dir := base
	for i, part := range parts {
		if part == "" {
			return out
		}
		dir = path.Join(dir, part)
		candidates := []string{dir + "/__init__.py"}
		if i == len(parts)-1 {
			candidates = append(candidates, dir+".py")
		}
		for _, c := range candidates {
			if p.only != "" && c != p.only {
				continue
			}
			if p.module(c) != nil {
				out = append(out, c)
			}
		}
	}
	return out
}
