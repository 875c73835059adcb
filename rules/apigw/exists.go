package apigw

import "github.com/zclconf/go-cty/cty"

// NeverExists reports whether the configuration proves that a resource has
// no instance: count = 0, or for_each over an empty collection.
func (g *Graph) NeverExists(n *Node) bool {
	if attr := n.Attr("count"); attr != nil {
		v, known := g.Value(attr)
		if !known || v.IsNull() || v.Type() != cty.Number {
			return false
		}
		return v.Equals(cty.Zero).True()
	}
	if attr := n.Attr("for_each"); attr != nil {
		v, known := g.Value(attr)
		if !known || v.IsNull() || !v.CanIterateElements() {
			return false
		}
		return v.LengthInt() == 0
	}
	return false
}
