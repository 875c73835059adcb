package openapi

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

// hclConv turns HCL expressions into nodes and template strings.
type hclConv struct {
	expand func(hcl.Traversal) hcl.Expression
	budget int
	err    error
}

func (c *hclConv) count() bool {
	c.budget--
	if c.budget < 0 {
		c.err = errTooManyNodes
	}
	return c.err == nil
}

// expanded returns what a reference stands for (a local's expression).
func (c *hclConv) expanded(expr hcl.Expression) hcl.Expression {
	t, ok := expr.(*hclsyntax.ScopeTraversalExpr)
	if !ok || c.expand == nil {
		return nil
	}
	return c.expand(t.Traversal)
}

// node reads an HCL expression as a document node: objects, tuples,
// literals and templates; anything the reader does not evaluate is an
// unknown node carrying the expression as a hole.
func (c *hclConv) node(expr hcl.Expression, depth int) *Node {
	pos := posOfRange(expr.Range())
	if !c.count() || depth > maxDepth {
		return unknownAt(pos, partial.String{})
	}
	switch e := expr.(type) {
	case *hclsyntax.ParenthesesExpr:
		return c.node(e.Expression, depth+1)
	case *hclsyntax.ObjectConsExpr:
		n := &Node{Kind: KindMap, Pos: pos, Entries: make([]Entry, 0, len(e.Items))}
		for _, item := range e.Items {
			key, ok := c.key(item.KeyExpr, depth)
			if !ok {
				n.Partial = true
				continue
			}
			n.Entries = append(n.Entries, Entry{Key: key, KeyPos: posOfRange(item.KeyExpr.Range()), Value: c.node(item.ValueExpr, depth+1)})
		}
		return n
	case *hclsyntax.TupleConsExpr:
		n := &Node{Kind: KindList, Pos: pos, Items: make([]*Node, 0, len(e.Exprs))}
		for _, it := range e.Exprs {
			n.Items = append(n.Items, c.node(it, depth+1))
		}
		return n
	case *hclsyntax.LiteralValueExpr:
		return literalNode(e.Val, pos)
	case *hclsyntax.TemplateExpr:
		s, _ := c.template(e, nil, depth)
		s.Range = e.SrcRange
		return &Node{Kind: KindString, Pos: pos, Str: s}
	case *hclsyntax.TemplateWrapExpr:
		if x := c.expanded(e.Wrapped); x != nil {
			return c.node(x, depth+1)
		}
		s := partial.String{Parts: []partial.Part{partial.HoleOf(refText(e.Wrapped), e.Wrapped)}, Range: e.SrcRange}
		return unknownAt(pos, s)
	case *hclsyntax.ScopeTraversalExpr:
		if x := c.expanded(e); x != nil {
			return c.node(x, depth+1)
		}
	}
	if _, native := expr.(hclsyntax.Expression); !native && len(expr.Variables()) == 0 {
		// JSON syntax (.tf.json): a value with no references evaluates alone.
		if v, diags := expr.Value(nil); !diags.HasErrors() {
			return c.ctyNode(v, pos, depth)
		}
	}
	s := partial.String{Parts: []partial.Part{partial.HoleOf(refText(expr), expr)}, Range: expr.Range()}
	return unknownAt(pos, s)
}

// key reads an object key: a bare name, a literal, or a template without
// holes. A key the reader cannot read makes the object partial.
func (c *hclConv) key(expr hcl.Expression, depth int) (string, bool) {
	if k, ok := expr.(*hclsyntax.ObjectConsKeyExpr); ok {
		if !k.ForceNonLiteral {
			if name := hcl.ExprAsKeyword(k.Wrapped); name != "" {
				return name, true
			}
		}
		expr = k.Wrapped
	}
	n := c.node(expr, depth+1)
	if !n.IsScalar() {
		return "", false
	}
	return n.Str.Known()
}

func literalNode(v cty.Value, pos Pos) *Node {
	n := &Node{Pos: pos, Str: partial.String{Range: pos.Range}}
	switch {
	case v.IsNull():
		n.Kind = KindNull
		return n
	case !v.IsKnown():
		return unknownAt(pos, partial.String{})
	case v.Type() == cty.String:
		n.Kind = KindString
		n.Str.Parts = []partial.Part{{Lit: v.AsString()}}
	case v.Type() == cty.Number:
		n.Kind = KindNumber
		n.Str.Parts = []partial.Part{{Lit: v.AsBigFloat().Text('f', -1)}}
	case v.Type() == cty.Bool:
		n.Kind = KindBool
		text := "false"
		if v.True() {
			text = "true"
		}
		n.Str.Parts = []partial.Part{{Lit: text}}
	default:
		return unknownAt(pos, partial.String{})
	}
	return n
}

