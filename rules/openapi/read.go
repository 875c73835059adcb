package openapi

import (
	"fmt"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/beside"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

// Reader reads bodies of one module.
type Reader struct {
	// Files is the module's folder tree (see package beside): relative file
	// paths and path.module start at its root, and no file outside it is
	// read. Nil reads no file.
	Files *beside.Tree
	// Expand returns the expression a reference stands for (a local's
	// value), or nil; the reader follows it wherever a reference is written.
	Expand func(hcl.Traversal) hcl.Expression
	// Rendered returns the template and vars arguments of the data
	// "template_file" whose rendered attribute a reference is; ok is false
	// when it is not one.
	Rendered func(hcl.Traversal) (template, vars hcl.Expression, ok bool)
	// MaxFileSize bounds a spec file (DefaultMaxFileSize when 0).
	MaxFileSize int64
	// MaxNodes bounds a document's nodes (DefaultMaxNodes when 0).
	MaxNodes int
}

func (r *Reader) conv() *hclConv {
	return &hclConv{expand: r.Expand, budget: r.maxNodes()}
}

func (r *Reader) maxNodes() int {
	if r.MaxNodes > 0 {
		return r.MaxNodes
	}
	return DefaultMaxNodes
}

// Body reads a body argument, whatever its form: jsonencode/yamlencode of
// an HCL object, JSON or YAML text, file() or templatefile() of a spec
// file, a data "template_file" rendered attribute (through Rendered), or a
// reference Expand resolves to one of these. Anything else
// (var.X, a module output, another function) is an unknown document.
func (r *Reader) Body(expr hcl.Expression) (doc *Document) {
	defer guard(&doc)
	return r.body(expr, 0)
}

// guard turns a panic of the reader (a bug, or a library's) into an
// unknown document: a body never stops a run.
func guard(doc **Document) {
	if p := recover(); p != nil {
		*doc = UnknownDocument(fmt.Sprint("reader failed: ", p))
	}
}

func (r *Reader) body(expr hcl.Expression, depth int) *Document {
	if depth > maxDepth {
		return UnknownDocument("references nested too deep")
	}
	switch e := expr.(type) {
	case *hclsyntax.ParenthesesExpr:
		return r.body(e.Expression, depth+1)
	case *hclsyntax.TemplateWrapExpr:
		return r.body(e.Wrapped, depth+1)
	case *hclsyntax.ScopeTraversalExpr:
		if r.Expand != nil {
			if x := r.Expand(e.Traversal); x != nil {
				return r.body(x, depth+1)
			}
		}
		if r.Rendered != nil {
			if template, vars, ok := r.Rendered(e.Traversal); ok {
				return r.TemplateData(template, r.Bindings(vars))
			}
		}
		return UnknownDocument("the body is " + refText(e))
	case *hclsyntax.FunctionCallExpr:
		if e.ExpandFinal {
			break
		}
		switch {
		case (e.Name == "jsonencode" || e.Name == "yamlencode") && len(e.Args) == 1:
			return r.Object(e.Args[0])
		case e.Name == "file" && len(e.Args) == 1:
			return r.File(e.Args[0])
		case e.Name == "templatefile" && len(e.Args) == 2:
			return r.TemplateFile(e.Args[0], r.Bindings(e.Args[1]))
		}
		return UnknownDocument("the body is " + e.Name + "()")
	case *hclsyntax.TemplateExpr, *hclsyntax.LiteralValueExpr:
		return r.Text(expr)
	}
	if _, native := expr.(hclsyntax.Expression); !native && len(expr.Variables()) == 0 {
		if v, diags := expr.Value(nil); !diags.HasErrors() && v.IsKnown() && !v.IsNull() && v.Type() == cty.String {
			return r.parse(partial.Lit(v.AsString()), FormText, "", textSource{file: expr.Range().Filename, firstLine: expr.Range().Start.Line, oneLine: true})
		}
	}
	return UnknownDocument("the body is not read")
}

// Object reads the argument of jsonencode or yamlencode: an HCL object
// whose nodes carry their expression's range, so a fix can edit them.
func (r *Reader) Object(expr hcl.Expression) (doc *Document) {
	defer guard(&doc)
	c := r.conv()
	root := c.node(expr, 0)
	if c.err != nil {
		return UnknownDocument(c.err.Error())
	}
	if !root.Known() {
		return UnknownDocument("the object is not read: " + root.Str.String())
	}
	return &Document{Root: root, Form: FormHCL}
}

// Text reads JSON or YAML written in the .tf file: a string literal or a
// heredoc, its interpolations holes. Nodes are placed on the file's lines
// (for a heredoc) and are not editable.
func (r *Reader) Text(expr hcl.Expression) (doc *Document) {
	defer guard(&doc)
	c := r.conv()
	s, structural, ok := c.text(expr)
	if !ok {
		return UnknownDocument("the body is not text")
	}
	if structural {
		return UnknownDocument("a template directive writes the document")
	}
	return r.parse(s, FormText, "", textSourceOf(expr))
}

func (c *hclConv) text(expr hcl.Expression) (partial.String, bool, bool) {
	switch e := expr.(type) {
	case *hclsyntax.TemplateExpr:
		s, structural := c.template(e, nil, 0)
		return s, structural, true
	case *hclsyntax.LiteralValueExpr:
		if n := literalNode(e.Val, Pos{}); n.Kind == KindString {
			return n.Str, false, true
		}
	}
	return partial.String{}, false, false
}

// textSourceOf places text written as an HCL string: a heredoc's lines
// start on the line after its opening; a quoted string is one line.
func textSourceOf(expr hcl.Expression) textSource {
	rng := expr.Range()
	src := textSource{file: rng.Filename, firstLine: rng.Start.Line, oneLine: rng.Start.Line == rng.End.Line}
	if t, ok := expr.(*hclsyntax.TemplateExpr); ok && !src.oneLine && len(t.Parts) > 0 {
		src.firstLine = t.Parts[0].Range().Start.Line
	}
	return src
}

func (r *Reader) parse(s partial.String, form Form, file string, src textSource) *Document {
	text, holes := s.Marked()
	root, reason := parseText(text, holes, src, r.maxNodes())
	if root == nil {
		return UnknownDocument(reason)
	}
	return &Document{Root: root, Form: form, File: file}
}

// Parse reads JSON or YAML text with no holes, as a spec file named file.
func Parse(text, file string) (doc *Document) {
	defer guard(&doc)
	r := Reader{}
	return r.parse(partial.Lit(text), FormFile, file, textSource{file: file, firstLine: 1})
}

// File reads file(path) of a JSON or YAML spec in the configuration.
func (r *Reader) File(path hcl.Expression) (doc *Document) {
	defer guard(&doc)
	text, name, reason := r.readFile(path)
	if reason != "" {
		return UnknownDocument(reason)
	}
	return r.parse(partial.Lit(text), FormFile, name, textSource{file: name, firstLine: 1})
}

// Vars are the variables of a template: the expression bound to each name.
type Vars struct {
	Exprs map[string]hcl.Expression
	// Known is false when the variables object could not be read: every
	// interpolation is then unknown.
	Known bool
}

// Bindings reads a templatefile() variables object (or template_file's
// vars) into Vars; a reference Expand resolves is followed.
func (r *Reader) Bindings(expr hcl.Expression) (vars Vars) {
	defer func() {
		if recover() != nil {
			vars = Vars{}
		}
	}()
	for depth := 0; expr != nil && depth < maxDepth; depth++ {
		switch e := expr.(type) {
		case *hclsyntax.ParenthesesExpr:
			expr = e.Expression
			continue
		case *hclsyntax.ScopeTraversalExpr:
			if r.Expand == nil {
				return Vars{}
			}
			expr = r.Expand(e.Traversal)
			continue
		case *hclsyntax.ObjectConsExpr:
			c := r.conv()
			vars = Vars{Exprs: map[string]hcl.Expression{}, Known: true}
			for _, item := range e.Items {
				name, ok := c.key(item.KeyExpr, 0)
				if !ok {
					vars.Known = false
					continue
				}
				vars.Exprs[name] = item.ValueExpr
			}
			return vars
		}
		return Vars{}
	}
	return Vars{}
}

// TemplateFile reads templatefile(path, vars) of a JSON or YAML spec. In
// the template, ${name} is the expression bound to name: a literal is its
// text, anything else a hole carrying the expression and its reference
// text. Unbound names, other interpolations and directives are holes; a
// directive that may write document structure (a for, or one spanning
// lines) makes the whole document unknown.
func (r *Reader) TemplateFile(path hcl.Expression, vars Vars) (doc *Document) {
	defer guard(&doc)
	text, name, reason := r.readFile(path)
	if reason != "" {
		return UnknownDocument(reason)
	}
	return r.template(partial.Lit(text), vars, name, textSource{file: name, firstLine: 1})
}

// TemplateData reads a data "template_file" body: its template argument
// (file() of a spec, or text in the .tf file) rendered with its vars.
func (r *Reader) TemplateData(template hcl.Expression, vars Vars) (doc *Document) {
	defer guard(&doc)
	if w, ok := template.(*hclsyntax.TemplateWrapExpr); ok {
		template = w.Wrapped
	}
	if call, ok := template.(*hclsyntax.FunctionCallExpr); ok && call.Name == "file" && len(call.Args) == 1 && !call.ExpandFinal {
		return r.TemplateFile(call.Args[0], vars)
	}
	c := r.conv()
	s, structural, ok := c.text(template)
	if !ok {
		return UnknownDocument("the template is not read")
	}
	if structural {
		return UnknownDocument("a template directive writes the document")
	}
	return r.template(s, vars, "", textSourceOf(template))
}

// template renders template text (whose holes, if any, stay holes) with
// vars, then parses it.
func (r *Reader) template(s partial.String, vars Vars, file string, src textSource) *Document {
	text, outer := s.Marked()
	c := r.conv()
	bind := func(name string) []partial.Part {
		if !vars.Known {
			return []partial.Part{{Hole: true}}
		}
		bound, ok := vars.Exprs[name]
		if !ok {
			return []partial.Part{{Hole: true}}
		}
		return c.inline(bound, 0)
	}
	rendered, ok := simpleTemplate(text, bind)
	if !ok {
		var reason string
		if rendered, reason = c.parseTemplate(text, src.file, bind); reason != "" {
			return UnknownDocument(reason)
		}
	}
	// Holes of the template text itself (an inline template_file template
	// with interpolations) are still markers in its literals.
	var out partial.String
	for _, p := range rendered.Parts {
		if p.Hole {
			out.Parts = append(out.Parts, p)
			continue
		}
		out = out.Append(partial.Unmark(p.Lit, outer))
	}
	return r.parse(out, FormTemplate, file, src)
}

// parseTemplate renders a template with the HCL template parser, as
// templatefile() does.
func (c *hclConv) parseTemplate(text, file string, bind binder) (partial.String, string) {
	expr, diags := hclsyntax.ParseTemplate([]byte(text), file, hcl.InitialPos)
	if diags.HasErrors() {
		return partial.String{}, "the template does not parse"
	}
	var t *hclsyntax.TemplateExpr
	switch e := expr.(type) {
	case *hclsyntax.TemplateExpr:
		t = e
	case *hclsyntax.TemplateWrapExpr, *hclsyntax.LiteralValueExpr:
		// A template that is one interpolation, or one literal.
		t = &hclsyntax.TemplateExpr{Parts: []hclsyntax.Expression{unwrapTemplate(e)}, SrcRange: e.Range()}
	default:
		return partial.String{}, "the template is not read"
	}
	rendered, structural := c.template(t, bind, 0)
	if structural {
		return partial.String{}, "a template directive writes the document"
	}
	return rendered, ""
}

// simpleTemplate renders the common template, whose only interpolations
// are bare names (${fn}), without the HCL parser, which costs more than
// the YAML parse; ok is false for anything else (directives, strip
// markers, expressions), which the HCL parser reads.
func simpleTemplate(text string, bind binder) (s partial.String, ok bool) {
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			// The HCL parser normalizes Unicode (NFC) and refuses
			// invalid UTF-8: leave other text to it.
			return partial.String{}, false
		}
	}
	var lit strings.Builder
	for i := 0; i < len(text); {
		switch {
		case strings.HasPrefix(text[i:], "$${"):
			lit.WriteString("${")
			i += 3
		case strings.HasPrefix(text[i:], "%%{"):
			lit.WriteString("%{")
			i += 3
		case strings.HasPrefix(text[i:], "%{"):
			return partial.String{}, false
		case strings.HasPrefix(text[i:], "${"):
			end := strings.IndexByte(text[i:], '}')
			if end < 0 {
				return partial.String{}, false
			}
			name := strings.TrimSpace(text[i+2 : i+end])
			if !hclsyntax.ValidIdentifier(name) {
				return partial.String{}, false
			}
			if lit.Len() > 0 {
				s = s.Append(partial.Lit(lit.String()))
				lit.Reset()
			}
			s = s.Append(partial.String{Parts: bind(name)})
			i += end + 1
		default:
			next := strings.IndexAny(text[i+1:], "$%")
			if next < 0 {
				lit.WriteString(text[i:])
				i = len(text)
			} else {
				lit.WriteString(text[i : i+1+next])
				i += 1 + next
			}
		}
	}
	if lit.Len() > 0 {
		s = s.Append(partial.Lit(lit.String()))
	}
	return s, true
}

