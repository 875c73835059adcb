package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/hclfix"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/policy"
)

// ApigwPrivateAPIPolicyRule reports PRIVATE REST APIs without a resource
// policy: API Gateway denies every call to them.
type ApigwPrivateAPIPolicyRule struct {
	tflint.DefaultRule
}

// NewApigwPrivateAPIPolicyRule returns the rule.
func NewApigwPrivateAPIPolicyRule() *ApigwPrivateAPIPolicyRule {
	return &ApigwPrivateAPIPolicyRule{}
}

func (r *ApigwPrivateAPIPolicyRule) Name() string              { return "apigw_private_api_policy" }
func (r *ApigwPrivateAPIPolicyRule) Enabled() bool             { return true }
func (r *ApigwPrivateAPIPolicyRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwPrivateAPIPolicyRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports private APIs with no policy at all. The fix adds an
// aws_api_gateway_rest_api_policy after the API that allows invoking it,
// through its VPC endpoints when it lists them.
func (r *ApigwPrivateAPIPolicyRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, n := range g.Resources(apigw.RestAPI) {
		// Endpoint types first: reading a body may need the host.
		if g.IsPrivate(n.API) != policy.Yes {
			continue
		}
		if docs, known := g.Policies(n.API); !known || len(docs) > 0 {
			continue
		}
		conf := n.Blocks("endpoint_configuration")[0]
		rng := conf.DefRange
		if types := conf.Body.Attributes["types"]; types != nil {
			rng = types.Range
		}
		msg := fmt.Sprintf("%s is a PRIVATE API without a resource policy: API Gateway denies every call to it with %s", n.Address(), anonymousDenied)
		err := runner.EmitIssueWithFix(r, msg, rng, func(f tflint.Fixer) error {
			if !n.Source().CanEditOne() || g.Lookup(apigw.RestAPIPolicy+"."+n.Name) != nil {
				return tflint.ErrFixNotSupported
			}
			vpce, ok := vpceText(g, conf)
			if !ok {
				return tflint.ErrFixNotSupported
			}
			return hclfix.InsertAfterBlock(f, n.Syntax, hclfix.PrivatePolicyResource(n.Name, n.Address(), vpce))
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// vpceText is the source of the API's vpc_endpoint_ids for the policy's
// condition; "" when the API lists none. ok is false when the expression
// cannot be copied into another resource.
func vpceText(g *apigw.Graph, conf *hclext.Block) (string, bool) {
	attr := conf.Body.Attributes["vpc_endpoint_ids"]
	if !g.IsSet(attr) {
		return "", true
	}
	if v, known := g.Value(attr); known && v.CanIterateElements() && v.LengthInt() == 0 {
		return "", true
	}
	for _, t := range attr.Expr.Variables() {
		switch t.RootName() {
		case "count", "each", "self":
			return "", false
		}
	}
	text := g.Text(attr.Expr)
	return text, text != ""
}
