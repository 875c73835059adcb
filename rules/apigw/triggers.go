package apigw

import (
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// pureFunctions only combine their arguments: a trigger built from them
// changes exactly when the references inside change.
var pureFunctions = map[string]bool{
	"sha1": true, "sha256": true, "sha512": true, "md5": true, "base64sha256": true, "base64sha512": true,
	"jsonencode": true, "yamlencode": true, "tostring": true, "tolist": true, "toset": true, "tomap": true,
	"join": true, "concat": true, "flatten": true, "values": true, "keys": true, "sort": true,
	"distinct": true, "merge": true, "compact": true, "format": true, "lower": true, "upper": true,
}

var callPattern = regexp.MustCompile(`([A-Za-z_][A-Za-z0-9_:]*)\s*\(`)

// clockFunctions return a new value on every plan: what hashes them
// replaces the deployment on every apply.
var clockFunctions = map[string]bool{"timestamp": true, "uuid": true, "plantimestamp": true}

// fileFunctions read the module's files: what hashes them changes with the
// API's spec or sources, which the model does not read.
var fileFunctions = map[string]bool{
	"file": true, "filemd5": true, "filesha1": true, "filesha256": true, "filesha512": true,
	"filebase64": true, "filebase64sha256": true, "filebase64sha512": true, "templatefile": true, "fileset": true,
}

// containerFunctions only gather their arguments: list() of Terraform
// 0.11 styles and the list and map helpers.
var containerFunctions = map[string]bool{"list": true, "map": true, "tuple": true, "setunion": true}

// maxHashDepth bounds how far locals and replace-only resources are followed.
const maxHashDepth = 8

// Triggers is what a set of expressions replacing a deployment depends on:
// its triggers, the arguments that force a new deployment, and lifecycle
// replace_triggered_by. Locals and terraform_data/null_resource are
// followed to what they hash.
type Triggers struct {
	// Always: the clock, a new deployment on every apply.
	Always bool
	// Files: a file of the module, which may be what the API is built from.
	Files bool
	// Opaque: each.*, self or a function the model does not know.
	Opaque bool
	// Outside: var. or module. entries; they may change, but cannot name
	// this module's resources.
	Outside bool
	// refs are the resources and data sources hashed, by address, with the
	// attributes referenced ("" for the whole object).
	refs map[string][]string
	// texts are the traversals hashed as written: local.x, data.a.b.json, var.y.
	texts map[string]bool
}

// Judged reports whether the model can say what the hashes cover.
func (h *Triggers) Judged() bool { return !h.Always && !h.Files && !h.Opaque }

// ReadTriggers follows the expressions to what they hash.
func (g *Graph) ReadTriggers(exprs ...hcl.Expression) *Triggers {
	h := &Triggers{refs: map[string][]string{}, texts: map[string]bool{}}
	seen := map[string]bool{}
	for _, e := range exprs {
		g.hash(h, e, seen, 0)
	}
	return h
}

func (g *Graph) hash(h *Triggers, expr hcl.Expression, seen map[string]bool, depth int) {
	if expr == nil {
		return
	}
	for _, call := range g.functionCalls(expr) {
		switch {
		case clockFunctions[call]:
			h.Always = true
		case fileFunctions[call]:
			h.Files = true
		case !pureFunctions[call] && !containerFunctions[call]:
			h.Opaque = true
		}
	}
	for _, trav := range variables(expr) {
		text := TraversalText(trav)
		switch trav.RootName() {
		case "var", "module":
			h.Outside = true
			h.texts[text] = true
			continue
		case "each", "self":
			h.Opaque = true
			continue
		case "count", "path", "terraform":
			continue
		case "local":
			h.texts[text] = true
			g.hashLocal(h, trav, seen, depth)
			continue
		}
		ref, ok := ParseRef(trav)
		if !ok {
			continue
		}
		h.texts[text] = true
		h.refs[ref.Address()] = append(h.refs[ref.Address()], ref.Attr)
		n := g.byAddr[ref.Address()]
		if n == nil || (n.Type != TerraformData && n.Type != NullResource) || seen[n.Address()] || depth >= maxHashDepth {
			continue
		}
		seen[n.Address()] = true
		for _, e := range replacedBy(n) {
			g.hash(h, e, seen, depth+1)
		}
	}
}

// hashLocal follows local.NAME to the expression it stands for.
func (g *Graph) hashLocal(h *Triggers, trav hcl.Traversal, seen map[string]bool, depth int) {
	if len(trav) < 2 {
		h.Opaque = true
		return
	}
	name, ok := trav[1].(hcl.TraverseAttr)
	if !ok {
		h.Opaque = true
		return
	}
	key := "local." + name.Name
	if seen[key] {
		return
	}
	expr, found := g.locals()[name.Name]
	if !found || depth >= maxHashDepth {
		h.Opaque = true
		return
	}
	seen[key] = true
	g.hash(h, expr, seen, depth+1)
}

// replacedBy lists what replaces (or changes the output of) a
// terraform_data or null_resource.
func replacedBy(n *Node) []hcl.Expression {
	var out []hcl.Expression
	for _, name := range []string{"input", "triggers_replace", "triggers"} {
		if a := n.Attr(name); a != nil {
			out = append(out, a.Expr)
		}
	}
	return append(out, lifecycleExprs(n, "replace_triggered_by")...)
}

// lifecycleExprs returns a lifecycle argument of every lifecycle block.
func lifecycleExprs(n *Node, name string) []hcl.Expression {
	var out []hcl.Expression
	for _, lc := range n.Blocks("lifecycle") {
		if a := lc.Body.Attributes[name]; a != nil {
			out = append(out, a.Expr)
		}
	}
	return out
}

// Covers reports whether the hashes change when the deployable does: they
// reference it, or hash the expression it is built from (the policy
// document or local its policy is set to, the collection it is created for).
func (h *Triggers) Covers(d Deployable) bool {
	if h.Always {
		return true
	}
	for _, attr := range h.refs[d.Node.Address()] {
		switch {
		case attr == "":
			return true // the whole resource
		case d.Attr != "":
			if attr == d.Attr {
				return true
			}
		case d.Node.Type == RestAPIPolicy:
			// The policy resource's id is its API's id: only the document changes.
			if attr == "policy" {
				return true
			}
		default:
			return true
		}
	}
	for _, src := range builtFrom(d) {
		if h.hashes(src) {
			return true
		}
	}
	return false
}

// builtFrom lists the expressions a deployable's content comes from.
func builtFrom(d Deployable) []hcl.Expression {
	var out []hcl.Expression
	switch {
	case d.Attr != "":
		out = append(out, exprOf(d.Node.Attr(d.Attr)))
	case d.Node.Type == RestAPIPolicy:
		out = append(out, exprOf(d.Node.Attr("policy")))
	}
	return append(out, exprOf(d.Node.Attr("for_each")))
}

// hashes reports whether an expression that is a single reference is
// hashed: the same traversal, a shorter one that holds it (the data source
// or local whole), or another attribute of the same data source.
func (h *Triggers) hashes(expr hcl.Expression) bool {
	if expr == nil {
		return false
	}
	vars := variables(expr)
	if len(vars) != 1 {
		return false
	}
	text := TraversalText(vars[0])
	for t := range h.texts {
		if t == text || strings.HasPrefix(text, t+".") || strings.HasPrefix(text, t+"[") {
			return true
		}
	}
	ref, ok := ParseRef(vars[0])
	return ok && ref.Data && len(h.refs[ref.Address()]) > 0
}

// NeverChange reports whether the hashes can never change for the API:
// only literals, the API's fixed attributes, or a body or policy it does
// not set.
func (g *Graph) NeverChange(h *Triggers, api *API) bool {
	if h.Always || h.Files || h.Opaque || h.Outside {
		return false
	}
	for addr, attrs := range h.refs {
		if api.Node == nil || addr != api.Node.Address() {
			return false
		}
		for _, attr := range attrs {
			switch {
			case fixedAPIAttributes[attr]:
			case (attr == "body" || attr == "policy") && !g.IsSet(api.Node.Attr(attr)):
			default:
				return false
			}
		}
	}
	return true
}

// redeployArguments are the deployment's arguments that force a new
// deployment when they change (provider schema), and the lifecycle's
// replace_triggered_by.
func redeployArguments(dep *Node) []hcl.Expression {
	var out []hcl.Expression
	for _, name := range []string{"variables", "stage_description"} {
		if a := dep.Attr(name); a != nil {
			out = append(out, a.Expr)
		}
	}
	for _, c := range dep.Blocks("canary_settings") {
		for _, a := range c.Body.Attributes {
			out = append(out, a.Expr)
		}
	}
	return append(out, lifecycleExprs(dep, "replace_triggered_by")...)
}

// functionCalls lists the functions an expression calls. JSON expressions
// carry their calls inside ${...} template sequences, so those are scanned
// as text; plain JSON strings call nothing.
func (g *Graph) functionCalls(expr hcl.Expression) []string {
	if native, ok := expr.(hclsyntax.Expression); ok {
		var calls []string
		_ = hclsyntax.VisitAll(native, func(n hclsyntax.Node) hcl.Diagnostics {
			if c, ok := n.(*hclsyntax.FunctionCallExpr); ok {
				calls = append(calls, c.Name)
			}
			return nil
		})
		return calls
	}
	var calls []string
	for _, seq := range templateSequences(g.sourceText(expr.Range())) {
		for _, m := range callPattern.FindAllStringSubmatch(seq, -1) {
			calls = append(calls, m[1])
		}
	}
	return calls
}

// templateSequences returns the text inside each ${...} of a JSON value.
func templateSequences(src string) []string {
	var out []string
	for {
		start := strings.Index(src, "${")
		if start < 0 {
			return out
		}
		depth, end := 0, -1
		for i := start + 1; i < len(src) && end < 0; i++ {
			switch src[i] {
			case '{':
				depth++
			case '}':
				if depth--; depth == 0 {
					end = i
				}
			}
		}
		if end < 0 {
			return append(out, src[start+2:])
		}
		out = append(out, src[start+2:end])
		src = src[end+1:]
	}
}

// fixedAPIAttributes never change while the API exists.
var fixedAPIAttributes = map[string]bool{
	"id": true, "root_resource_id": true, "execution_arn": true, "arn": true, "api_endpoint": true, "created_date": true,
}
