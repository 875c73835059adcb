package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/hclfix"
)

// ApigwLambdaIntegrationMethodRule reports REST integrations that call
// Lambda with an integration HTTP method other than POST.
type ApigwLambdaIntegrationMethodRule struct {
	tflint.DefaultRule
}

// NewApigwLambdaIntegrationMethodRule returns the rule.
func NewApigwLambdaIntegrationMethodRule() *ApigwLambdaIntegrationMethodRule {
	return &ApigwLambdaIntegrationMethodRule{}
}

func (r *ApigwLambdaIntegrationMethodRule) Name() string              { return "apigw_lambda_integration_method" }
func (r *ApigwLambdaIntegrationMethodRule) Enabled() bool             { return true }
func (r *ApigwLambdaIntegrationMethodRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwLambdaIntegrationMethodRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports AWS and AWS_PROXY integrations whose URI invokes Lambda and
// whose integration_http_method is not POST, or missing. The fix writes POST.
func (r *ApigwLambdaIntegrationMethodRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, use := range g.Lambdas().Uses {
		in, ok := use.Integration()
		if !ok || in.Version() != 1 || !in.TypeIs("AWS", "AWS_PROXY") {
			continue
		}
		verb := in.IntegrationHTTPMethod()
		rng := in.Range
		var msg string
		if verb.IsSet() {
			method, known := verb.String()
			if !known || method == "POST" {
				continue
			}
			rng = verb.Range()
			msg = fmt.Sprintf("%s invokes %s with %s %q, but Lambda's Invoke API takes only POST: every call answers 500 Internal server error (\"Lambda invocation failed with status: 403\" and \"Execution failed due to configuration error\" in the execution log)", in.Location, use.FunctionLabel(), verb.Name, method)
		} else {
			msg = fmt.Sprintf("%s invokes %s without %s: terraform apply fails, as AWS and AWS_PROXY integrations require it, and Lambda's Invoke API takes only POST", in.Location, use.FunctionLabel(), verb.Name)
		}
		err := runner.EmitIssueWithFix(r, msg, rng, func(f tflint.Fixer) error {
			if verb.FromBody() {
				// Only a value written in an HCL body: never a spec file.
				if !verb.IsSet() || !verb.CanEdit() {
					return tflint.ErrFixNotSupported
				}
				return f.ReplaceText(verb.ValueRange(), `"POST"`)
			}
			if !in.CanEdit() {
				return tflint.ErrFixNotSupported
			}
			blk := in.Block()
			if a, ok := blk.Body.Attributes["integration_http_method"]; ok {
				return f.ReplaceText(a.Expr.Range(), `"POST"`)
			}
			return hclfix.AppendAttribute(f, g.File(in.Range.Filename).Bytes, blk, `integration_http_method = "POST"`)
		})
		if err != nil {
			return err
		}
	}
	return nil
}
