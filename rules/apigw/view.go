package apigw

// view is what every view holds: where it is written, the resource it is
// read from, and the graph that evaluates its settings.
type view struct {
	Source
	n *Node
	g *Graph
	// body is the part of an OpenAPI body the view is read from; nil for
	// a view read from a resource, n then. A body view's n is its API's.
	body *bodyPart
}

func newView(g *Graph, n *Node) view { return view{Source: n.Source(), n: n, g: g} }

// Version is 1 for a REST API's part, 2 for an HTTP/WebSocket API's.
func (v view) Version() int { return versionOf(v.n.Type) }

// API is the API the view belongs to; nil when its API id is not set.
func (v view) API() *API { return v.n.API }

// setting reads one argument of the view's resource.
func (v view) setting(name string) Setting {
	if v.body != nil {
		return v.bodySetting(name)
	}
	return setting(v.g, v.Source, v.n, name)
}

// v1v2 reads the argument as the view's version spells it.
func (v view) v1v2(v1, v2 string) Setting {
	if v.Version() == 2 {
		return v.setting(v2)
	}
	return v.setting(v1)
}

// viewOf makes the view of a node of one of the kinds; false for any other.
func viewOf[T any](g *Graph, n *Node, wrap func(view) T, kinds ...string) (T, bool) {
	for _, k := range kinds {
		if n.Type == k {
			return wrap(newView(g, n)), true
		}
	}
	var none T
	return none, false
}

// views makes the view of each node that exists.
func views[T any](g *Graph, nodes []*Node, wrap func(view) T) []T {
	out := make([]T, 0, len(nodes))
	for _, n := range nodes {
		if g.NeverExists(n) { // count = 0 or an empty for_each: not created
			continue
		}
		out = append(out, wrap(newView(g, n)))
	}
	return out
}
