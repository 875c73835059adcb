package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// finding is one finding of a rule that reports through module calls
// (docs/modules.md): how the root module reports it, and the argument whose
// value decides it, for a module call.
type finding struct {
	// Message, Range and Fix are the finding in the root module; Fix is nil
	// when it has none.
	Message string
	Range   hcl.Range
	Fix     func(tflint.Fixer) error
	// Deciders are the expressions whose values decide the finding, the
	// one a user changes first leading: a module call reports the finding
	// at the first that reads a variable.
	Deciders []hcl.Expression
	// Effect ends the message in a module call, after the call and the
	// caller's argument (`module.api: endpoint_type = "PRIVATE" `): what the
	// value does, and the response the caller sees.
	Effect string
}

// emitFinding reports f. In the root module it is reported as the rule
// always did. In a module call it is reported on a decider that reads a
// variable (directly or through a local: Graph.Origin), which tflint moves to the caller's argument; with none, the
// caller's arguments do not decide it, tflint would drop it anyway, and it
// is left to a --recursive lint of the module folder.
func emitFinding(runner tflint.Runner, rule tflint.Rule, g *apigw.Graph, f finding) error {
	if !g.InModuleCall() {
		if f.Fix == nil {
			return runner.EmitIssue(rule, f.Message, f.Range)
		}
		return runner.EmitIssueWithFix(rule, f.Message, f.Range, f.Fix)
	}
	for _, expr := range f.Deciders {
		if expr == nil {
			continue
		}
		expr = g.Origin(expr)
		if inputs := g.Inputs(expr); len(inputs) > 0 {
			msg := fmt.Sprintf("%s: %s %s", g.Call(), describeInputs(inputs), f.Effect)
			return runner.EmitIssue(rule, msg, expr.Range())
		}
	}
	return nil
}

// maxInputText is the longest value a message quotes; longer values are
// left out and the argument is named alone.
const maxInputText = 60

// describeInputs writes the caller's arguments as the message names them:
// endpoint_type = "PRIVATE", or the name alone when the value is unknown
// or too long to quote.
func describeInputs(inputs []apigw.Input) string {
	parts := make([]string, len(inputs))
	for i, in := range inputs {
		parts[i] = in.Text
		if !in.Known {
			continue
		}
		text := strings.TrimSpace(string(hclwrite.TokensForValue(in.Value).Bytes()))
		if len(text) <= maxInputText && !strings.Contains(text, "\n") {
			parts[i] += " = " + text
		}
	}
	return joinNames(parts, 0)
}

// exprOf is an attribute's expression; nil when the attribute is not set.
func exprOf(attr *hclext.Attribute) hcl.Expression {
	if attr == nil {
		return nil
	}
	return attr.Expr
}
