package apigw

import (
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

// LogFormat is what a stage's access log format writes: the $context
// variables in it.
type LogFormat struct {
	Attr *hclext.Attribute
	// Text is the format as far as it is known; for jsonencode(...) it holds
	// the keys and values, not the exact JSON.
	Text partial.String
	vars map[string]bool
}

// Has reports whether the format writes $context.<name>.
func (f LogFormat) Has(name string) bool { return f.vars[name] }

// Complete reports whether the whole format is known, so that a variable
// missing from it is missing from the log.
func (f LogFormat) Complete() bool { return !f.Text.HasHoles() }

// AccessLogFormat reads the format of a REST or HTTP/WebSocket stage's
// access_log_settings. ok is false when the stage writes no access log the
// model can see: no access_log_settings, or one a dynamic block builds.
func (g *Graph) AccessLogFormat(stage *Node) (LogFormat, bool) {
	if hasDynamic(stage.Block.Body, "access_log_settings") {
		return LogFormat{}, false
	}
	blocks := stage.Blocks("access_log_settings")
	if len(blocks) == 0 || blocks[0].Body.Attributes["format"] == nil {
		return LogFormat{}, false
	}
	attr := blocks[0].Body.Attributes["format"]
	f := LogFormat{Attr: attr, Text: g.formatText(attr.Expr), vars: map[string]bool{}}
	for _, p := range f.Text.Parts {
		for _, name := range ContextVariables(p.Lit) {
			f.vars[name] = true
		}
	}
	return f, true
}

var contextVariable = regexp.MustCompile(`\$context\.([A-Za-z0-9_.]+)`)

// ContextVariables lists the $context variables a text names, without the
// "$context." prefix, in order.
func ContextVariables(text string) []string {
	var out []string
	for _, m := range contextVariable.FindAllStringSubmatch(text, -1) {
		out = append(out, strings.TrimRight(m[1], "."))
	}
	return out
}

// formatText reads a format expression locally where it can (string
// literals, templates, heredocs, jsonencode of literal maps and lists) and
// through the host otherwise. What comes from a variable, or that the host
// cannot tell, is a hole.
func (g *Graph) formatText(expr hcl.Expression) partial.String {
	hole := partial.String{Parts: []partial.Part{partial.HoleOf("", expr)}}
	switch e := expr.(type) {
	case *hclsyntax.LiteralValueExpr:
		if e.Val.Type() == cty.String && !e.Val.IsNull() {
			return partial.Lit(e.Val.AsString())
		}
		return partial.Lit("") // a number, a bool or null: no text
	case *hclsyntax.TemplateWrapExpr:
		return g.formatText(e.Wrapped)
	case *hclsyntax.TemplateExpr:
		var s partial.String
		for _, part := range e.Parts {
			s = s.Append(g.formatText(part))
		}
		return s
	case *hclsyntax.FunctionCallExpr:
		if e.Name == "jsonencode" && len(e.Args) == 1 {
			return g.formatText(e.Args[0])
		}
	case *hclsyntax.ObjectConsExpr:
		var s partial.String
		for _, item := range e.Items {
			s = s.Append(g.formatText(item.KeyExpr)).Append(partial.Lit(" ")).Append(g.formatText(item.ValueExpr)).Append(partial.Lit(" "))
		}
		return s
	case *hclsyntax.ObjectConsKeyExpr:
		if key, ok := partial.ObjectKey(e); ok {
			return partial.Lit(key)
		}
		return hole
	case *hclsyntax.TupleConsExpr:
		var s partial.String
		for _, item := range e.Exprs {
			s = s.Append(g.formatText(item)).Append(partial.Lit(" "))
		}
		return s
	}
	for _, t := range variables(expr) {
		if t.RootName() == "var" {
			return hole // set where the module is applied
		}
	}
	v, known := g.eval.value(expr)
	if !known {
		return hole
	}
	var s partial.String
	if !collectStrings(v, &s) {
		return hole
	}
	return s
}

// collectStrings appends every string inside a value (a string, or the keys
// and values of maps, objects and lists); false for values that hold no text.
func collectStrings(v cty.Value, s *partial.String) bool {
	switch {
	case v.IsNull():
		return true
	case v.Type() == cty.String:
		*s = s.Append(partial.Lit(v.AsString() + " "))
		return true
	case v.Type() == cty.Number || v.Type() == cty.Bool:
		return true
	case v.CanIterateElements():
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			if k.Type() == cty.String {
				*s = s.Append(partial.Lit(k.AsString() + " "))
			}
			if !collectStrings(e, s) {
				return false
			}
		}
		return true
	}
	return false
}
