// Package openapi reads an API Gateway OpenAPI body, whatever it is written
// as (an HCL object under jsonencode or yamlencode, JSON or YAML text, a file,
// a template), into one document tree with a source position for every node,
// and offers a view of the parts API Gateway reads (operations, integrations,
// security, authorizers, the x-amazon-apigateway-* extensions). It knows no
// model and no rule: plain data in, plain data out. What it cannot read is
// unknown, never an error and never a guess.
//
// Unknown documents: var.X, module outputs and functions other than
// jsonencode, yamlencode, file and templatefile; file paths other than
// literals and path.module; files missing, outside the configuration
// (symlinks resolved), over the size limit, binary, or not one JSON or
// YAML document; templates with a for directive or a directive or
// interpolation spanning lines (they may write structure); documents over
// the node limit, aliases counted.
//
// Unknown parts: HCL for expressions, conditionals, splats and function
// calls; references Expand does not resolve (holes carrying their
// expression); template names with no binding, other template
// interpolations and inline directives; keys with holes (their map is
// Partial); custom YAML tags; subtrees deeper than the depth limit.
package openapi

import (
	"strconv"

	"github.com/hashicorp/hcl/v2"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

// Kind is the kind of a Node.
type Kind int

const (
	// KindUnknown is a node the reader cannot read: an HCL expression it
	// does not evaluate, a template part, anything past a limit.
	KindUnknown Kind = iota
	// KindMap is an object (JSON) or mapping (YAML).
	KindMap
	// KindList is an array or sequence.
	KindList
	// KindString is a string scalar.
	KindString
	// KindNumber is a number scalar; Str holds its text as written.
	KindNumber
	// KindBool is a boolean scalar; Str holds "true" or "false".
	KindBool
	// KindNull is null.
	KindNull
)

// Pos is where a node is written.
type Pos struct {
	// File is the file the node is written in: a spec file relative to the
	// module directory, or the .tf file for HCL and inline text.
	File string
	// Line and Column are 1-based; Line is 0 when unknown.
	Line, Column int
	// Range is set when the node is an HCL expression that a fix can
	// replace; zero for spec files and inline JSON or YAML text.
	Range hcl.Range
}

// Editable reports whether the node is an HCL expression a fix can edit.
func (p Pos) Editable() bool { return p.Range.Filename != "" }

// String renders the position for messages: "openapi.yaml:30".
func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return p.File + ":" + strconv.Itoa(p.Line)
}

func posOfRange(r hcl.Range) Pos {
	return Pos{File: r.Filename, Line: r.Start.Line, Column: r.Start.Column, Range: r}
}

// Entry is one key of a map.
type Entry struct {
	Key    string
	KeyPos Pos
	Value  *Node
}

// Node is one value of a document.
type Node struct {
	Kind Kind
	Pos  Pos
	// Str is the text of a scalar, with holes for the parts the reader does
	// not know. An unknown node written as one expression also carries it
	// as a hole (with the reference text and the expression), so that the
	// caller can still tell which reference it is.
	Str partial.String
	// Entries are the keys of a map in the order written.
	Entries []Entry
	// Partial marks a map with entries the reader could not read (a key
	// with a hole, a directive, a merge it could not follow): a key that
	// is not in Entries may still be there.
	Partial bool
	// Items are the elements of a list.
	Items []*Node
}

// Known reports whether the node exists and its kind is known.
func (n *Node) Known() bool { return n != nil && n.Kind != KindUnknown }

// IsScalar reports whether the node is a string, number or bool.
func (n *Node) IsScalar() bool {
	return n != nil && (n.Kind == KindString || n.Kind == KindNumber || n.Kind == KindBool)
}

// Get returns the value of a map's key: nil when the map surely has no such
// key (or n is nil or not a map), an unknown node when it may have it (n is
// unknown, or a partial map). With duplicate keys the last one counts, as
// in encoding/json.
func (n *Node) Get(key string) *Node {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case KindUnknown:
		return &Node{Kind: KindUnknown, Pos: n.Pos, Str: partial.Unknown("")}
	case KindMap:
	default:
		return nil
	}
	for i := len(n.Entries) - 1; i >= 0; i-- {
		if n.Entries[i].Key == key {
			return n.Entries[i].Value
		}
	}
	if n.Partial {
		return &Node{Kind: KindUnknown, Pos: n.Pos, Str: partial.Unknown("")}
	}
	return nil
}

// At follows keys from n: n.At("a", "b") is n.Get("a").Get("b").
func (n *Node) At(keys ...string) *Node {
	for _, k := range keys {
		n = n.Get(k)
	}
	return n
}

// Text returns the text of a scalar with no unknown part.
func (n *Node) Text() (string, bool) {
	if !n.IsScalar() {
		return "", false
	}
	return n.Str.Known()
}

// Unknown is the plain value of an unknown node, as Plain returns it.
type Unknown struct {
	// Str is the hole the node stands for (with Ref and Expr when written
	// as one expression).
	Str partial.String
	Pos Pos
}

// Plain converts the node to plain data for a reader that knows nothing of
// this package (the policy reader): map[string]any, []any, partial.String
// for every scalar (numbers and booleans as their text), nil for null, and
// Unknown for what is not known. A partial map is Unknown as a whole: its
// missing keys could change its meaning. A nil node is nil.
func (n *Node) Plain() any {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case KindMap:
		if n.Partial {
			return Unknown{Str: partial.Unknown(""), Pos: n.Pos}
		}
		m := make(map[string]any, len(n.Entries))
		for _, e := range n.Entries {
			m[e.Key] = e.Value.Plain()
		}
		return m
	case KindList:
		l := make([]any, len(n.Items))
		for i, it := range n.Items {
			l[i] = it.Plain()
		}
		return l
	case KindString, KindNumber, KindBool:
		s := n.Str
		if s.Range.Filename == "" {
			s.Range = n.Pos.Range
		}
		return s
	case KindNull:
		return nil
	}
	return Unknown{Str: n.Str, Pos: n.Pos}
}

// Form is what a document was written as.
type Form int

const (
	// FormUnknown is a body the reader cannot read (var.X, a module output).
	FormUnknown Form = iota
	// FormHCL is an HCL object under jsonencode or yamlencode.
	FormHCL
	// FormText is JSON or YAML text written in the .tf file.
	FormText
	// FormFile is file() of a JSON or YAML file.
	FormFile
	// FormTemplate is templatefile(), or data "template_file".
	FormTemplate
)

// Document is one body read into a tree.
type Document struct {
	Root *Node
	Form Form
	// File is the spec file relative to the module directory, for FormFile
	// and a FormTemplate read from a file.
	File string
	// Reason says why the document is unknown, when it is.
	Reason string
}

// Known reports whether the document was read (its parts may still hold
// unknown nodes).
func (d *Document) Known() bool { return d != nil && d.Root.Known() }

// UnknownDocument is a body the reader cannot read, with the reason.
func UnknownDocument(reason string) *Document {
	return &Document{Root: &Node{Kind: KindUnknown, Str: partial.Unknown("")}, Reason: reason}
}

func unknownAt(pos Pos, s partial.String) *Node {
	if len(s.Parts) == 0 {
		s = partial.Unknown("")
	}
	return &Node{Kind: KindUnknown, Pos: pos, Str: s}
}
