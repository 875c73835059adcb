package rules

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
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
// In a module call it reports at the caller's argument for the method, or
// else for the integration type.
func (r *ApigwLambdaIntegrationMethodRule) Check(runner tflint.Runner) error {
	g, err := apigw.LoadForCall(runner)
	if g == nil {
		return err
	}
	for _, use := range g.Lambdas().Uses {
		in, ok := use.Integration()
		if !ok || in.Version() != 1 || !in.TypeIs("AWS", "AWS_PROXY") {
			continue
		}
		verb, typ := in.IntegrationHTTPMethod(), in.Type()
		typeText, _ := typ.String()
		f := finding{Range: in.Range, Deciders: []hcl.Expression{verb.Expr(), typ.Expr()}}
		if verb.IsSet() {
			method, known := verb.String()
			if !known || method == "POST" {
				continue
			}
			f.Range = verb.Range()
			f.Message = fmt.Sprintf("%s invokes %s with %s %q, but Lambda's Invoke API takes only POST: %s", in.Location, use.FunctionLabel(), verb.Name, method, lambdaInvocationFailed)
			f.Effect = fmt.Sprintf("makes %s, an %s integration, invoke %s with %q, but Lambda's Invoke API takes only POST: %s", in.Location, typeText, use.FunctionLabel(), method, lambdaInvocationFailed)
		} else {
			f.Message = fmt.Sprintf("%s invokes %s without %s: terraform apply fails, as AWS and AWS_PROXY integrations require it, and Lambda's Invoke API takes only POST", in.Location, use.FunctionLabel(), verb.Name)
			f.Effect = fmt.Sprintf("makes %s an %s integration that invokes %s without integration_http_method: terraform apply fails, as AWS and AWS_PROXY integrations require it, and Lambda's Invoke API takes only POST", in.Location, typeText, use.FunctionLabel())
		}
		fix := func(fx tflint.Fixer) error {
			if verb.FromBody() {
				// Only a value written in an HCL body: never a spec file.
				if !verb.IsSet() || !verb.CanEdit() {
					return tflint.ErrFixNotSupported
				}
				return fx.ReplaceText(verb.ValueRange(), `"POST"`)
			}
			if !in.CanEdit() {
				return tflint.ErrFixNotSupported
			}
			blk := in.Block()
			if a, ok := blk.Body.Attributes["integration_http_method"]; ok {
				return fx.ReplaceText(a.Expr.Range(), `"POST"`)
			}
			return hclfix.AppendAttribute(fx, g.File(in.Range.Filename).Bytes, blk, `integration_http_method = "POST"`)
		}
		if err := emitFixableFinding(runner, r, g, f, fix); err != nil {
			return err
		}
	}
	return nil
}

// lambdaInvocationFailed is what callers get when API Gateway invokes Lambda
// with another method than POST.
const lambdaInvocationFailed = `every call answers 500 Internal server error ("Lambda invocation failed with status: 403" and "Execution failed due to configuration error" in the execution log)`
