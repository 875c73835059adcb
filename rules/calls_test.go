package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform/addrs"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// calledModule checks a module the way tflint checks a module call: the
// module path names the call. A variable's default stands for the caller's
// argument (the SDK's test runner knows no other input).
type calledModule struct {
	*helper.Runner
	path addrs.Module
}

func (r calledModule) GetModulePath() (addrs.Module, error) { return r.path, nil }

// testCall is the module call the call cases run in.
var testCall = addrs.Module{"internal_api"}

// runCallCases runs a rule on each case's module as a call to
// module.internal_api and compares the issues. tflint never fixes an
// issue in a called module, so a case expects no change.
func runCallCases(t *testing.T, rule tflint.Rule, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run("in a module call: "+tc.Name, func(t *testing.T) {
			inner := helper.TestRunner(t, moduleFiles(tc, tc.Content))
			if err := rule.Check(calledModule{Runner: inner, path: testCall}); err != nil {
				t.Fatalf("Check: %s", err)
			}
			if tc.Expected == nil {
				tc.Expected = helper.Issues{}
			}
			for _, issue := range tc.Expected {
				issue.Rule = rule
			}
			helper.AssertIssues(t, tc.Expected, inner.Issues)
			helper.AssertChanges(t, map[string]string{}, inner.Changes())
		})
	}
}

type callProbeRule struct{ tflint.DefaultRule }

func (callProbeRule) Name() string                { return "call_probe" }
func (callProbeRule) Enabled() bool               { return true }
func (callProbeRule) Severity() tflint.Severity   { return tflint.ERROR }
func (callProbeRule) Check(_ tflint.Runner) error { return nil }

// TestEmitFinding reports every rest API's endpoint types as a finding:
// the root reports at Range with the root message, a module call at the
// decider that reads a variable, directly or through a local.
func TestEmitFinding(t *testing.T) {
	src := `variable "endpoint_type" {
  default = "PRIVATE"
}
variable "long" {
  default = "a value much longer than anything a message should quote in full"
}

locals {
  types  = [var.endpoint_type]
  hop    = local.types
  cfg    = { types = [var.endpoint_type] }
}

resource "aws_api_gateway_rest_api" "direct" {
  endpoint_configuration {
    types = [var.endpoint_type]
  }
}
resource "aws_api_gateway_rest_api" "literal" {
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}
resource "aws_api_gateway_rest_api" "through_locals" {
  endpoint_configuration {
    types = local.hop
  }
}
resource "aws_api_gateway_rest_api" "into_a_local" {
  endpoint_configuration {
    types = local.cfg.types
  }
}
resource "aws_api_gateway_rest_api" "second_decider" {
  name = var.long
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}
`
	check := func(runner tflint.Runner) {
		g, err := apigw.LoadForCall(runner)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range g.Resources(apigw.RestAPI) {
			types := n.Blocks("endpoint_configuration")[0].Body.Attributes["types"]
			err := emitFinding(runner, &callProbeRule{}, g, finding{
				Message:  n.Address() + " root message",
				Range:    n.Block.DefRange,
				Deciders: []hcl.Expression{exprOf(types), exprOf(n.Attr("name"))},
				Effect:   "decides " + n.Address(),
			})
			if err != nil {
				t.Fatal(err)
			}
		}
	}

	root := helper.TestRunner(t, map[string]string{"main.tf": src})
	check(root)
	if len(root.Issues) != 5 {
		t.Errorf("the root reports %d issues, want one per API: %+v", len(root.Issues), root.Issues)
	}
	for _, is := range root.Issues {
		if !strings.HasSuffix(is.Message, " root message") {
			t.Errorf("root message %q", is.Message)
		}
	}

	inner := helper.TestRunner(t, map[string]string{"main.tf": src})
	check(calledModule{Runner: inner, path: addrs.Module{"api", "routes"}})
	helper.AssertIssues(t, helper.Issues{
		{Rule: &callProbeRule{}, Message: `module.api.module.routes: endpoint_type = "PRIVATE" decides aws_api_gateway_rest_api.direct`, Range: at(16, 13, 16, 32)},
		{Rule: &callProbeRule{}, Message: `module.api.module.routes: endpoint_type = "PRIVATE" decides aws_api_gateway_rest_api.through_locals`, Range: at(9, 12, 9, 31)},
		{Rule: &callProbeRule{}, Message: `module.api.module.routes: long decides aws_api_gateway_rest_api.second_decider`, Range: at(35, 10, 35, 18)},
	}, inner.Issues)
}

