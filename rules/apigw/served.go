package apigw

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

// Undeployed reports whether the configuration proves that an API declared
// in the module has something to serve and nothing that serves it: a REST
// API with methods or an OpenAPI body but no deployment and no stage, or an
// HTTP/WebSocket API with routes or a body but no stage. A quick-create API
// (target) gets a default stage from API Gateway. It stays silent when a
// deployment or stage of the module names its API in a way the model cannot
// follow (a variable, a local, another resource's id), and for an API passed
// to a module call, which may deploy it.
func (g *Graph) Undeployed(api *API) bool {
	if !api.Declared() || g.NeverExists(api.Node) || g.PassedToModule(api.Node) {
		return false
	}
	if !g.hasContent(api) {
		return false
	}
	idx := g.served.get(g.indexServed)
	return !idx.served[api] && !idx.open[api.Version]
}

// servedIndex says which APIs a deployment or stage of the module names,
// and, per API version, whether some names its API in a way the model
// cannot follow.
type servedIndex struct {
	served map[*API]bool
	open   map[int]bool
}

func (g *Graph) indexServed() servedIndex {
	idx := servedIndex{served: map[*API]bool{}, open: map[int]bool{}}
	for _, kind := range []string{Deployment, Stage, V2Stage} {
		for _, n := range g.Resources(kind) {
			switch {
			case n.API == nil:
				idx.open[versionOf(kind)] = true
			case n.API.Node == nil && !n.API.External:
				idx.open[versionOf(kind)] = true
			default:
				idx.served[n.API] = true
			}
		}
	}
	return idx
}

// hasContent reports whether an API has methods (REST) or routes
// (HTTP/WebSocket) that exist, or an OpenAPI body that is surely set.
func (g *Graph) hasContent(api *API) bool {
	if api.Version == 2 && g.IsSet(api.Node.Attr("target")) {
		return false // quick create: API Gateway adds a $default stage
	}
	if body := api.Node.Attr("body"); g.SurelySet(body) {
		return !emptyPaths(body.Expr)
	}
	kind := Method
	if api.Version == 2 {
		kind = V2Route
	}
	for _, m := range api.membersOfType(kind) {
		if !g.NeverExists(m) {
			return true
		}
	}
	return false
}

// emptyPaths reports whether a body written as jsonencode({...}) proves
// that it has no paths: no paths key, or an empty object there.
func emptyPaths(expr hcl.Expression) bool {
	call, ok := expr.(*hclsyntax.FunctionCallExpr)
	if !ok || call.Name != "jsonencode" || len(call.Args) != 1 {
		return false
	}
	doc, ok := call.Args[0].(*hclsyntax.ObjectConsExpr)
	if !ok {
		return false
	}
	for _, item := range doc.Items {
		key, known := partial.ObjectKey(item.KeyExpr)
		if !known {
			return false
		}
		if key == "paths" {
			paths, ok := item.ValueExpr.(*hclsyntax.ObjectConsExpr)
			return ok && len(paths.Items) == 0
		}
	}
	return true
}