// ctyNode converts a value evaluated without context (JSON syntax).
func (c *hclConv) ctyNode(v cty.Value, pos Pos, depth int) *Node {
	if !c.count() || depth > maxDepth {
		return unknownAt(pos, partial.String{})
	}
	pos.Range = hcl.Range{} // one expression for the whole value: not editable per node
	if v.IsNull() || !v.IsKnown() {
		return literalNode(v, pos)
	}
	ty := v.Type()
	switch {
	case ty.IsObjectType() || ty.IsMapType():
		n := &Node{Kind: KindMap, Pos: pos}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			n.Entries = append(n.Entries, Entry{Key: k.AsString(), KeyPos: pos, Value: c.ctyNode(e, pos, depth+1)})
		}
		return n
	case ty.IsTupleType() || ty.IsListType() || ty.IsSetType():
		n := &Node{Kind: KindList, Pos: pos}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			n.Items = append(n.Items, c.ctyNode(e, pos, depth+1))
		}
		return n
	}
	return literalNode(v, pos)
}

// binder resolves a template interpolation that is one bare name (a
// templatefile variable) to its parts; nil in HCL, where interpolations
// are references to keep as holes.
type binder func(name string) []partial.Part

// template reads a template into a string. Interpolations are holes
// carrying their expression (and their reference text when they are one
// reference); with a binder, bare names are looked up and anything else is
// a hole without an expression. structural reports parts that may write
// document structure rather than a value: a for directive, or a part that
// spans lines.
func (c *hclConv) template(t *hclsyntax.TemplateExpr, bind binder, depth int) (s partial.String, structural bool) {
	for _, part := range t.Parts {
		if lit, ok := part.(*hclsyntax.LiteralValueExpr); ok && lit.Val.Type() == cty.String && !lit.Val.IsNull() && lit.Val.IsKnown() {
			s = s.Append(partial.Lit(lit.Val.AsString()))
			continue
		}
		if r := part.Range(); r.Start.Line != r.End.Line {
			structural = true
		}
		if _, isFor := part.(*hclsyntax.TemplateJoinExpr); isFor {
			structural = true
		}
		s = s.Append(partial.String{Parts: c.interpolation(part, bind, depth)})
	}
	return s, structural
}

func (c *hclConv) interpolation(part hclsyntax.Expression, bind binder, depth int) []partial.Part {
	if bind != nil {
		if t, ok := part.(*hclsyntax.ScopeTraversalExpr); ok && len(t.Traversal) == 1 {
			return bind(t.Traversal.RootName())
		}
		return []partial.Part{{Hole: true}}
	}
	if x := c.expanded(part); x != nil && depth < maxDepth {
		return c.inline(x, depth+1)
	}
	return []partial.Part{partial.HoleOf(refText(part), part)}
}

// inline returns the parts an expression puts in a string: literal text
// that holds no newline (so that the lines of the text keep their
// numbers), the parts of a template, or one hole.
func (c *hclConv) inline(expr hcl.Expression, depth int) []partial.Part {
	if !c.count() || depth > maxDepth {
		return []partial.Part{{Hole: true}}
	}
	switch e := expr.(type) {
	case *hclsyntax.LiteralValueExpr:
		if n := literalNode(e.Val, Pos{}); n.IsScalar() {
			if text, _ := n.Str.Known(); !strings.Contains(text, "\n") {
				return []partial.Part{{Lit: text}}
			}
		}
	case *hclsyntax.TemplateExpr:
		s, structural := c.template(e, nil, depth)
		text, _ := s.Marked()
		if !structural && !strings.Contains(text, "\n") {
			return s.Parts
		}
	case *hclsyntax.TemplateWrapExpr:
		return c.inline(e.Wrapped, depth+1)
	case *hclsyntax.ParenthesesExpr:
		return c.inline(e.Expression, depth+1)
	case *hclsyntax.ScopeTraversalExpr:
		if x := c.expanded(e); x != nil {
			return c.inline(x, depth+1)
		}
	}
	return []partial.Part{partial.HoleOf(refText(expr), expr)}
}

// refText is the text of an expression that is one reference
// (aws_lambda_function.fn.invoke_arn), or "".
func refText(expr hcl.Expression) string {
	t, ok := expr.(*hclsyntax.ScopeTraversalExpr)
	if !ok {
		return ""
	}
	var b strings.Builder
	for _, step := range t.Traversal {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			b.WriteString(s.Name)
		case hcl.TraverseAttr:
			b.WriteString("." + s.Name)
		case hcl.TraverseIndex:
			switch {
			case !s.Key.IsKnown() || s.Key.IsNull():
				b.WriteString("[]")
			case s.Key.Type() == cty.String:
				b.WriteString(`["` + s.Key.AsString() + `"]`)
			case s.Key.Type() == cty.Number:
				b.WriteString("[" + s.Key.AsBigFloat().String() + "]")
			default:
				b.WriteString("[]")
			}
		case hcl.TraverseSplat:
			return ""
		}
	}
	return b.String()
}
