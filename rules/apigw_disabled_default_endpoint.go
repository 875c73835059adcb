package rules

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwDisabledDefaultEndpointRule reports APIs whose execute-api endpoint is
// disabled while no custom domain maps them: nothing can reach them.
type ApigwDisabledDefaultEndpointRule struct {
	tflint.DefaultRule
}

// NewApigwDisabledDefaultEndpointRule returns the rule.
func NewApigwDisabledDefaultEndpointRule() *ApigwDisabledDefaultEndpointRule {
	return &ApigwDisabledDefaultEndpointRule{}
}

func (r *ApigwDisabledDefaultEndpointRule) Name() string              { return "apigw_disabled_default_endpoint" }
func (r *ApigwDisabledDefaultEndpointRule) Enabled() bool             { return true }
func (r *ApigwDisabledDefaultEndpointRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwDisabledDefaultEndpointRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports REST and HTTP/WebSocket APIs with
// disable_execute_api_endpoint = true and no base path or API mapping. A
// mapping whose api_id the model cannot follow, or a module call handed the
// API, may be the mapping: silence then. In a module call it reports at the
// caller's argument that disables the endpoint, unless the caller may map it.
func (r *ApigwDisabledDefaultEndpointRule) Check(runner tflint.Runner) error {
	g, err := apigw.LoadForCall(runner)
	if g == nil {
		return err
	}
	for _, api := range g.APIs() {
		if api.Node == nil || g.NeverExists(api.Node) {
			continue
		}
		setting, disabled := api.ExecuteAPIDisabled()
		if !disabled {
			continue
		}
		mapping := apigw.BasePathMapping
		if api.Version == 2 {
			mapping = apigw.V2APIMapping
		}
		if mapped, known := g.DomainMapped(api); mapped || !known || g.CallerMayAdd(api.Node, mapping) {
			continue
		}
		subject := api.Node.Address()
		if setting.FromBody() {
			subject += "'s body (" + setting.Where() + ")"
		}
		err := emitFinding(runner, r, g, finding{
			Message:  fmt.Sprintf("%s disables its execute-api endpoint and no custom domain maps it (no %s names it): %s", subject, mapping, disabledEndpointDenied),
			Range:    setting.Range(),
			Deciders: []hcl.Expression{setting.Expr()},
			Effect:   fmt.Sprintf("makes %s disable its execute-api endpoint, and no custom domain maps it (no %s names it): %s", subject, mapping, disabledEndpointDenied),
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// disabledEndpointDenied is what callers get from an API with neither its
// default endpoint nor a custom domain.
const disabledEndpointDenied = `every call answers 403 Forbidden {"message":"Forbidden"}`
