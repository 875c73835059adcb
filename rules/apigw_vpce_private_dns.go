package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwVpcePrivateDNSRule reports execute-api interface endpoints with
// private DNS in a configuration that also has public APIs: calls to those
// from the endpoint's VPC go to the endpoint and are refused.
type ApigwVpcePrivateDNSRule struct {
	tflint.DefaultRule
}

// NewApigwVpcePrivateDNSRule returns the rule.
func NewApigwVpcePrivateDNSRule() *ApigwVpcePrivateDNSRule {
	return &ApigwVpcePrivateDNSRule{}
}

func (r *ApigwVpcePrivateDNSRule) Name() string              { return "apigw_vpce_private_dns" }
func (r *ApigwVpcePrivateDNSRule) Enabled() bool             { return true }
func (r *ApigwVpcePrivateDNSRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *ApigwVpcePrivateDNSRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports each execute-api endpoint with private DNS on, naming the
// APIs of the module whose endpoint type is known to be EDGE or REGIONAL.
func (r *ApigwVpcePrivateDNSRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	var public []string
	for _, api := range g.APIs() {
		if api.Node != nil && !g.NeverExists(api.Node) && g.IsPublic(api.Node) {
			public = append(public, api.Node.Address())
		}
	}
	if len(public) == 0 {
		return nil
	}
	names := commaNames(public, 3)
	for _, vpce := range g.Resources(apigw.VPCEndpoint) {
		if g.NeverExists(vpce) || !g.PrivateDNSExecuteAPI(vpce) {
			continue
		}
		msg := fmt.Sprintf("%s is an execute-api interface endpoint with private DNS: inside its VPC every *.execute-api name resolves to it, and it serves private APIs only, so calls from that VPC to the public %s answer 403 Forbidden", vpce.Address(), names)
		if err := runner.EmitIssue(r, msg, vpce.Attr("private_dns_enabled").Range); err != nil {
			return err
		}
	}
	return nil
}
