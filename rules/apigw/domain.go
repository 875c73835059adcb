package apigw

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// Mapping is a custom domain's base path mapping (REST) or API mapping
// (HTTP/WebSocket, or REST on a regional domain): a way to reach the API
// other than its execute-api endpoint.
type Mapping struct {
	Node *Node
	// API is the API resource the mapping's api_id names; nil when the id
	// comes from a variable, a local, a module output or a data source, so
	// the mapping may be for any API.
	API *Node
}

// mappings returns the module's base path and API mappings in file order.
// Both kinds name the API by api_id, for REST APIs too, so they are linked
// here rather than by rest_api_id like the other REST resources.
func (g *Graph) mappings() []Mapping {
	// Resolved once: every Lambda use and every domain asks.
	return g.mappingIndex.get(func() []Mapping {
		var out []Mapping
		for _, kind := range []string{BasePathMapping, V2APIMapping} {
			for _, n := range g.byType[kind] {
				out = append(out, Mapping{Node: n, API: g.apiNodeOf(n.Attr("api_id"))})
			}
		}
		return out
	})
}

// apiNodeOf returns the API resource an id expression names: a reference to
// the API itself, or to the rest_api_id/api_id of a resource that belongs to
// a declared API (aws_api_gateway_stage.prod.rest_api_id).
func (g *Graph) apiNodeOf(attr *hclext.Attribute) *Node {
	if attr == nil {
		return nil
	}
	// A mapping's api_id may name a REST or an HTTP/WebSocket API.
	for _, version := range []int{1, 2} {
		if api := g.LookupAPI(attr.Expr, version); api.Declared() {
			return api.Node
		}
	}
	return nil
}

// DomainMapped reports whether a custom domain mapping in the module serves
// the API. known is false when that cannot be ruled out: a mapping whose
// api_id the model cannot follow, or a module call that is handed the API.
func (g *Graph) DomainMapped(api *API) (mapped, known bool) {
	if api == nil || api.Node == nil {
		return false, false
	}
	known = true
	for _, m := range g.mappings() {
		switch {
		case m.API == api.Node:
			return true, true
		case m.API == nil && m.Node.Attr("api_id") != nil:
			known = false
		}
	}
	if g.PassedToModule(api.Node) {
		return false, false
	}
	return false, known
}

var moduleHeaders = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "module", LabelNames: []string{"name"}}}}

// PassedToModule reports whether a module call's arguments reference the
// resource: the module may then create what belongs to it (a domain
// mapping, method settings), out of this module's sight.
func (g *Graph) PassedToModule(n *Node) bool {
	return g.moduleArgs.get(g.moduleArgumentRefs)[n.Address()]
}

// moduleArgumentRefs collects the addresses the module calls' arguments
// reference.
func (g *Graph) moduleArgumentRefs() map[string]bool {
	refs := map[string]bool{}
	for _, f := range g.files {
		if f == nil || f.Body == nil {
			continue
		}
		content, _, _ := f.Body.PartialContent(moduleHeaders)
		if content == nil {
			continue
		}
		for _, call := range content.Blocks {
			// JustAttributes complains about nested blocks but still
			// returns the arguments, which is all that matters here.
			attrs, _ := call.Body.JustAttributes()
			for _, attr := range attrs {
				for _, ref := range RefsIn(attr.Expr) {
					refs[ref.Address()] = true
				}
			}
		}
	}
	return refs
}
