package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/hclfix"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/policy"
)

// ApigwIntegrationRoleTrustRule reports roles that integrations or
// authorizers make API Gateway assume, whose trust policy does not let
// API Gateway assume them.
type ApigwIntegrationRoleTrustRule struct {
	tflint.DefaultRule
}

// NewApigwIntegrationRoleTrustRule returns the rule.
func NewApigwIntegrationRoleTrustRule() *ApigwIntegrationRoleTrustRule {
	return &ApigwIntegrationRoleTrustRule{}
}

func (r *ApigwIntegrationRoleTrustRule) Name() string              { return "apigw_integration_role_trust" }
func (r *ApigwIntegrationRoleTrustRule) Enabled() bool             { return true }
func (r *ApigwIntegrationRoleTrustRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwIntegrationRoleTrustRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports each role, once, whose trust policy proves that
// apigateway.amazonaws.com may not assume it. The fix adds the service to
// the trusted services of the policy's one service statement.
func (r *ApigwIntegrationRoleTrustRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	var roles []*apigw.Node
	usesOf := map[*apigw.Node][]*apigw.Node{}
	for _, u := range g.RoleUses() {
		if usesOf[u.Role] == nil {
			roles = append(roles, u.Role)
		}
		usesOf[u.Role] = append(usesOf[u.Role], u.Node)
	}
	for _, role := range roles {
		trust := g.TrustOf(role)
		if trust.Policy.AssumableBy(apigw.APIGatewayService) != policy.No {
			continue
		}
		services, fixable := g.TrustedServices(trust)
		fixable = fixable && role.Source().CanEdit() && (trust.Document == nil || trust.Document.Source().CanEdit())
		msg := fmt.Sprintf("%s, the credentials of %s, does not trust %s: API Gateway cannot assume it and %s", role.Address(), joinNames(addresses(usesOf[role]), 2), apigw.APIGatewayService, roleSymptom(usesOf[role]))
		if fixable {
			msg += "; the fix adds " + apigw.APIGatewayService + " to the services the role trusts, which lets API Gateway assume it"
		}
		rng := role.Block.DefRange
		if trust.Attr != nil {
			rng = trust.Attr.Range
		}
		err := runner.EmitIssueWithFix(r, msg, rng, func(f tflint.Fixer) error {
			if !fixable {
				return tflint.ErrFixNotSupported
			}
			return trustService(f, g, services)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// trustService adds API Gateway to a string or list of service principals.
func trustService(f tflint.Fixer, g *apigw.Graph, services hclsyntax.Expression) error {
	entry := fmt.Sprintf("%q", apigw.APIGatewayService)
	src := g.File(services.Range().Filename)
	if src == nil {
		return tflint.ErrFixNotSupported
	}
	if list, ok := services.(*hclsyntax.TupleConsExpr); ok {
		rng := list.Range()
		if n := len(list.Exprs); n > 0 && rng.Start.Line == rng.End.Line && src.Bytes[rng.End.Byte-1] == ']' {
			// A one-line list of principals stays on one line.
			last := list.Exprs[n-1].Range()
			if strings.TrimSpace(string(src.Bytes[last.End.Byte:rng.End.Byte-1])) == "" {
				return f.InsertTextAfter(last, ", "+entry)
			}
		}
		return hclfix.AppendToList(f, src.Bytes, list, []string{entry})
	}
	if len(services.Variables()) > 0 {
		return tflint.ErrFixNotSupported
	}
	return f.ReplaceText(services.Range(), "["+g.Text(services)+", "+entry+"]")
}

// roleSymptom says what callers get: a REST authorizer's role failure is
// an authorizer configuration error, the others an internal error.
func roleSymptom(uses []*apigw.Node) string {
	for _, n := range uses {
		if n.Type == apigw.Authorizer {
			return "callers get 500 with x-amzn-ErrorType AuthorizerConfigurationException"
		}
	}
	for _, n := range uses {
		if n.Type == apigw.Integration {
			return `callers get 500 Internal server error ("Invalid permissions on IAM role" in the execution log)`
		}
	}
	return "callers get 500 Internal Server Error"
}
