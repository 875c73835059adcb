package rules

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwAPIKeyUsagePlanRule reports methods that require an API key on an
// API no usage plan with keys binds: API Gateway accepts no key for them.
type ApigwAPIKeyUsagePlanRule struct {
	tflint.DefaultRule
}

// NewApigwAPIKeyUsagePlanRule returns the rule.
func NewApigwAPIKeyUsagePlanRule() *ApigwAPIKeyUsagePlanRule {
	return &ApigwAPIKeyUsagePlanRule{}
}

func (r *ApigwAPIKeyUsagePlanRule) Name() string              { return "apigw_api_key_usage_plan" }
func (r *ApigwAPIKeyUsagePlanRule) Enabled() bool             { return true }
func (r *ApigwAPIKeyUsagePlanRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwAPIKeyUsagePlanRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports key-requiring methods of APIs declared and staged in the
// module when no usage plan binds the API, or none of those plans has a key.
// In a module call it reports at the caller's argument that requires the key.
func (r *ApigwAPIKeyUsagePlanRule) Check(runner tflint.Runner) error {
	g, err := apigw.LoadForCall(runner)
	if g == nil {
		return err
	}
	wiring := g.KeyWiring()
	for _, api := range g.APIs() {
		if api.Version != 1 || !api.Declared() || len(api.StageEntries()) == 0 {
			continue // the API, its stages and its plans may be managed elsewhere
		}
		why, found := missingKeyWiring(wiring, api)
		if !found || g.CallerMayAdd(api.Node, apigw.UsagePlan, apigw.UsagePlanKey) {
			continue
		}
		for _, m := range append(api.Methods(), api.BodyMethods()...) {
			if !m.RequiresKey() {
				continue
			}
			err := emitFinding(runner, r, g, finding{
				Message:  fmt.Sprintf("%s requires an API key, but %s: every call answers 403 Forbidden, with or without an x-api-key header", m.Location, why),
				Range:    m.KeyRequired().Range(),
				Deciders: []hcl.Expression{m.KeyRequired().Expr()},
				Effect:   fmt.Sprintf("makes %s require an API key, but %s: every call answers 403 Forbidden, with or without an x-api-key header", m.Location, why),
			})
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// missingKeyWiring says what keeps every key from the API, when the module
// proves it.
func missingKeyWiring(w *apigw.KeyWiring, api *apigw.API) (string, bool) {
	plans, known := w.PlansFor(api)
	if !known {
		return "", false
	}
	if len(plans) == 0 {
		return fmt.Sprintf("no aws_api_gateway_usage_plan binds a stage of %s, and API Gateway accepts only keys of a usage plan bound to the stage", api.Node.Address()), true
	}
	for _, p := range plans {
		if keys, known := w.KeysOf(p); !known || len(keys) > 0 {
			return "", false
		}
	}
	if len(plans) == 1 {
		return fmt.Sprintf("%s, the usage plan bound to %s, has no aws_api_gateway_usage_plan_key, so no key belongs to it", plans[0].Address(), api.Node.Address()), true
	}
	return fmt.Sprintf("%s, the usage plans bound to %s, have no aws_api_gateway_usage_plan_key, so no key belongs to them", joinNames(addresses(plans), 0), api.Node.Address()), true
}
