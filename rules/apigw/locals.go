package apigw

import "github.com/hashicorp/hcl/v2"

// maxLocalDepth bounds how many locals that name other locals a reader
// follows.
const maxLocalDepth = 4

var localsHeader = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "locals"}}}

// locals maps each local value of the module to its expression, read once
// per graph.
func (g *Graph) locals() map[string]hcl.Expression {
	return g.localIndex.get(func() map[string]hcl.Expression {
		out := map[string]hcl.Expression{}
		for _, f := range g.files {
			if f == nil || f.Body == nil {
				continue
			}
			content, _, _ := f.Body.PartialContent(localsHeader)
			if content == nil {
				continue
			}
			for _, b := range content.Blocks {
				attrs, _ := b.Body.JustAttributes()
				for name, a := range attrs {
					out[name] = a.Expr
				}
			}
		}
		return out
	})
}
