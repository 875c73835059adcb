package rules

import (
	"fmt"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/hclfix"
)

// ApigwLambdaPermissionRule reports Lambda functions that API Gateway
// invokes without a permission, or with one whose source_arn leaves out
// some of the methods that call them.
type ApigwLambdaPermissionRule struct {
	tflint.DefaultRule
}

// NewApigwLambdaPermissionRule returns the rule.
func NewApigwLambdaPermissionRule() *ApigwLambdaPermissionRule {
	return &ApigwLambdaPermissionRule{}
}

func (r *ApigwLambdaPermissionRule) Name() string              { return "apigw_lambda_permission" }
func (r *ApigwLambdaPermissionRule) Enabled() bool             { return true }
func (r *ApigwLambdaPermissionRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwLambdaPermissionRule) Link() string              { return project.ReferenceLink(r.Name()) }

// permissionSymptom says what callers of the invoking APIs get.
func permissionSymptom(inv *apigw.Invocation) string {
	for _, api := range inv.APIs() {
		if api.Version != 2 {
			return invalidPermissions
		}
	}
	return invalidPermissionsV2
}

// Check reports each invoked function (or alias) with no permission for
// API Gateway, and each whose permissions' source_arn misses a REST call.
func (r *ApigwLambdaPermissionRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	l := g.Lambdas()
	for _, inv := range l.Invocations() {
		if len(inv.Permissions) == 0 {
			if others, _ := l.FunctionPermissions(inv.Function); len(others) > 0 {
				continue // permissions for another qualifier: apigw_lambda_permission_qualifier's
			}
			err = r.missing(runner, g, l, inv)
		} else if gaps := l.Uncovered(inv); len(gaps) > 0 {
			err = r.uncovered(runner, inv, gaps)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (r *ApigwLambdaPermissionRule) missing(runner tflint.Runner, g *apigw.Graph, l *apigw.Lambdas, inv *apigw.Invocation) error {
	labels := make([]string, len(inv.Uses))
	for i, u := range inv.Uses {
		labels[i] = l.UseLabel(u)
	}
	target := inv.Target()
	msg := fmt.Sprintf("%s is invoked by %s, but no aws_lambda_permission lets apigateway.amazonaws.com invoke it: %s", target.Address(), joinNames(labels, 2), permissionSymptom(inv))
	if inv.Alias != nil {
		msg += "; a permission on the function without the alias as qualifier does not cover the alias"
	}
	return runner.EmitIssueWithFix(r, msg, target.Block.DefRange, func(f tflint.Fixer) error {
		apis := inv.APIs()
		if !target.Source().CanEdit() || !inv.Function.Source().Single() || !target.Source().Single() {
			return tflint.ErrFixNotSupported
		}
		var texts []string
		for _, api := range apis {
			if api.Node == nil || !api.Node.Source().Single() {
				return tflint.ErrFixNotSupported
			}
			p := hclfix.LambdaPermission{
				Name:         target.Name + "_apigw",
				StatementID:  "AllowAPIGatewayInvoke",
				Function:     inv.Function.Reference("function_name"),
				ExecutionARN: api.Node.Reference("execution_arn"),
			}
			if inv.Alias != nil {
				p.Qualifier = inv.Alias.Reference("name")
			}
			if len(apis) > 1 {
				p.Name += "_" + api.Node.Name
				p.StatementID += "_" + api.Node.Name
			}
			p.Name = g.FreeName(apigw.LambdaPermission, p.Name)
			texts = append(texts, p.Text())
		}
		return hclfix.InsertAfterBlock(f, target.Syntax, strings.Join(texts, "\n\n"))
	})
}

func (r *ApigwLambdaPermissionRule) uncovered(runner tflint.Runner, inv *apigw.Invocation, gaps []apigw.Uncovered) error {
	labels := make([]string, len(gaps))
	for i, gap := range gaps {
		labels[i] = gap.Label()
	}
	if len(inv.Permissions) > 1 {
		msg := fmt.Sprintf("no aws_lambda_permission of %s has a source_arn that covers %s: API Gateway may not invoke it there, and %s", inv.Target().Address(), joinNames(labels, 2), permissionSymptom(inv))
		return runner.EmitIssue(r, msg, inv.Target().Block.DefRange)
	}
	perm := inv.Permissions[0].Node
	attr := perm.Attr("source_arn")
	msg := fmt.Sprintf("%s's source_arn does not cover %s: API Gateway may not invoke %s there, and %s", perm.Address(), joinNames(labels, 2), inv.Target().Address(), permissionSymptom(inv))
	return runner.EmitIssueWithFix(r, msg, attr.Range, func(f tflint.Fixer) error {
		apis := inv.APIs()
		if !perm.Source().CanEdit() || len(apis) != 1 || apis[0].Node == nil || !apis[0].Node.Source().Single() {
			return tflint.ErrFixNotSupported
		}
		return f.ReplaceText(attr.Expr.Range(), hclfix.SourceARNAll(apis[0].Node.Reference("execution_arn")))
	})
}
