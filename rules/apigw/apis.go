package apigw

import "github.com/hashicorp/hcl/v2"

// API is one REST (v1) or HTTP/WebSocket (v2) API and what belongs to it.
type API struct {
	// Key identifies the API: the address of its resource, or the text of the
	// expression that names it where the id comes from a variable or a module.
	Key     string
	Version int
	// Node is the API's own resource; nil when it is not in this module.
	Node *Node
	// External is true when the API comes from a data source: what belongs
	// to it lives in another configuration, so the rules stay silent.
	External bool
	// Members is the deployable set in file order: resources whose changes
	// only go live with a new deployment.
	Members     []*Node
	Deployments []*Node
	Stages      []*Node

	g *Graph
}

// Declared reports whether the API's own resource is in the module: only
// then can the module show that something about it is missing.
func (api *API) Declared() bool { return api != nil && api.Node != nil && !api.External }

// Source says where the API's resource is written; false when it is not
// in the module.
func (api *API) Source() (Source, bool) {
	if api.Node == nil {
		return Source{}, false
	}
	return api.Node.Source(), true
}

// setting reads an argument of the API's own resource; unset when the API
// is not declared here.
func (api *API) setting(name string) Setting {
	if api.Node == nil {
		return Setting{Name: name, g: api.g}
	}
	return setting(api.g, api.Node.Source(), api.Node, name)
}

// Body is the OpenAPI body of the API's resource.
func (api *API) Body() Setting { return api.setting("body") }

// HasRoutes reports whether an HTTP/WebSocket API has anything to serve:
// route resources, an OpenAPI body, or a quick-create target.
func (api *API) HasRoutes() bool {
	for _, m := range api.Members {
		if m.Type == V2Route {
			return true
		}
	}
	return api.Node != nil && (api.Body().IsSet() || api.setting("target").IsSet())
}

// Protocol returns an HTTP/WebSocket API's protocol_type ("HTTP" or
// "WEBSOCKET"), or "" when it is not known.
func (api *API) Protocol() string {
	p, _ := api.setting("protocol_type").String()
	return p
}

// HandlesPreflights reports whether API Gateway answers an HTTP API's CORS
// preflights itself (cors_configuration), or may (a dynamic
// cors_configuration, an OpenAPI body that may configure CORS, or an API
// not declared here).
func (api *API) HandlesPreflights() bool {
	if !api.Declared() {
		return true
	}
	n := api.Node
	return len(n.Blocks("cors_configuration")) > 0 || hasDynamic(n.Block.Body, "cors_configuration") || api.Body().IsSet()
}

func (api *API) membersOfType(typ string) []*Node {
	var out []*Node
	for _, m := range api.Members {
		if m.Type == typ {
			out = append(out, m)
		}
	}
	return out
}

// LookupAPI finds the API an id expression names, like the rest_api_id or
// api_id of the resources the model links, without adding an API the
// module does not otherwise name: one known only by an expression's text
// is returned but not recorded. A reference to another resource's
// rest_api_id or api_id (aws_api_gateway_stage.prod.rest_api_id) names that
// resource's API.
func (g *Graph) LookupAPI(expr hcl.Expression, version int) *API {
	apiType, idAttr := RestAPI, "rest_api_id"
	if version == 2 {
		apiType, idAttr = V2API, "api_id"
	}
	refs, external := resourceRefs(expr)
	var target *API
	for _, ref := range refs {
		n := g.byAddr[ref.Address()]
		if n == nil || n.API == nil {
			continue
		}
		if n.Type == apiType || (ref.Attr == idAttr && n.API.Version == version) {
			target = n.API
		}
	}
	if target != nil && !external {
		return target
	}
	api, _ := apiByText(g, expr, version, external)
	return api
}

// apiByText returns the API known by an expression's text; known is false
// when the graph has none, and the API returned is new and not recorded.
func apiByText(g *Graph, expr hcl.Expression, version int, external bool) (api *API, known bool) {
	key := g.exprKey(expr)
	if api, ok := g.byKey[key]; ok {
		return api, true
	}
	return &API{Key: key, Version: version, External: external, g: g}, false
}
