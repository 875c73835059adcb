package rules

import (
	"fmt"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/hclfix"
)

// ApigwAccessLogErrorFieldsRule reports access log formats that do not
// write which gateway response answered: the log cannot tell 403s apart.
type ApigwAccessLogErrorFieldsRule struct {
	tflint.DefaultRule
}

// NewApigwAccessLogErrorFieldsRule returns the rule.
func NewApigwAccessLogErrorFieldsRule() *ApigwAccessLogErrorFieldsRule {
	return &ApigwAccessLogErrorFieldsRule{}
}

func (r *ApigwAccessLogErrorFieldsRule) Name() string              { return "apigw_access_log_error_fields" }
func (r *ApigwAccessLogErrorFieldsRule) Enabled() bool             { return true }
func (r *ApigwAccessLogErrorFieldsRule) Severity() tflint.Severity { return tflint.NOTICE }
func (r *ApigwAccessLogErrorFieldsRule) Link() string              { return project.ReferenceLink(r.Name()) }

// errorFields are the $context variables that tell 403s apart, with the
// key the fix writes each under. The message may also be written quoted
// ($context.error.messageString).
var errorFields = []struct{ variable, alias, key string }{
	{"error.responseType", "", "errorType"},
	{"error.message", "error.messageString", "errorMessage"},
}

// Check reports REST and HTTP/WebSocket stages whose access log format is
// known in full and lacks $context.error.responseType, the variable that
// tells the 403s apart; the message names $context.error.message too when
// it is missing as well. The fix adds both to a jsonencode({...}) format.
func (r *ApigwAccessLogErrorFieldsRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	stages := append(append([]*apigw.Node{}, g.Resources(apigw.Stage)...), g.Resources(apigw.V2Stage)...)
	return apigw.Visit(stages, func(stage *apigw.Node) error {
		format, ok := g.AccessLogFormat(stage)
		if !ok || !format.Complete() || g.NeverExists(stage) {
			return nil
		}
		if format.Has(errorFields[0].variable) {
			return nil // the response type tells the 403s apart; the message is detail
		}
		var items, keys, variables []string
		for _, field := range errorFields {
			if !format.Has(field.variable) && (field.alias == "" || !format.Has(field.alias)) {
				items = append(items, field.key+" = \"$context."+field.variable+"\"")
				keys = append(keys, field.key)
				variables = append(variables, "$context."+field.variable)
			}
		}
		msg := fmt.Sprintf("%s's access log format has no %s: the log cannot tell the 403s of a missing route, an API key, a resource policy, an authorizer and WAF apart", stage.Address(), strings.Join(variables, " or "))
		return runner.EmitIssueWithFix(r, msg, format.Attr.Range, func(f tflint.Fixer) error {
			obj, ok := hclfix.JSONEncodedObject(format.Attr.Expr)
			if !ok || !stage.Source().CanEdit() {
				return tflint.ErrFixNotSupported
			}
			for _, key := range keys {
				if hclfix.MayHaveKey(obj, key) {
					return tflint.ErrFixNotSupported // the key holds something else
				}
			}
			return hclfix.AppendToObject(f, g.File(stage.Filename()).Bytes, obj, strings.Join(items, "\n"))
		})
	})
}
