package apigw

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// countingRunner counts file reads and can pretend to be a called module.
type countingRunner struct {
	*helper.Runner
	reads  int
	module addrs.Module
}

func (r *countingRunner) GetFiles() (map[string]*hcl.File, error) {
	r.reads++
	return r.Runner.GetFiles()
}

func (r *countingRunner) GetModulePath() (addrs.Module, error) { return r.module, nil }

type noopRule struct{ tflint.DefaultRule }

func (noopRule) Name() string                { return "noop" }
func (noopRule) Enabled() bool               { return true }
func (noopRule) Severity() tflint.Severity   { return tflint.ERROR }
func (noopRule) Check(_ tflint.Runner) error { return nil }

func newCounting(t *testing.T) *countingRunner {
	return &countingRunner{Runner: helper.TestRunner(t, map[string]string{"main.tf": `
resource "aws_api_gateway_deployment" "d" {
  rest_api_id = var.api
}
`})}
}

func TestRunnerSharesOneGraphPerCheck(t *testing.T) {
	inner := newCounting(t)
	r := NewRunner(inner, false)
	first, err := Load(r)
	if err != nil || first == nil {
		t.Fatalf("Load = %v, %v", first, err)
	}
	if second, _ := Load(r); second != first || inner.reads != 1 {
		t.Fatalf("second Load read the files again (reads = %d)", inner.reads)
	}
	// Without --fix, fixes are rolled back: the graph stays valid.
	_ = r.EmitIssueWithFix(&noopRule{}, "m", hcl.Range{}, func(tflint.Fixer) error { return tflint.ErrFixNotSupported })
	if again, _ := Load(r); again != first {
		t.Fatal("the graph was dropped although no fix is applied")
	}
}

func TestRunnerRereadsAfterAFixUnderFix(t *testing.T) {
	inner := newCounting(t)
	r := NewRunner(inner, true)
	first, _ := Load(r)
	_ = r.EmitIssueWithFix(&noopRule{}, "m", hcl.Range{}, func(tflint.Fixer) error { return nil })
	again, _ := Load(r)
	if again == first || inner.reads != 2 {
		t.Fatalf("after a fix under --fix the graph must be read again (reads = %d)", inner.reads)
	}
}

func TestCalledModulesAreNotModelled(t *testing.T) {
	inner := newCounting(t)
	inner.module = addrs.Module{"child"}
	for _, runner := range []tflint.Runner{NewRunner(inner, false), inner} {
		g, err := Load(runner)
		if g != nil || err != nil {
			t.Fatalf("Load in a called module = %v, %v; want nil, nil", g, err)
		}
	}
	if inner.reads != 0 {
		t.Fatalf("files were read for a called module")
	}
}
