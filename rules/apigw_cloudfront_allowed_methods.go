package rules

import (
	"fmt"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwCloudfrontAllowedMethodsRule reports API origins that no cache
// behaviour lets a method through that the API serves.
type ApigwCloudfrontAllowedMethodsRule struct {
	tflint.DefaultRule
}

// NewApigwCloudfrontAllowedMethodsRule returns the rule.
func NewApigwCloudfrontAllowedMethodsRule() *ApigwCloudfrontAllowedMethodsRule {
	return &ApigwCloudfrontAllowedMethodsRule{}
}

func (r *ApigwCloudfrontAllowedMethodsRule) Name() string              { return "apigw_cloudfront_allowed_methods" }
func (r *ApigwCloudfrontAllowedMethodsRule) Enabled() bool             { return true }
func (r *ApigwCloudfrontAllowedMethodsRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwCloudfrontAllowedMethodsRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports, for an origin that is a declared API's execute-api host,
// the behaviours towards it when none of them allows a method the API
// serves: that method can never pass the distribution. The fix writes the
// seven-method list.
func (r *ApigwCloudfrontAllowedMethodsRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, d := range g.Distributions() {
		if d.DynamicBehaviors {
			continue // a behaviour the model cannot see may allow them
		}
		for _, o := range d.APIOrigins() {
			if o.Host.API == nil {
				continue
			}
			blocked := blockedMethods(g, o.Host.API, d.BehaviorsFor(o))
			if len(blocked) == 0 {
				continue
			}
			for _, b := range d.BehaviorsFor(o) {
				attr := b.Block.Body.Attributes["allowed_methods"]
				allowed, _ := g.AllowedMethods(b)
				msg := fmt.Sprintf("%s's %s allows only %s to %s, which serves %s: CloudFront answers those requests itself with its own 403 page (\"This distribution is not configured to allow the HTTP request method that was used for this request\") and API Gateway never sees them", d.Node.Address(), b.Label(), strings.Join(allowed, ", "), o.Label(), joinNames(blocked, 0))
				err := runner.EmitIssueWithFix(r, msg, attr.Range, func(f tflint.Fixer) error {
					if !d.Node.Source().CanEdit() {
						return tflint.ErrFixNotSupported
					}
					return f.ReplaceText(attr.Expr.Range(), `["`+strings.Join(apigw.CloudFrontAllMethods, `", "`)+`"]`)
				})
				if err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// blockedMethods are the methods the API serves that no behaviour allows;
// nil when a behaviour's allowed_methods are not known.
func blockedMethods(g *apigw.Graph, api *apigw.API, behaviors []*apigw.Behavior) []string {
	allowed := map[string]bool{}
	for _, b := range behaviors {
		methods, known := g.AllowedMethods(b)
		if !known || b.Block.Body.Attributes["allowed_methods"] == nil {
			return nil
		}
		for _, m := range methods {
			allowed[strings.ToUpper(m)] = true
		}
	}
	served, all := g.ServedMethods(api)
	if all {
		served = apigw.CloudFrontAllMethods
	}
	var blocked []string
	for _, m := range served {
		if !allowed[m] {
			blocked = append(blocked, m)
		}
	}
	return blocked
}
