package rules

import (
	"fmt"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/policy"
)

// ApigwPrivateVpceMismatchRule reports Allow statements of a PRIVATE API
// whose aws:SourceVpce values are all VPC endpoints of other services: no
// call to the API can come through them.
type ApigwPrivateVpceMismatchRule struct {
	tflint.DefaultRule
}

// NewApigwPrivateVpceMismatchRule returns the rule.
func NewApigwPrivateVpceMismatchRule() *ApigwPrivateVpceMismatchRule {
	return &ApigwPrivateVpceMismatchRule{}
}

func (r *ApigwPrivateVpceMismatchRule) Name() string              { return "apigw_private_vpce_mismatch" }
func (r *ApigwPrivateVpceMismatchRule) Enabled() bool             { return true }
func (r *ApigwPrivateVpceMismatchRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwPrivateVpceMismatchRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports the condition when every value is the id of an
// aws_vpc_endpoint of this configuration whose service is known and is not
// execute-api (an S3 or DynamoDB gateway endpoint, say).
func (r *ApigwPrivateVpceMismatchRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, n := range g.Resources(apigw.RestAPI) {
		if g.IsPrivate(n.API) != policy.Yes {
			continue
		}
		docs, _ := g.Policies(n.API)
		for _, doc := range docs {
			for i := range doc.Policy.Statements {
				s := &doc.Policy.Statements[i]
				if s.IsAllow() != policy.Yes || s.Grants(invokeAction) == policy.No {
					continue
				}
				for _, c := range s.ConditionsOn("aws:SourceVpce") {
					others, ok := otherServiceEndpoints(g, c)
					if !ok {
						continue
					}
					msg := fmt.Sprintf("%s allows %s only through %s, not an execute-api endpoint: no call to the PRIVATE %s comes through it, so callers get %s", statementLabel(doc, s, i), invokeAction, joinNames(others, 3), n.Address(), anonymousDenied)
					rng := doc.Range()
					if c.Range.Filename != "" {
						rng = c.Range
					}
					if err := runner.EmitIssue(r, msg, rng); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

// otherServiceEndpoints names the endpoints of a positive aws:SourceVpce
// test when every value is a VPC endpoint of the module for a service other
// than execute-api.
func otherServiceEndpoints(g *apigw.Graph, c policy.Condition) ([]string, bool) {
	switch strings.TrimPrefix(c.Operator, "ForAnyValue:") {
	case "StringEquals", "StringEqualsIgnoreCase", "StringLike":
	default:
		return nil, false
	}
	// An unknown element leaves a list unknown; one reference is the whole
	// value only when it spans the condition's value.
	if len(c.Values) == 0 || (!c.Known && (len(c.Values) != 1 || c.Values[0].Range != c.Range)) {
		return nil, false
	}
	var names []string
	for _, v := range c.Values {
		vpce := g.EndpointIn(v)
		if vpce == nil || g.NeverExists(vpce) {
			return nil, false
		}
		service, known := g.EndpointService(vpce)
		if !known || service == "execute-api" {
			return nil, false
		}
		names = append(names, fmt.Sprintf("%s (service %s)", vpce.Address(), service))
	}
	return names, true
}
