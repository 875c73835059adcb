package apigw

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/ref"
)

// Source is where a view is written and whether a fix may edit it there.
// A view read from a resource block points at the block. A view read from
// an OpenAPI body points into the spec (a file, or the HCL object that
// holds it) and has no native block: it is read-only.
type Source struct {
	// Range is where the view is written: the block's header, or the
	// operation in a spec.
	Range hcl.Range
	// Location names the place in messages: aws_api_gateway_method.get, or
	// openapi.yaml:30, paths./items.put.
	Location string
	// Expansion is the count or for_each of the block that writes the view.
	Expansion ref.Expansion
	// Node is the resource that writes the view: its own block, or the API
	// whose body holds it.
	Node *Node
	// block is the native block a fix edits; nil where no fix may edit.
	block *hclsyntax.Block
	// src is the text of the file block is written in.
	src []byte
}

// Source says where the resource is written and whether a fix may edit it.
func (n *Node) Source() Source {
	s := Source{Range: n.Block.DefRange, Location: n.Address(), Expansion: n.Expansion, Node: n}
	if !n.InJSON() {
		s.block, s.src = n.Syntax, n.src
	}
	return s
}

// CanEdit reports whether a fix may edit the view where it is written: a
// native HCL block, never JSON syntax or a spec file. An edit of a block
// with count or for_each changes every instance.
func (s Source) CanEdit() bool { return s.block != nil }

// Single reports whether the view has one instance: a generated reference
// to it names one value, not a list or a map.
func (s Source) Single() bool { return s.Expansion == ref.Single }

// CanEditOne reports whether a fix may edit the view and refer to it as
// one resource: CanEdit and Single.
func (s Source) CanEditOne() bool { return s.CanEdit() && s.Single() }

// ArgumentText is the source text of an argument of the native block,
// name and value ("uri = ..."); "" when the argument is not written or no
// fix may edit the view.
func (s Source) ArgumentText(name string) string {
	if s.block == nil {
		return ""
	}
	attr, ok := s.block.Body.Attributes[name]
	if !ok || !attr.SrcRange.CanSliceBytes(s.src) {
		return ""
	}
	return string(attr.SrcRange.SliceBytes(s.src))
}

// Block is the native block a fix edits; nil when CanEdit is false.
func (s Source) Block() *hclsyntax.Block { return s.block }
