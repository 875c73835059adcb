package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/hclfix"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/policy"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/ref"
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
// through its VPC endpoints when it lists them. In a module call it reports
// at the caller's argument that makes the API private.
func (r *ApigwPrivateAPIPolicyRule) Check(runner tflint.Runner) error {
	g, err := apigw.LoadForCall(runner)
	if g == nil {
		return err
	}
	for _, n := range g.Resources(apigw.RestAPI) {
		// Endpoint types first: reading a body may need the host.
		if g.NeverExists(n) || g.IsPrivate(n.API) != policy.Yes {
			continue
		}
		if docs, known := g.Policies(n.API); !known || len(docs) > 0 || g.CallerMayAdd(n, apigw.RestAPIPolicy) {
			continue
		}
		conf := n.Blocks("endpoint_configuration")[0]
		types := conf.Body.Attributes["types"]
		rng := conf.DefRange
		if types != nil {
			rng = types.Range
		}
		err := emitFixableFinding(runner, r, g, finding{
			Message:  fmt.Sprintf("%s is a PRIVATE API without a resource policy: API Gateway denies every call to it with %s; allow execute-api:Invoke in a resource policy with an aws:SourceVpce condition that names the VPC endpoints", n.Address(), anonymousDenied),
			Range:    rng,
			Deciders: []hcl.Expression{exprOf(types)},
			Effect:   fmt.Sprintf("makes %s a PRIVATE API, and the module writes no resource policy: API Gateway denies every call to it with %s", n.Address(), anonymousDenied),
		}, r.fix(g, n, conf))
		if err != nil {
			return err
		}
	}
	return nil
}

// fix adds the policy after the API.
func (r *ApigwPrivateAPIPolicyRule) fix(g *apigw.Graph, n *apigw.Node, conf *hclext.Block) func(tflint.Fixer) error {
	return func(f tflint.Fixer) error {
		if !n.Source().CanEditOne() || g.Lookup(apigw.RestAPIPolicy+"."+n.Name) != nil {
			return tflint.ErrFixNotSupported
		}
		vpce, ok := vpceText(g, conf)
		if !ok || vpce == "" {
			// No endpoint to name: a policy without the condition
			// would let every VPC endpoint of every account in.
			return tflint.ErrFixNotSupported
		}
		return hclfix.InsertAfterBlock(f, n.Syntax, hclfix.PrivatePolicyResource(n.Name, n.Address(), vpce))
	}
}

// vpceText is the source of the VPC endpoint ids for the policy's
// condition: the API's vpc_endpoint_ids, else the configuration's
// execute-api endpoints; "" when there is none to name. ok is false when
// the expression cannot be copied into another resource.
func vpceText(g *apigw.Graph, conf *hclext.Block) (string, bool) {
	attr := conf.Body.Attributes["vpc_endpoint_ids"]
	if v, known := g.Value(attr); !g.IsSet(attr) || (known && v.CanIterateElements() && v.LengthInt() == 0) {
		return endpointsText(g.ExecuteAPIEndpoints()), true
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

// endpointsText renders a list of the endpoints' ids: [a.id], a[*].id, or
// flatten([...]) for several.
func endpointsText(endpoints []*apigw.Node) string {
	refs := make([]string, len(endpoints))
	for i, e := range endpoints {
		refs[i] = e.Reference("id")
	}
	switch {
	case len(refs) == 0:
		return ""
	case len(refs) == 1 && endpoints[0].Expansion != ref.Single:
		return refs[0]
	case len(refs) == 1:
		return "[" + refs[0] + "]"
	}
	return "flatten([" + strings.Join(refs, ", ") + "])"
}
