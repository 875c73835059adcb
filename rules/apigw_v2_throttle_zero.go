package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/hclfix"
)

// ApigwV2ThrottleZeroRule reports throttling limits of 0, written or sent
// by the provider for limits left out: every request answers 429.
type ApigwV2ThrottleZeroRule struct {
	tflint.DefaultRule
}

// NewApigwV2ThrottleZeroRule returns the rule.
func NewApigwV2ThrottleZeroRule() *ApigwV2ThrottleZeroRule {
	return &ApigwV2ThrottleZeroRule{}
}

func (r *ApigwV2ThrottleZeroRule) Name() string              { return "apigw_v2_throttle_zero" }
func (r *ApigwV2ThrottleZeroRule) Enabled() bool             { return true }
func (r *ApigwV2ThrottleZeroRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *ApigwV2ThrottleZeroRule) Link() string              { return project.ReferenceLink(r.Name()) }

// accountDefaults are the limits the fix writes: API Gateway's default
// account-level limits.
var accountDefaults = map[string]string{apigw.StageBurstLimit: "5000", apigw.StageRateLimit: "10000"}

// Check reports HTTP/WebSocket stage route settings that leave a limit out
// (the AWS provider sends 0) or set one to 0, and REST method settings and
// usage plans that set a limit to 0. The fix writes the account defaults
// where an HTTP/WebSocket stage leaves limits out; a 0 written on purpose
// is the user's to change.
func (r *ApigwV2ThrottleZeroRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	var nodes []*apigw.Node
	for _, kind := range []string{apigw.V2Stage, apigw.MethodSettings, apigw.UsagePlan} {
		nodes = append(nodes, g.Resources(kind)...)
	}
	return apigw.Visit(nodes, func(n *apigw.Node) error {
		if g.NeverExists(n) {
			return nil
		}
		for _, t := range g.ZeroThrottles(n) {
			if err := r.emit(runner, g, t); err != nil {
				return err
			}
		}
		return nil
	})
}

func (r *ApigwV2ThrottleZeroRule) emit(runner tflint.Runner, g *apigw.Graph, t apigw.Throttle) error {
	var faults []string
	if len(t.Unset) > 0 {
		faults = append(faults, "leaves "+strings.Join(t.Unset, " and ")+" unset, which the AWS provider sends as 0")
	}
	var zeros []string
	for _, z := range t.Zero {
		zeros = append(zeros, z.Name)
	}
	if len(zeros) > 0 {
		faults = append(faults, "sets "+strings.Join(zeros, " and ")+" to 0")
	}
	rng := t.Block.DefRange
	if len(t.Unset) == 0 && len(t.Zero) == 1 {
		rng = t.Zero[0].Range // the one place to change
	}
	msg := fmt.Sprintf("%s %s %s: %s answers 429 Too Many Requests", t.Node.Address(), t.Label, strings.Join(faults, " and "), throttledRequests(t))
	return runner.EmitIssueWithFix(r, msg, rng, func(f tflint.Fixer) error {
		blk := r.syntaxBlock(t)
		if len(t.Unset) == 0 || len(t.Zero) > 0 || blk == nil {
			return tflint.ErrFixNotSupported
		}
		var lines []string
		for _, name := range t.Unset {
			if null, ok := blk.Body.Attributes[name]; ok {
				if err := f.ReplaceText(null.Expr.Range(), accountDefaults[name]); err != nil {
					return err
				}
				continue
			}
			lines = append(lines, name+" = "+accountDefaults[name])
		}
		if len(lines) == 0 {
			return nil
		}
		return hclfix.AppendAttribute(f, g.File(t.Node.Filename()).Bytes, blk, strings.Join(lines, "\n"))
	})
}

// syntaxBlock finds the native block of a throttling block, for the fix;
// nil in JSON files.
func (r *ApigwV2ThrottleZeroRule) syntaxBlock(t apigw.Throttle) *hclsyntax.Block {
	if !t.Node.Source().CanEdit() {
		return nil
	}
	return hclfix.BlockAt(t.Node.Syntax.Body, t.Block.TypeRange)
}

// throttledRequests says which requests the limits refuse.
func throttledRequests(t apigw.Throttle) string {
	switch {
	case t.Node.Type == apigw.UsagePlan:
		return "every request with the plan's API keys"
	case t.Node.Type == apigw.MethodSettings:
		return "every request to the methods they cover"
	case t.Block.Type == "route_settings":
		return "every request to the route"
	}
	return "every request"
}
