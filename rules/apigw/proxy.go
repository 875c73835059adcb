package apigw

import (
	"github.com/hashicorp/hcl/v2"
)

// ProxyResource is a greedy `{proxy+}` resource directly under the root of
// a REST API, with the methods on it and their integrations.
type ProxyResource struct {
	Resource *Node
	API      *API
	Methods  []*Node
	// Integrations holds each method's integration, nil where the module has none.
	Integrations []*Node
}

// resourceOf returns the aws_api_gateway_resource a resource_id expression
// names, directly (X.id) or through a method (aws_api_gateway_method.M.resource_id).
func (g *Graph) resourceOf(expr hcl.Expression) *Node {
	for depth := 0; depth < maxDepth; depth++ {
		n := g.Resolve(expr)
		if n == nil || n.Data {
			return nil
		}
		attr := RefsIn(expr)[0].Attr
		switch {
		case n.Type == Resource && attr == "id":
			return n
		case n.Type == Method && attr == "resource_id":
			expr = exprOf(n.Attr("resource_id"))
		default:
			return nil
		}
	}
	return nil
}

// onRoot reports whether a resource_id expression names the API's root
// resource, directly or through a method.
func (g *Graph) onRoot(expr hcl.Expression) *API {
	for depth := 0; depth < maxDepth; depth++ {
		if api := g.rootOf(expr); api != nil {
			return api
		}
		n := g.Resolve(expr)
		if n == nil || n.Type != Method || RefsIn(expr)[0].Attr != "resource_id" {
			return nil
		}
		expr = exprOf(n.Attr("resource_id"))
	}
	return nil
}

// RootlessProxies returns the `{proxy+}` resources directly under the root of
// a REST API of the module that has no method on its root resource. An API
// with an OpenAPI body, or with a method whose resource the model cannot
// place, may have a root method: it is left out.
func (g *Graph) RootlessProxies() []ProxyResource {
	var out []ProxyResource
	for _, api := range g.apis {
		if api.Version != 1 || api.Node == nil || api.External || g.IsSet(api.Node.Attr("body")) {
			continue
		}
		var proxies []*ProxyResource
		rootless := true
		for _, m := range api.Members {
			switch m.Type {
			case Resource:
				part, ok := g.String(m.Attr("path_part"))
				if ok && part == "{proxy+}" && g.rootOf(exprOf(m.Attr("parent_id"))) == api {
					proxies = append(proxies, &ProxyResource{Resource: m, API: api})
				}
			case Method:
				id := exprOf(m.Attr("resource_id"))
				if g.onRoot(id) != nil || g.resourceOf(id) == nil {
					rootless = false
				}
			}
		}
		if !rootless {
			continue
		}
		for _, p := range proxies {
			g.proxyMethods(p)
			if len(p.Methods) > 0 {
				out = append(out, *p)
			}
		}
	}
	return out
}

func (g *Graph) proxyMethods(p *ProxyResource) {
	for _, m := range p.API.Members {
		if m.Type == Method && g.resourceOf(exprOf(m.Attr("resource_id"))) == p.Resource {
			p.Methods = append(p.Methods, m)
		}
	}
	p.Integrations = make([]*Node, len(p.Methods))
	for _, in := range p.API.Members {
		if in.Type != Integration || g.resourceOf(exprOf(in.Attr("resource_id"))) != p.Resource {
			continue
		}
		verb, known := verbOf(g, in)
		for i, m := range p.Methods {
			if g.Resolve(exprOf(in.Attr("http_method"))) == m {
				p.Integrations[i] = in
			} else if mv, ok := g.String(m.Attr("http_method")); ok && known && mv == verb && p.Integrations[i] == nil {
				p.Integrations[i] = in
			}
		}
	}
}
