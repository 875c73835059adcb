package apigw

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// Setting is one argument of a view, named the way its source spells it
// (authorization for a REST method, authorization_type for a route), with
// the questions rules ask of a value: is it set, what does the
// configuration prove it is, and where is it written. A view read from an
// OpenAPI body will answer the same questions from the spec's value and
// range.
type Setting struct {
	// Name is the argument as its source spells it, for messages.
	Name string
	attr *hclext.Attribute
	g    *Graph
	at   Source
}

func setting(g *Graph, src Source, n *Node, name string) Setting {
	return Setting{Name: name, attr: n.Attr(name), g: g, at: src}
}

// Written reports whether the argument is written at all, null included.
func (s Setting) Written() bool { return s.attr != nil }

// IsSet reports whether the argument is written and not a literal null.
func (s Setting) IsSet() bool { return s.g.IsSet(s.attr) }

// SurelySet reports whether the argument is set to something other than
// null for sure (see Graph.SurelySet).
func (s Setting) SurelySet() bool { return s.g.SurelySet(s.attr) }

// String returns the value when the configuration proves it is a string.
func (s Setting) String() (string, bool) { return s.g.String(s.attr) }

// BoolOr returns the value, or dflt when unset or null; known is false
// when it cannot be proven.
func (s Setting) BoolOr(dflt bool) (val, known bool) { return s.g.BoolOr(s.attr, dflt) }

// Int returns the value when the configuration proves it is a whole number.
func (s Setting) Int() (int64, bool) { return s.g.Int(s.attr) }

// Range is where the argument is written; the view's range when it is not.
func (s Setting) Range() hcl.Range {
	if s.attr == nil {
		return s.at.Range
	}
	return s.attr.Range
}

// Expr is the argument's expression; nil when it is not written.
func (s Setting) Expr() hcl.Expression { return exprOf(s.attr) }

// Target returns the block of the module the argument references, when it
// references exactly one.
func (s Setting) Target() *Node { return s.g.Resolve(s.Expr()) }
