package apigw

import (
	"bytes"
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// AttrUse is a reference to an attribute of a resource of the module,
// written anywhere in its files.
type AttrUse struct {
	Node *Node
	// Range is the reference's traversal: replacing it rewrites only the
	// reference, inside a template too.
	Range hcl.Range
	// Indexed is true when the reference picks an instance (x[0].attr).
	Indexed bool
}

// AttributeUses returns the references to one attribute of the resources
// of one kind, in every expression of the module's HCL files (resource
// arguments, outputs, locals, module arguments, provider blocks alike), in
// file order. Files in JSON syntax are not read.
func (g *Graph) AttributeUses(kind, attr string) []AttrUse {
	if len(g.byType[kind]) == 0 {
		return nil
	}
	return g.attrUses.get(kind+"."+attr, func() []AttrUse { return g.attributeUses(kind, attr) })
}

func (g *Graph) attributeUses(kind, attr string) []AttrUse {
	// Walking every expression of every file allocates; a file whose text
	// never names the attribute has no reference to it.
	needle := []byte("." + attr)
	names := make([]string, 0, len(g.files))
	for name, f := range g.files {
		if f == nil || !bytes.Contains(f.Bytes, needle) {
			continue
		}
		if _, ok := f.Body.(*hclsyntax.Body); ok {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	var out []AttrUse
	for _, name := range names {
		body := g.files[name].Body.(*hclsyntax.Body)
		hclsyntax.VisitAll(body, func(node hclsyntax.Node) hcl.Diagnostics {
			t, ok := node.(*hclsyntax.ScopeTraversalExpr)
			if !ok || len(t.Traversal) < 3 || t.Traversal.RootName() != kind {
				return nil
			}
			ref, isRef := ParseRef(t.Traversal)
			if !isRef || ref.Data || ref.Type != kind || ref.Attr != attr {
				return nil
			}
			if n := g.byAddr[ref.Address()]; n != nil {
				_, indexed := t.Traversal[2].(hcl.TraverseIndex)
				out = append(out, AttrUse{Node: n, Range: t.SrcRange, Indexed: indexed})
			}
			return nil
		})
	}
	return out
}
