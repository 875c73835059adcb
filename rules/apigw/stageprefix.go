package apigw

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

// StagePrefixed is a Lambda function of the module that REST APIs call
// through AWS_PROXY integrations on stages whose name prefixes every path.
type StagePrefixed struct {
	Function *Node
	APIs     []*API
	// Stages are the stages (and deployments with stage_name) that serve those APIs.
	Stages []*Node
}

// StagePrefixed returns the functions behind REST AWS_PROXY integrations of
// APIs that have a stage in the module and no custom domain mapping: their
// callers' URLs start with /<stage>, which the function never sees.
func (l *Lambdas) StagePrefixed() []StagePrefixed {
	g := l.g
	var out []StagePrefixed
	index := map[*Node]int{}
	seenAPI := map[*Node]map[*API]bool{}
	for _, u := range l.Uses {
		fn, api := u.Target.Function, u.Node.API
		if u.Node.Type != Integration || fn == nil || fn.Data || api == nil || api.External || api.Version != 1 {
			continue
		}
		if typ, ok := g.String(u.Node.Attr("type")); !ok || typ != "AWS_PROXY" {
			continue
		}
		var stages []*Node
		for _, e := range api.StageEntries() {
			stages = append(stages, e.Node)
		}
		// On a custom domain the stage is not in the path; a mapping the
		// model cannot rule out counts as one.
		if mapped, known := g.DomainMapped(api); len(stages) == 0 || mapped || !known {
			continue
		}
		i, ok := index[fn]
		if !ok {
			i = len(out)
			index[fn] = i
			seenAPI[fn] = map[*API]bool{}
			out = append(out, StagePrefixed{Function: fn})
		}
		if !seenAPI[fn][api] {
			seenAPI[fn][api] = true
			out[i].APIs = append(out[i].APIs, api)
			out[i].Stages = append(out[i].Stages, stages...)
		}
	}
	return out
}

// EnvironmentHas reports whether a function's environment variables have one
// of the names; known is false when the model cannot list them (a variable,
// a function call, a dynamic environment block).
func (g *Graph) EnvironmentHas(fn *Node, names []string) (has, known bool) {
	if hasDynamic(fn.Block.Body, "environment") {
		return false, false
	}
	for _, env := range fn.Blocks("environment") {
		vars := env.Body.Attributes["variables"]
		if vars == nil {
			continue
		}
		keys, ok := g.objectKeys(vars.Expr)
		if !ok {
			return false, false
		}
		for _, k := range keys {
			for _, n := range names {
				if k == n {
					return true, true
				}
			}
		}
	}
	return false, true
}

// objectKeys lists the keys of an object literal, native or JSON.
func (g *Graph) objectKeys(expr hcl.Expression) ([]string, bool) {
	if native, ok := expr.(hclsyntax.Expression); ok {
		if _, isObj := native.(*hclsyntax.ObjectConsExpr); !isObj {
			return nil, false
		}
	}
	pairs, diags := hcl.ExprMap(expr)
	if diags.HasErrors() {
		return nil, false
	}
	var keys []string
	for _, p := range pairs {
		key, ok := partial.ObjectKey(p.Key)
		if !ok {
			return nil, false
		}
		keys = append(keys, key)
	}
	return keys, true
}
