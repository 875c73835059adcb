package apigw

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/beside"
)

// Runner wraps the host's runner for one Check so that every rule of the
// Check shares one Graph. tflint runs the rules of a Check one after another,
// so it needs no lock.
type Runner struct {
	tflint.Runner
	fix   bool
	graph *Graph
	// call is the module call being checked ("" in the root module), read once.
	call *string
	// Loaded, when set, is called each time a graph has been read.
	Loaded func()
}

// NewRunner wraps a runner. fix tells whether tflint applies fixes, in which
// case the files change between rules and the graph must be read again.
func NewRunner(inner tflint.Runner, fix bool) *Runner {
	return &Runner{Runner: inner, fix: fix}
}

// EmitIssueWithFix forgets the graph when the fix may change the files: the
// host applies the edits after the rule and later rules must see them.
func (r *Runner) EmitIssueWithFix(rule tflint.Rule, message string, rng hcl.Range, fixFunc func(tflint.Fixer) error) error {
	if r.fix {
		r.graph = nil
	}
	return r.Runner.EmitIssueWithFix(rule, message, rng, fixFunc)
}

// Load returns the model of the root module, or nil in a module call:
// tflint drops every issue of a called module but those on an expression
// that reads a caller's argument, and users lint module folders with
// --recursive. Rules that report through module calls use LoadForCall.
func Load(runner tflint.Runner) (*Graph, error) {
	return load(runner, false)
}

// LoadForCall returns the model of the module being checked, in the root
// and in every module call, where values come from the caller's arguments
// as tflint evaluates them. In a module call (Graph.InModuleCall) the rule
// reports only findings decided by a caller's argument (Graph.Inputs).
func LoadForCall(runner tflint.Runner) (*Graph, error) {
	return load(runner, true)
}

func load(runner tflint.Runner, inCalls bool) (*Graph, error) {
	if r, ok := runner.(*Runner); ok {
		return r.load(inCalls)
	}
	call, err := moduleCall(runner)
	if err != nil || (call != "" && !inCalls) {
		return nil, err
	}
	return readCall(runner, call)
}

func (r *Runner) load(inCalls bool) (*Graph, error) {
	if r.call == nil {
		call, err := moduleCall(r.Runner)
		if err != nil {
			return nil, err
		}
		r.call = &call
	}
	if *r.call != "" && !inCalls {
		return nil, nil
	}
	if r.graph == nil {
		g, err := readCall(r.Runner, *r.call)
		if err != nil {
			return nil, err
		}
		r.graph = g
		if r.Loaded != nil {
			r.Loaded()
		}
	}
	return r.graph, nil
}

// moduleCall is the path of the module call a runner checks, as tflint
// writes it (module.api, module.api.module.routes); "" in the root module.
func moduleCall(runner tflint.Runner) (string, error) {
	path, err := runner.GetModulePath()
	if err != nil {
		return "", fmt.Errorf("getting the module path: %w", err)
	}
	if path.IsRoot() {
		return "", nil
	}
	return path.String(), nil
}

func readCall(runner tflint.Runner, call string) (*Graph, error) {
	g, err := read(runner)
	if err != nil {
		return nil, err
	}
	g.call = call
	if call != "" {
		g.readCaller = func() *callerView { return readCallerView(runner) }
	}
	return g, nil
}

func read(runner tflint.Runner) (*Graph, error) {
	files, err := runner.GetFiles()
	if err != nil {
		return nil, fmt.Errorf("reading the module's files: %w", err)
	}
	g := Build(files, func(expr hcl.Expression) (cty.Value, error) {
		var v cty.Value
		err := runner.EvaluateExpr(expr, &v, nil)
		return v, err
	})
	// File names are relative to tflint's original working directory under
	// plain runs, --chdir, --recursive and --langserver alike.
	g.openSources = func() *beside.Tree {
		wd, err := runner.GetOriginalwd()
		if err != nil {
			return nil
		}
		return beside.Open(wd, g.moduleDir())
	}
	return g, nil
}
