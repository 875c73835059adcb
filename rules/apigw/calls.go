package apigw

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// InModuleCall reports whether the graph is read in a module call: tflint
// checks the called module with the caller's values and keeps only issues
// on expressions that read a caller's argument (docs/modules.md).
func (g *Graph) InModuleCall() bool { return g.call != "" }

// Call is the path of the module call the graph is read in, as tflint
// writes it (module.api, module.api.module.routes); "" in the root module.
func (g *Graph) Call() string { return g.call }

// Input is a variable of the module that an expression reads: in a module
// call, the caller's argument of that name feeds it.
type Input struct {
	// Name is the variable's name: the caller's argument.
	Name string
	// Text is the reference as written, without "var.": endpoint_type,
	// or settings.types[0].
	Text string
	// Value is what the reference evaluates to, when Known.
	Value cty.Value
	Known bool
}

// Inputs lists the variables expr reads, once each in source order. In a
// module call, tflint moves an issue on expr to the caller's arguments for
// these variables (those the caller sets); with none, it drops the issue.
func (g *Graph) Inputs(expr hcl.Expression) []Input {
	if expr == nil {
		return nil
	}
	var out []Input
	seen := map[string]bool{}
	for _, t := range variables(expr) {
		if t.RootName() != "var" || len(t) < 2 {
			continue
		}
		step, ok := t[1].(hcl.TraverseAttr)
		if !ok {
			continue
		}
		in := Input{Name: step.Name, Text: g.referenceText(t, step.Name)}
		if seen[in.Text] {
			continue
		}
		seen[in.Text] = true
		// The host parses what it evaluates as native syntax.
		if !terraform.IsJSONFilename(t.SourceRange().Filename) {
			in.Value, in.Known = g.eval.value(&hclsyntax.ScopeTraversalExpr{Traversal: t, SrcRange: t.SourceRange()})
		}
		out = append(out, in)
	}
	return out
}

// referenceText is a var reference's source without "var.", or its name
// when the source cannot be read.
func (g *Graph) referenceText(t hcl.Traversal, name string) string {
	rng := t.SourceRange()
	f := g.files[rng.Filename]
	if f == nil || !rng.CanSliceBytes(f.Bytes) {
		return name
	}
	text, ok := strings.CutPrefix(string(rng.SliceBytes(f.Bytes)), "var.")
	if !ok {
		return name
	}
	return text
}

// Origin is where the value of expr is written: expr itself, or, when expr
// is exactly a reference to a local value (local.types), that local's
// expression, followed through further locals. A finding decided by a
// caller's argument through a local is reported there, where tflint finds
// the variable. A reference into a local (local.cfg.types) is not
// followed: the part it reads may not come from a variable at all.
func (g *Graph) Origin(expr hcl.Expression) hcl.Expression {
	for range maxLocalDepth {
		t, ok := expr.(*hclsyntax.ScopeTraversalExpr)
		if !ok || t.Traversal.RootName() != "local" || len(t.Traversal) != 2 {
			return expr
		}
		step, ok := t.Traversal[1].(hcl.TraverseAttr)
		if !ok {
			return expr
		}
		next, ok := g.locals()[step.Name]
		if !ok {
			return expr
		}
		expr = next
	}
	return expr
}

// callerView is what a module call can learn of the root module through
// tflint: the resource types it writes, and the module calls whose outputs
// it passes to another module call.
type callerView struct {
	types    map[string]bool
	forwards map[string]bool
}

var (
	outputHeaders = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "output", LabelNames: []string{"name"}}}}
	rootSchema    = &hclext.BodySchema{Blocks: []hclext.BlockSchema{
		{Type: "resource", LabelNames: []string{"type", "name"}, Body: &hclext.BodySchema{}},
		{Type: "module", LabelNames: []string{"name"}, Body: &hclext.BodySchema{Mode: hclext.SchemaJustAttributesMode}},
	}}
)

// readCallerView reads the root module from a module call's runner; nil
// when tflint cannot give it.
func readCallerView(runner tflint.Runner) *callerView {
	content, err := runner.GetModuleContent(rootSchema, &tflint.GetModuleContentOption{ModuleCtx: tflint.RootModuleCtxType, ExpandMode: tflint.ExpandModeNone})
	if err != nil || content == nil {
		return nil
	}
	v := &callerView{types: map[string]bool{}, forwards: map[string]bool{}}
	for _, b := range content.Blocks {
		switch b.Type {
		case "resource":
			v.types[b.Labels[0]] = true
		case "module":
			for _, attr := range b.Body.Attributes {
				for _, t := range variables(attr.Expr) {
					if t.RootName() == "module" && len(t) > 1 {
						if step, ok := t[1].(hcl.TraverseAttr); ok {
							v.forwards[step.Name] = true
						}
					}
				}
			}
		}
	}
	return v
}

// CallerMayAdd reports whether, in a module call, something outside the
// module may add to the resource what the module leaves out (a policy, a
// domain mapping, a usage plan, method settings: kinds are the resource
// types that would): the module hands the resource to its caller through
// an output, and the root module writes one of those kinds or passes the
// call's outputs on to another module call. A call nested deeper counts
// any output, as tflint shows nothing of the modules in between. Always
// false in the root module, where the module is the whole configuration
// the rules see.
func (g *Graph) CallerMayAdd(n *Node, kinds ...string) bool {
	if !g.InModuleCall() || !g.Exported(n) {
		return false
	}
	caller := g.caller.get(func() *callerView {
		if g.readCaller == nil {
			return nil
		}
		return g.readCaller()
	})
	if caller == nil || strings.Count(g.call, "module.") > 1 {
		return true
	}
	name := strings.TrimPrefix(g.call, "module.")
	if caller.forwards[name] {
		return true
	}
	for _, k := range kinds {
		if caller.types[k] {
			return true
		}
	}
	return false
}

// Exported reports whether the module's outputs reference the resource,
// directly or through locals: a caller may then complete or use it.
func (g *Graph) Exported(n *Node) bool { return g.outputs.get(g.outputRefs)[n.Address()] }

// outputRefs collects the addresses the module's outputs reference,
// directly or through locals.
func (g *Graph) outputRefs() map[string]bool {
	refs := map[string]bool{}
	var visit func(expr hcl.Expression, hops int)
	visit = func(expr hcl.Expression, hops int) {
		for _, t := range variables(expr) {
			if r, ok := ParseRef(t); ok {
				refs[r.Address()] = true
			}
			if t.RootName() != "local" || len(t) < 2 || hops >= maxLocalDepth {
				continue
			}
			if step, ok := t[1].(hcl.TraverseAttr); ok {
				if local, ok := g.locals()[step.Name]; ok {
					visit(local, hops+1)
				}
			}
		}
	}
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
			if value, ok := attrs["value"]; ok {
				visit(value.Expr, 0)
			}
		}
	}
	return refs
}
