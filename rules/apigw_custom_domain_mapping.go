package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwCustomDomainMappingRule reports custom domains that no base path or
// API mapping of the configuration serves: API Gateway has no API to send
// their calls to.
type ApigwCustomDomainMappingRule struct {
	tflint.DefaultRule
}

// NewApigwCustomDomainMappingRule returns the rule.
func NewApigwCustomDomainMappingRule() *ApigwCustomDomainMappingRule {
	return &ApigwCustomDomainMappingRule{}
}

func (r *ApigwCustomDomainMappingRule) Name() string              { return "apigw_custom_domain_mapping" }
func (r *ApigwCustomDomainMappingRule) Enabled() bool             { return true }
func (r *ApigwCustomDomainMappingRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *ApigwCustomDomainMappingRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports each custom domain without a mapping, where the
// configuration shows it is meant to be called: a Route 53 record points at
// it, or the folder is applied on its own. A mapping may still live in
// another stack, which the message says.
func (r *ApigwCustomDomainMappingRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	return apigw.Visit(g.CustomDomains(), func(d *apigw.Node) error {
		if g.NeverExists(d) || !(g.InDNS(d) || g.DeployableRoot()) {
			return nil
		}
		if mapped, known := g.CustomDomainMapped(d); mapped || !known {
			return nil
		}
		kind := "base path mapping (aws_api_gateway_base_path_mapping) or API mapping (aws_apigatewayv2_api_mapping)"
		if d.Type == apigw.V2DomainName {
			kind = "API mapping (aws_apigatewayv2_api_mapping)"
		}
		msg := fmt.Sprintf("%s has no %s in this configuration: unless the mapping lives in another stack, every call to the domain answers %s, which has no API to send it to", domainLabel(g, d), kind, gatewayForbidden)
		return runner.EmitIssue(r, msg, d.Block.DefRange)
	})
}

// domainLabel names a custom domain: its address, with its name when known.
func domainLabel(g *apigw.Graph, d *apigw.Node) string {
	if name, ok := g.String(d.Attr("domain_name")); ok && name != "" {
		return fmt.Sprintf("%s (%s)", d.Address(), name)
	}
	return d.Address()
}
