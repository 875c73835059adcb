package apigw

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// PathSegment is one segment of a REST resource path; Known is false when
// the module does not fix it (a variable, each.value, a resource elsewhere).
type PathSegment struct {
	Text  string
	Known bool
	// Open marks the start of a path whose upper part the module does not
	// show (a parent_id from a variable or data source): any number of
	// segments may stand there.
	Open bool
}

// IsParam reports whether the segment is a path parameter, {id} or {proxy+}.
func (s PathSegment) IsParam() bool {
	return s.Known && strings.HasPrefix(s.Text, "{") && strings.HasSuffix(s.Text, "}")
}

// maxDepth bounds the walk up the resource tree, which a configuration
// error could make circular.
const maxDepth = 64

// rootOf returns the REST API whose root resource an id expression names
// (aws_api_gateway_rest_api.X.root_resource_id), or nil.
func (g *Graph) rootOf(expr hcl.Expression) *API {
	refs := RefsIn(expr)
	if len(refs) != 1 || refs[0].Data || refs[0].Type != RestAPI || refs[0].Attr != "root_resource_id" {
		return nil
	}
	if n := g.byAddr[refs[0].Address()]; n != nil {
		return n.API
	}
	return nil
}

// pathOf returns the path of the REST resource an id expression
// (a resource_id or parent_id) names, from the root down: empty for the
// root resource. Where the tree leaves what the module proves, the path
// starts with an unknown segment.
func (g *Graph) pathOf(expr hcl.Expression) []PathSegment {
	if expr == nil {
		return g.resourcePath(nil)
	}
	// Every method, integration and response asks for its path: walk the
	// tree once per expression. Callers must not change the result.
	memo := g.resourcePaths
	if path, ok := memo[expr.Range()]; ok {
		return path
	}
	path := g.resourcePath(expr)
	memo[expr.Range()] = path
	return path
}

func (g *Graph) resourcePath(expr hcl.Expression) []PathSegment {
	var rev []PathSegment
	for depth := 0; ; depth++ {
		if g.rootOf(expr) != nil {
			break
		}
		if api := g.onRoot(expr); api != nil {
			break
		}
		n := g.resourceOf(expr)
		if depth >= maxDepth || n == nil {
			rev = append(rev, PathSegment{Open: true})
			break
		}
		part, ok := g.String(n.Attr("path_part"))
		rev = append(rev, PathSegment{Text: part, Known: ok})
		expr = exprOf(n.Attr("parent_id"))
	}
	out := make([]PathSegment, len(rev))
	for i, s := range rev {
		out[len(rev)-1-i] = s
	}
	return out
}

// PathText renders a path for messages: "/items/{id}", "/" for the root,
// "…" for a segment the module does not fix.
func PathText(path []PathSegment) string {
	if len(path) == 0 {
		return "/"
	}
	var b strings.Builder
	for _, s := range path {
		b.WriteByte('/')
		if s.Known {
			b.WriteString(s.Text)
		} else {
			b.WriteString("…")
		}
	}
	return b.String()
}
