package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwCustomDomainDNSRule reports Route 53 records that point a name at
// an API's default execute-api host instead of a custom domain, or at the
// wrong attributes of a custom domain for its endpoint type.
type ApigwCustomDomainDNSRule struct {
	tflint.DefaultRule
}

// NewApigwCustomDomainDNSRule returns the rule.
func NewApigwCustomDomainDNSRule() *ApigwCustomDomainDNSRule {
	return &ApigwCustomDomainDNSRule{}
}

func (r *ApigwCustomDomainDNSRule) Name() string              { return "apigw_custom_domain_dns" }
func (r *ApigwCustomDomainDNSRule) Enabled() bool             { return true }
func (r *ApigwCustomDomainDNSRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwCustomDomainDNSRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reads each record's alias, or each entry of a CNAME's records. The
// fix writes the custom domain's right attribute pair: for an execute-api
// host, that of the one domain of the configuration with the record's name
// mapped to the API.
func (r *ApigwCustomDomainDNSRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	return apigw.Visit(g.Resources(apigw.Route53Record), func(rec *apigw.Node) error {
		if g.NeverExists(rec) {
			return nil
		}
		for _, t := range g.DNSTargets(rec) {
			if err := r.checkTarget(runner, g, rec, t); err != nil {
				return err
			}
		}
		return nil
	})
}

func (r *ApigwCustomDomainDNSRule) checkTarget(runner tflint.Runner, g *apigw.Graph, rec *apigw.Node, t apigw.DNSTarget) error {
	host := g.HostOf(t.Expr)
	switch host.Kind {
	case apigw.HostExecuteAPI:
		if name := rec.Attr("name"); name != nil && g.HostOf(name.Expr).Kind == apigw.HostExecuteAPI {
			return nil // a private zone that answers for the execute-api name itself
		}
		what, domain := "an execute-api host", (*apigw.Node)(nil)
		if host.API != nil {
			what = "the execute-api host of " + host.API.Key
			domain = g.DomainServing(rec.Attr("name"), host.API)
		}
		msg := fmt.Sprintf("%s points its name at %s instead of an API Gateway custom domain: callers get the *.execute-api certificate, and API Gateway answers a name it does not serve with %s", rec.Address(), what, gatewayForbidden)
		return runner.EmitIssueWithFix(r, msg, t.Expr.Range(), func(f tflint.Fixer) error {
			return pointAtDomain(f, g, rec, t, domain, true, true)
		})
	case apigw.HostCustomDomain:
		p, ok := g.PointingAtDomain(t, host)
		if !ok || (p.NameOK && p.ZoneOK) {
			return nil
		}
		rng := t.Expr.Range()
		if p.NameOK {
			rng = t.Zone.Expr.Range() // only an alias has a zone to get wrong
		}
		msg := fmt.Sprintf("%s points its name at %s's %s, but the %s domain is served at %s with %s: Route 53 rejects the alias or resolves the name to nothing that serves it, so callers never reach API Gateway", rec.Address(), p.Domain.Address(), p.Used, p.Want.Endpoint, p.Want.Name, p.Want.Zone)
		return runner.EmitIssueWithFix(r, msg, rng, func(f tflint.Fixer) error {
			if !p.Plain {
				return tflint.ErrFixNotSupported
			}
			return pointAtDomain(f, g, rec, t, p.Domain, !p.NameOK, !p.ZoneOK)
		})
	}
	return nil
}

// pointAtDomain rewrites a record's target (and, for an alias, its zone)
// to the domain's right attribute pair.
func pointAtDomain(f tflint.Fixer, g *apigw.Graph, rec *apigw.Node, t apigw.DNSTarget, domain *apigw.Node, name, zone bool) error {
	if domain == nil || !rec.Source().CanEdit() || !domain.Source().Single() {
		return tflint.ErrFixNotSupported
	}
	want, known := g.DomainTarget(domain)
	if !known {
		return tflint.ErrFixNotSupported
	}
	if name {
		if err := f.ReplaceText(t.Expr.Range(), domain.Address()+"."+want.Name); err != nil {
			return err
		}
	}
	if !zone || t.Zone == nil {
		return nil
	}
	return f.ReplaceText(t.Zone.Expr.Range(), domain.Address()+"."+want.Zone)
}
