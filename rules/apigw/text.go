package apigw

import "github.com/hashicorp/hcl/v2"

// Text returns an expression's source text as written, for fixes that copy
// it into generated code; "" when the source is not at hand.
func (g *Graph) Text(expr hcl.Expression) string {
	if expr == nil {
		return ""
	}
	return g.sourceText(expr.Range())
}

// UsesInstanceKey reports whether an expression reads count.index or each.*,
// which mean something else once copied into another resource.
func UsesInstanceKey(expr hcl.Expression) bool {
	for _, t := range expr.Variables() {
		if root := t.RootName(); root == "count" || root == "each" {
			return true
		}
	}
	return false
}
