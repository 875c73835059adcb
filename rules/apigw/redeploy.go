package apigw

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// Resources whose only job is to be replaced when something changes: teams
// hash them in a deployment's triggers instead of the members themselves.
const (
	TerraformData = "terraform_data"
	NullResource  = "null_resource"
)

// redeploySchemas are what replaces a deployment besides its triggers.
var redeploySchemas = map[string]*hclext.BodySchema{
	TerraformData: schema([]string{"input", "triggers_replace"}),
	NullResource:  schema([]string{"triggers"}),
	Deployment:    schema([]string{"variables", "stage_description"}, block("canary_settings", "percent_traffic", "stage_variable_overrides", "use_stage_cache")),
}

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

// Hashed is what a set of expressions replacing a deployment depends on:
// its triggers, the arguments that force a new deployment, and lifecycle
// replace_triggered_by. Locals and terraform_data/null_resource are
// followed to what they hash.
type Hashed struct {
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
func (h *Hashed) Judged() bool { return !h.Always && !h.Files && !h.Opaque }

// readHashed follows the expressions to what they hash.
func (g *Graph) readHashed(exprs ...hcl.Expression) *Hashed {
	h := &Hashed{refs: map[string][]string{}, texts: map[string]bool{}}
	seen := map[string]bool{}
	for _, e := range exprs {
		g.hash(h, e, seen, 0)
	}
	return h
}

func (g *Graph) hash(h *Hashed, expr hcl.Expression, seen map[string]bool, depth int) {
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
	for _, trav := range expr.Variables() {
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
func (g *Graph) hashLocal(h *Hashed, trav hcl.Traversal, seen map[string]bool, depth int) {
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
func (h *Hashed) Covers(d Deployable) bool {
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
func (h *Hashed) hashes(expr hcl.Expression) bool {
	if expr == nil {
		return false
	}
	vars := expr.Variables()
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

// neverChanges reports whether the hashes can never change for the API:
// only literals, the API's fixed attributes, or a body or policy it does
// not set.
func (g *Graph) neverChanges(h *Hashed, api *API) bool {
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

// RedeploysOtherwise reports whether an argument other than triggers
// replaces the deployment whenever the API may have changed: it holds the
// clock, a hash of the module's files, or a member or the API's body or
// policy (directly, through a local or a terraform_data fed by one).
func (g *Graph) RedeploysOtherwise(dep *Node, deployables []Deployable) bool {
	h := g.readHashed(redeployArguments(dep)...)
	if h.Always || h.Files {
		return true
	}
	for _, d := range deployables {
		if h.Covers(d) {
			return true
		}
	}
	return false
}

// Redeploys reads everything that replaces the deployment: its triggers,
// the arguments that force a new deployment, replace_triggered_by.
func (g *Graph) Redeploys(dep *Node) *Hashed {
	return g.readHashed(append([]hcl.Expression{exprOf(dep.Attr("triggers"))}, redeployArguments(dep)...)...)
}

// Served reports whether a stage may serve the deployment: a stage of the
// module names it (and does not leave deployment_id to someone else), its
// inline stage_name creates one, a stage names a deployment the model
// cannot follow, or its id leaves the module (a module call, an output).
// A deployment nobody serves publishes nothing, so it is never stale.
func (g *Graph) Served(dep *Node) bool {
	if name := dep.Attr("stage_name"); dep.Type == Deployment && g.IsSet(name) {
		if s, known := g.String(name); !known || s != "" {
			return true
		}
	}
	if g.PassedToModule(dep) || g.outputRefs()[dep.Address()] {
		return true
	}
	for _, kind := range []string{Stage, V2Stage} {
		for _, s := range g.byType[kind] {
			if g.NeverExists(s) {
				continue
			}
			id := s.Attr("deployment_id")
			if id == nil {
				continue
			}
			named := g.Resolve(id.Expr)
			switch {
			case named == dep:
				if !IgnoresChanges(s, "deployment_id") {
					return true
				}
			case named == nil && (s.API == nil || s.API == dep.API) && !namesDeployment(id.Expr):
				return true // a variable or local: it may be this one
			}
		}
	}
	return false
}

// namesDeployment reports whether an expression references a deployment resource.
func namesDeployment(expr hcl.Expression) bool {
	for _, ref := range RefsIn(expr) {
		if !ref.Data && (ref.Type == Deployment || ref.Type == V2Deployment) {
			return true
		}
	}
	return false
}

// IgnoresChanges reports whether the resource's lifecycle ignore_changes
// lists the argument, or is all.
func IgnoresChanges(n *Node, arg string) bool {
	for _, expr := range lifecycleExprs(n, "ignore_changes") {
		if kw := hcl.ExprAsKeyword(expr); kw == "all" {
			return true
		}
		items, diags := hcl.ExprList(expr)
		if diags.HasErrors() {
			continue
		}
		for _, item := range items {
			if trav, diags := hcl.AbsTraversalForExpr(item); !diags.HasErrors() && trav.RootName() == arg {
				return true
			}
		}
	}
	return false
}

var outputHeaders = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "output", LabelNames: []string{"name"}}}}

// outputRefs collects the addresses the module's outputs reference.
func (g *Graph) outputRefs() map[string]bool {
	return cached(g, "output-refs", func() map[string]bool {
		refs := map[string]bool{}
		for _, f := range g.files {
			if f == nil || f.Body == nil {
				continue
			}
			content, _, _ := f.Body.PartialContent(outputHeaders)
			if content == nil {
				continue
			}
			for _, b := range content.Blocks {
				attrs, _ := b.Body.JustAttributes()
				for _, a := range attrs {
					for _, ref := range RefsIn(a.Expr) {
						refs[ref.Address()] = true
					}
				}
			}
		}
		return refs
	})
}

// chainedID follows an id expression that is another member's rest_api_id
// or api_id (rest_api_id = aws_api_gateway_resource.X.rest_api_id) to the
// expression that member names its API with.
func (g *Graph) chainedID(expr hcl.Expression) hcl.Expression {
	for i := 0; i < maxHashDepth && expr != nil; i++ {
		vars := expr.Variables()
		if len(vars) != 1 || g.exprKey(expr) != TraversalText(vars[0]) {
			return expr
		}
		ref, ok := ParseRef(vars[0])
		if !ok || ref.Data || (ref.Attr != "rest_api_id" && ref.Attr != "api_id") {
			return expr
		}
		n := g.byAddr[ref.Address()]
		if n == nil || n.Attr(ref.Attr) == nil {
			return expr
		}
		expr = n.Attr(ref.Attr).Expr
	}
	return expr
}
