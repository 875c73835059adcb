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
	root  *bool
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

// Load returns the model of the module being checked, or nil outside the
// root module: issues in called modules are dropped by tflint, and users
// lint module folders with --recursive.
func Load(runner tflint.Runner) (*Graph, error) {
	if r, ok := runner.(*Runner); ok {
		return r.load()
	}
	return build(runner)
}

func (r *Runner) load() (*Graph, error) {
	if r.root == nil {
		root, err := isRoot(r.Runner)
		if err != nil {
			return nil, err
		}
		r.root = &root
	}
	if !*r.root {
		return nil, nil
	}
	if r.graph == nil {
		g, err := read(r.Runner)
		if err != nil {
			return nil, err
		}
		r.graph = g
	}
	return r.graph, nil
}

func build(runner tflint.Runner) (*Graph, error) {
	root, err := isRoot(runner)
	if err != nil || !root {
		return nil, err
	}
	return read(runner)
}

func isRoot(runner tflint.Runner) (bool, error) {
	path, err := runner.GetModulePath()
	if err != nil {
		return false, fmt.Errorf("getting the module path: %w", err)
	}
	return path.IsRoot(), nil
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
