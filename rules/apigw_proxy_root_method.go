package rules

import (
	"fmt"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/hclfix"
)

// ApigwProxyRootMethodRule reports `{proxy+}` resources under the root of a
// REST API that has no method on the root itself.
type ApigwProxyRootMethodRule struct {
	tflint.DefaultRule
}

// NewApigwProxyRootMethodRule returns the rule.
func NewApigwProxyRootMethodRule() *ApigwProxyRootMethodRule {
	return &ApigwProxyRootMethodRule{}
}

func (r *ApigwProxyRootMethodRule) Name() string              { return "apigw_proxy_root_method" }
func (r *ApigwProxyRootMethodRule) Enabled() bool             { return true }
func (r *ApigwProxyRootMethodRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *ApigwProxyRootMethodRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports each rootless proxy. The fix copies the proxy's one method
// and its integration onto root_resource_id, without the proxy path
// parameter, right after the proxy's integration.
func (r *ApigwProxyRootMethodRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, api := range g.APIs() {
		if m, ok := api.RootlessBodyProxy(); ok && !g.NeverExists(api.Node) {
			msg := fmt.Sprintf("%s matches every path below the root of %s, but not the root itself, which has no method in the spec: GET /<stage>/ answers 403 Missing Authentication Token", m.Location, api.Key)
			if err := runner.EmitIssue(r, msg, m.Range); err != nil {
				return err
			}
		}
	}
	for _, p := range g.RootlessProxies() {
		msg := fmt.Sprintf("%s ({proxy+}) matches every path below the root of %s, but not the root itself, which has no method: GET /<stage>/ answers 403 Missing Authentication Token", p.Resource.Address(), p.API.Key)
		rng := p.Resource.Block.DefRange
		if attr := p.Resource.Attr("path_part"); attr != nil {
			rng = attr.Range
		}
		err := runner.EmitIssueWithFix(r, msg, rng, func(f tflint.Fixer) error {
			if len(p.Methods) != 1 || p.Integrations[0] == nil {
				return tflint.ErrFixNotSupported
			}
			method, integ := p.Methods[0], p.Integrations[0]
			for _, n := range []*apigw.Node{method, integ, p.API.Node} {
				if !n.Source().CanEditOne() {
					return tflint.ErrFixNotSupported
				}
			}
			if strings.Contains(integ.Source().ArgumentText("uri"), "{proxy") {
				return tflint.ErrFixNotSupported // an HTTP backend path built from the proxy parameter
			}
			root := p.API.Node.Reference("root_resource_id")
			methodCopy := hclfix.BlockCopy{Name: g.FreeName(apigw.Method, method.Name+"_root"), Replace: map[string]string{"resource_id": root}, Drop: proxyOnly(method.Source())}
			integCopy := hclfix.BlockCopy{Name: g.FreeName(apigw.Integration, integ.Name+"_root"), Replace: map[string]string{"resource_id": root}, Drop: proxyOnly(integ.Source())}
			if in, _ := g.IntegrationOf(integ); in.HTTPMethod().Target() == method {
				integCopy.Replace["http_method"] = apigw.Method + "." + methodCopy.Name + ".http_method"
			}
			m, ok1 := methodCopy.Copy(g.File(method.Filename()).Bytes, method.Syntax)
			i, ok2 := integCopy.Copy(g.File(integ.Filename()).Bytes, integ.Syntax)
			if !ok1 || !ok2 {
				return tflint.ErrFixNotSupported
			}
			return hclfix.InsertAfterBlock(f, integ.Syntax, m+"\n\n"+i)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// proxyOnly lists the parameter attributes of a block that name the proxy
// path parameter: the root resource has none, so the copy leaves them out.
func proxyOnly(src apigw.Source) []string {
	var out []string
	for _, name := range []string{"request_parameters", "cache_key_parameters"} {
		if strings.Contains(src.ArgumentText(name), "proxy") {
			out = append(out, name)
		}
	}
	return out
}