// TestNoRulePanicsInModuleCalls runs every rule on the hostile inputs as a
// module call, once as written and once with every string literal argument
// fed by a variable (whose default stands for the caller's value), and
// checks that a call never fixes and only reports at an expression that
// reads a variable.
func TestNoRulePanicsInModuleCalls(t *testing.T) {
	inputs := map[string]string{"a module the caller configures": callerConfigured}
	for k, v := range hostileInputs {
		inputs[k] = v
	}
	reported := 0
	for name, src := range inputs {
		for _, fed := range []bool{false, true} {
			if fed {
				src = feedLiterals(src)
			}
			t.Run(fmt.Sprintf("%s, fed %v", name, fed), func(t *testing.T) {
				for _, rule := range All() {
					inner := helper.TestRunner(t, map[string]string{"main.tf": src})
					if err := rule.(guardedRule).Rule.Check(calledModule{Runner: inner, path: testCall}); err != nil {
						t.Errorf("%s: %s", rule.Name(), err)
					}
					if len(inner.Changes()) > 0 {
						t.Errorf("%s changed files in a module call", rule.Name())
					}
					reported += len(inner.Issues)
					for _, is := range inner.Issues {
						if !strings.HasPrefix(is.Message, "module.internal_api: ") {
							t.Errorf("%s reported %q in a module call without the call's prefix", rule.Name(), is.Message)
						}
						text := string(is.Range.SliceBytes([]byte(src)))
						if !strings.Contains(text, "var.") {
							t.Errorf("%s reported at %q in a module call, which reads no variable", rule.Name(), text)
						}
					}
				}
			})
		}
	}
	if reported == 0 {
		t.Error("no rule reported through the module call")
	}
}

// callerConfigured has a finding for each rule that reports through calls,
// once its literals are fed by variables.
const callerConfigured = `
resource "aws_api_gateway_rest_api" "a" {
  name                         = "a"
  disable_execute_api_endpoint = true
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}
resource "aws_lambda_function" "f" {
  function_name = "f"
}
resource "aws_api_gateway_method" "m" {
  rest_api_id      = aws_api_gateway_rest_api.a.id
  resource_id      = aws_api_gateway_rest_api.a.root_resource_id
  http_method      = "OPTIONS"
  authorization    = "CUSTOM"
}
resource "aws_api_gateway_integration" "i" {
  rest_api_id             = aws_api_gateway_rest_api.a.id
  resource_id             = aws_api_gateway_rest_api.a.root_resource_id
  http_method             = "OPTIONS"
  type                    = "AWS_PROXY"
  integration_http_method = "GET"
  uri                     = aws_lambda_function.f.invoke_arn
}
`

// feedLiterals rewrites every `name = "literal"` argument line into
// `name = var.fed_N` and declares the variables with the literal as default.
func feedLiterals(src string) string {
	var body, vars strings.Builder
	n := 0
	for _, line := range strings.Split(src, "\n") {
		name, value, ok := strings.Cut(line, " = ")
		trimmed := strings.TrimSpace(value)
		if ok && !strings.Contains(name, "\"") && strings.HasPrefix(trimmed, "\"") && strings.HasSuffix(trimmed, "\"") && !strings.Contains(trimmed[1:len(trimmed)-1], "\"") && !strings.Contains(trimmed, "${") {
			n++
			fmt.Fprintf(&vars, "variable \"fed_%d\" {\n  default = %s\n}\n", n, trimmed)
			line = fmt.Sprintf("%s = var.fed_%d", name, n)
		}
		body.WriteString(line + "\n")
	}
	return body.String() + vars.String()
}
