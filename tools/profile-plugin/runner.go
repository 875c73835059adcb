package main

import (
	"context"
	"runtime/pprof"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// timedRunner times every call to the host. GetFiles and the emits have
// their own phases; the rest count as other host calls. Each call's time is
// also added to clk.inHost, so that the model and the families are net of it.
type timedRunner struct {
	tflint.Runner
}

// host runs a host call named name and charges its time to what; its CPU
// samples carry phase=host and call=name on top of the span's labels.
func host(name string, what *float64, call func()) {
	ctx := clk.ctx
	if ctx == nil {
		ctx = context.Background()
	}
	start := time.Now()
	pprof.Do(ctx, pprof.Labels("phase", "host", "call", name), func(context.Context) { call() })
	d := time.Since(start)
	clk.inHost += d
	*what += ms(d)
	if what == &clk.p.Host {
		clk.p.HostByFamily[clk.family] += ms(d)
	}
	clk.p.HostCalls[name]++
}

func (t *timedRunner) GetFiles() (files map[string]*hcl.File, err error) {
	host("GetFiles", &clk.p.GetFiles, func() { files, err = t.Runner.GetFiles() })
	clk.files = files
	clk.p.Files = len(files)
	clk.p.Bytes = 0
	for _, f := range files {
		if f != nil {
			clk.p.Bytes += len(f.Bytes)
		}
	}
	return files, err
}

func (t *timedRunner) emitted() {
	clk.p.Emits++
	clk.p.EmitByFamily[clk.family]++
}

func (t *timedRunner) EmitIssue(rule tflint.Rule, message string, rng hcl.Range) (err error) {
	host("EmitIssue", &clk.p.Emit, func() { err = t.Runner.EmitIssue(rule, message, rng) })
	t.emitted()
	return err
}

func (t *timedRunner) EmitIssueWithFix(rule tflint.Rule, message string, rng hcl.Range, fix func(tflint.Fixer) error) (err error) {
	host("EmitIssueWithFix", &clk.p.Emit, func() { err = t.Runner.EmitIssueWithFix(rule, message, rng, fix) })
	t.emitted()
	return err
}

func (t *timedRunner) EvaluateExpr(expr hcl.Expression, target any, opt *tflint.EvaluateExprOption) (err error) {
	host("EvaluateExpr", &clk.p.Host, func() { err = t.Runner.EvaluateExpr(expr, target, opt) })
	clk.p.EvaluateExprCnt++
	clk.p.EvalByRule[clk.rule]++
	return err
}

func (t *timedRunner) GetOriginalwd() (wd string, err error) {
	host("GetOriginalwd", &clk.p.Host, func() { wd, err = t.Runner.GetOriginalwd() })
	return wd, err
}

func (t *timedRunner) GetModulePath() (path addrs.Module, err error) {
	host("GetModulePath", &clk.p.Host, func() { path, err = t.Runner.GetModulePath() })
	return path, err
}

func (t *timedRunner) GetResourceContent(name string, schema *hclext.BodySchema, opt *tflint.GetModuleContentOption) (c *hclext.BodyContent, err error) {
	host("GetResourceContent", &clk.p.Host, func() { c, err = t.Runner.GetResourceContent(name, schema, opt) })
	return c, err
}

func (t *timedRunner) GetProviderContent(name string, schema *hclext.BodySchema, opt *tflint.GetModuleContentOption) (c *hclext.BodyContent, err error) {
	host("GetProviderContent", &clk.p.Host, func() { c, err = t.Runner.GetProviderContent(name, schema, opt) })
	return c, err
}

func (t *timedRunner) GetModuleContent(schema *hclext.BodySchema, opt *tflint.GetModuleContentOption) (c *hclext.BodyContent, err error) {
	host("GetModuleContent", &clk.p.Host, func() { c, err = t.Runner.GetModuleContent(schema, opt) })
	return c, err
}

func (t *timedRunner) GetFile(name string) (f *hcl.File, err error) {
	host("GetFile", &clk.p.Host, func() { f, err = t.Runner.GetFile(name) })
	return f, err
}

func (t *timedRunner) DecodeRuleConfig(name string, ret any) (err error) {
	host("DecodeRuleConfig", &clk.p.Host, func() { err = t.Runner.DecodeRuleConfig(name, ret) })
	return err
}