// readFile reads a spec file named by a path expression, inside the
// module's folder tree; reason says why not.
func (r *Reader) readFile(pathExpr hcl.Expression) (text, name, reason string) {
	written, ok := r.pathValue(pathExpr, 0)
	if !ok {
		return "", "", "the file path is not known"
	}
	name = path.Clean(filepath.ToSlash(written))
	rel, ok := r.Files.Resolve(pathExpr.Range().Filename, written)
	if !ok {
		return "", name, name + " is not found inside the configuration"
	}
	limit := r.MaxFileSize
	if limit <= 0 {
		limit = DefaultMaxFileSize
	}
	data, ok := r.Files.ReadFileUpTo(rel, limit)
	if !ok {
		return "", name, name + " is not a readable text file under the size limit"
	}
	return string(data), name, ""
}

// pathValue reads a file path written as a literal, with path.module
// standing for the module directory: "${path.module}/x.yaml", "./x.yaml",
// "x.yaml". It returns the path relative to the module directory (or
// absolute when written so).
func (r *Reader) pathValue(expr hcl.Expression, depth int) (string, bool) {
	if depth > maxDepth {
		return "", false
	}
	switch e := expr.(type) {
	case *hclsyntax.ParenthesesExpr:
		return r.pathValue(e.Expression, depth+1)
	case *hclsyntax.TemplateWrapExpr:
		return r.pathValue(e.Wrapped, depth+1)
	case *hclsyntax.LiteralValueExpr:
		if e.Val.Type() == cty.String && e.Val.IsKnown() && !e.Val.IsNull() {
			return e.Val.AsString(), true
		}
	case *hclsyntax.ScopeTraversalExpr:
		if refText(e) == "path.module" {
			return ".", true
		}
		if r.Expand != nil {
			if x := r.Expand(e.Traversal); x != nil {
				return r.pathValue(x, depth+1)
			}
		}
	case *hclsyntax.TemplateExpr:
		var b strings.Builder
		for _, part := range e.Parts {
			text, ok := r.pathValue(part, depth+1)
			if !ok {
				return "", false
			}
			b.WriteString(text)
		}
		return b.String(), true
	}
	return "", false
}

func unwrapTemplate(e hclsyntax.Expression) hclsyntax.Expression {
	if w, ok := e.(*hclsyntax.TemplateWrapExpr); ok {
		return w.Wrapped
	}
	return e
}
