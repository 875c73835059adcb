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
	// Message and Range are the finding in the root module.
	Message string
	Range   hcl.Range
	// Deciders are the expressions whose values decide the finding, the
	// one a user changes first leading: a module call reports the finding
	// at the first that reads a variable.
	Deciders []hcl.Expression
	// Effect ends the message in a module call, after the call and the
	// caller's argument (`module.api: endpoint_type = "PRIVATE" `): what the
	// value does, and the response the caller sees.
	Effect string
}

// emitFinding reports f: in the root module as the rule always did, in a
// module call at its decider (emitInCall).
func emitFinding(runner tflint.Runner, rule tflint.Rule, g *apigw.Graph, f finding) error {
	if g.InModuleCall() {
		return emitInCall(runner, rule, g, f)
	}
	return runner.EmitIssue(rule, f.Message, f.Range)
}

// emitFixableFinding is emitFinding for a finding the root module can fix;
// tflint never fixes an issue it moves to a caller.
func emitFixableFinding(runner tflint.Runner, rule tflint.Rule, g *apigw.Graph, f finding, fix func(tflint.Fixer) error) error {
	if g.InModuleCall() {
		return emitInCall(runner, rule, g, f)
	}
	return runner.EmitIssueWithFix(rule, f.Message, f.Range, fix)
}

// emitInCall reports f in a module call on a decider that reads a variable
// (directly or through a local: Graph.Origin), which tflint moves to the
// caller's argument. With none, the caller's arguments do not decide it,
// tflint would drop it anyway, and it is left to a --recursive lint of the
// module folder.
func emitInCall(runner tflint.Runner, rule tflint.Rule, g *apigw.Graph, f finding) error {
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
