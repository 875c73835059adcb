package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwBodyMixedWithResourcesRule reports REST APIs defined both by an
// OpenAPI body and by separate resource and method resources.
type ApigwBodyMixedWithResourcesRule struct {
	tflint.DefaultRule
}

// NewApigwBodyMixedWithResourcesRule returns the rule.
func NewApigwBodyMixedWithResourcesRule() *ApigwBodyMixedWithResourcesRule {
	return &ApigwBodyMixedWithResourcesRule{}
}

func (r *ApigwBodyMixedWithResourcesRule) Name() string              { return "apigw_body_mixed_with_resources" }
func (r *ApigwBodyMixedWithResourcesRule) Enabled() bool             { return true }
func (r *ApigwBodyMixedWithResourcesRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *ApigwBodyMixedWithResourcesRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports APIs whose body is surely set (a data "template_file"'s
// rendered text, whose template the module reads, is), imported in overwrite mode
// (the default), that also have aws_api_gateway_resource or _method
// resources. put_rest_api_mode = "merge", or an unknown mode, is left alone.
func (r *ApigwBodyMixedWithResourcesRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, api := range g.APIs() {
		if api.Node == nil || api.Node.Type != apigw.RestAPI || g.NeverExists(api.Node) || !(g.SurelySet(api.Node.Attr("body")) || api.RenderedBody()) {
			continue
		}
		mode := "overwrite"
		if attr := api.Node.Attr("put_rest_api_mode"); attr != nil {
			if m, known := g.String(attr); known {
				mode = m
			} else if v, known := g.Value(attr); !known || !v.IsNull() {
				continue
			}
		}
		if mode != "overwrite" {
			continue
		}
		var separate []string
		for _, m := range api.Members {
			if (m.Type == apigw.Resource || m.Type == apigw.Method) && !g.NeverExists(m) {
				separate = append(separate, m.Address())
			}
		}
		if len(separate) == 0 {
			continue
		}
		names := commaNames(separate, 3)
		msg := fmt.Sprintf("%s imports an OpenAPI body and also has %s: every body update overwrites the API and deletes the resources and methods the body does not define, so their paths answer 403 Missing Authentication Token until another apply recreates them and redeploys", api.Node.Address(), names)
		if err := runner.EmitIssue(r, msg, api.Node.Attr("body").Range); err != nil {
			return err
		}
	}
	return nil
}
