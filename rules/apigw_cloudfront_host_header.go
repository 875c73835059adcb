package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/hclfix"
)

// ApigwCloudfrontHostHeaderRule reports CloudFront cache behaviours that
// forward the viewer's Host header to an API's execute-api host.
type ApigwCloudfrontHostHeaderRule struct {
	tflint.DefaultRule
}

// NewApigwCloudfrontHostHeaderRule returns the rule.
func NewApigwCloudfrontHostHeaderRule() *ApigwCloudfrontHostHeaderRule {
	return &ApigwCloudfrontHostHeaderRule{}
}

func (r *ApigwCloudfrontHostHeaderRule) Name() string              { return "apigw_cloudfront_host_header" }
func (r *ApigwCloudfrontHostHeaderRule) Enabled() bool             { return true }
func (r *ApigwCloudfrontHostHeaderRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwCloudfrontHostHeaderRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports behaviours whose origin request policy or forwarded
// headers pass Host to an execute-api origin. The fix swaps a managed
// policy for AllViewerExceptHostHeader or drops Host from a header list.
func (r *ApigwCloudfrontHostHeaderRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, d := range g.Distributions() {
		for _, o := range d.APIOrigins() {
			for _, b := range d.BehaviorsFor(o) {
				fw, known := g.ForwardsHost(b)
				if !known || !fw.Forwards {
					continue
				}
				rng := b.Block.DefRange
				if attr := b.Block.Body.Attributes["origin_request_policy_id"]; attr != nil {
					rng = attr.Range
				} else if fw.Headers != nil {
					rng = fw.Headers.Range
				}
				msg := fmt.Sprintf("%s's %s forwards the viewer's Host header to %s through %s: API Gateway does not know the distribution's host name, so every request through it gets API Gateway's 403 {\"message\":\"Forbidden\"}, not a CloudFront error", d.Node.Address(), b.Label(), o.Label(), fw.Via)
				if err := runner.EmitIssueWithFix(r, msg, rng, func(f tflint.Fixer) error { return fixHostForwarding(f, g, d.Node, fw) }); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// fixHostForwarding swaps a managed policy id, or drops Host from a
// header list written as a literal list; a custom policy that forwards
// every header is left to the author.
func fixHostForwarding(f tflint.Fixer, g *apigw.Graph, dist *apigw.Node, fw apigw.HostForwarding) error {
	switch {
	case fw.Headers != nil:
		list, ok := fw.Headers.Expr.(*hclsyntax.TupleConsExpr)
		file := g.File(fw.Headers.Range.Filename)
		if !ok || file == nil || strings.HasSuffix(fw.Headers.Range.Filename, ".json") {
			return tflint.ErrFixNotSupported
		}
		isHost := func(e hclsyntax.Expression) bool {
			v, diags := e.Value(nil)
			return !diags.HasErrors() && v.Type() == cty.String && strings.EqualFold(v.AsString(), "host")
		}
		if fw.Policy != nil && len(list.Exprs) == 1 && isHost(list.Exprs[0]) {
			return tflint.ErrFixNotSupported // an empty whitelist is not valid
		}
		return hclfix.RemoveFromList(f, file.Bytes, list, isHost)
	case fw.PolicyID != nil && dist.Source().CanEdit():
		return f.ReplaceText(fw.PolicyID.Expr.Range(), `"`+apigw.ManagedAllViewerExceptHost+`"`)
	}
	return tflint.ErrFixNotSupported
}
