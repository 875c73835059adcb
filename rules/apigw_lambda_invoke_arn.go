package rules

import (
	"fmt"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwLambdaInvokeArnRule reports REST integrations and authorizers whose
// URI is a Lambda function's ARN instead of its invoke ARN.
type ApigwLambdaInvokeArnRule struct {
	tflint.DefaultRule
}

// NewApigwLambdaInvokeArnRule returns the rule.
func NewApigwLambdaInvokeArnRule() *ApigwLambdaInvokeArnRule {
	return &ApigwLambdaInvokeArnRule{}
}

func (r *ApigwLambdaInvokeArnRule) Name() string              { return "apigw_lambda_invoke_arn" }
func (r *ApigwLambdaInvokeArnRule) Enabled() bool             { return true }
func (r *ApigwLambdaInvokeArnRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwLambdaInvokeArnRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports `uri = aws_lambda_function.X.arn` (or an alias's, or a data
// source's) on REST integrations and authorizers. HTTP APIs accept the
// function ARN, so their integrations are left alone. The fix renames the
// attribute to invoke_arn, in place.
func (r *ApigwLambdaInvokeArnRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, use := range g.Lambdas().Uses {
		if use.Version() != 1 || !use.Target.Bare() {
			continue
		}
		ref := apigw.TraversalText(use.URI.Expr.Variables()[0])
		if _, dynamicIndex := use.URI.Expr.(*hclsyntax.RelativeTraversalExpr); dynamicIndex {
			ref = g.Text(use.URI.Expr) // fn[each.key].arn: Variables() stops at the index
		}
		subject := use.Address() + "'s " + use.URI.Name
		if use.FromBody() {
			subject = "the " + use.URI.Name + " of " + use.Address()
		}
		msg := fmt.Sprintf("%s is %s, the function's ARN, not the invoke ARN API Gateway calls: terraform apply fails with BadRequestException, as a REST API takes only arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations (the function's invoke_arn)", subject, ref)
		attr := use.Target.Ref
		err := runner.EmitIssueWithFix(r, msg, use.URI.Range, func(f tflint.Fixer) error {
			if !use.CanEditRef() {
				return tflint.ErrFixNotSupported
			}
			return f.ReplaceText(attr.SrcRange, ".invoke_arn")
		})
		if err != nil {
			return err
		}
	}
	for _, bare := range g.BareFunctionURIs() {
		msg := fmt.Sprintf("the %s of %s is %s, a function's ARN, not the invoke ARN API Gateway calls: terraform apply fails with BadRequestException, as a REST API takes only arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations", bare.URI.Name, bare.Location, bare.ARN)
		if err := runner.EmitIssue(r, msg, bare.URI.Range()); err != nil {
			return err
		}
	}
	return nil
}
