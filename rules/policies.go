package rules

// Shared by the policy rules: the responses a denied call gets, the walk
// over every REST API with its policies, and how messages name a statement.

import (
	"fmt"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/policy"
)

// anonymousDenied is the response body of a request no Allow matches.
const anonymousDenied = `403 AccessDeniedException "User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:..."`

// explicitDeny is the response body of a request a Deny matches.
const explicitDeny = `403 AccessDeniedException "User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:... with an explicit deny"`

// invokeAction is the action API Gateway authorizes every call with.
const invokeAction = policy.InvokeAction

// restAPIsWithPolicies calls fn for every REST API declared in the module
// with the policies the model can see on it.
func restAPIsWithPolicies(g *apigw.Graph, fn func(api *apigw.API, docs []*apigw.PolicyDoc, known bool) error) error {
	for _, n := range g.Resources(apigw.RestAPI) {
		docs, known := g.Policies(n.API)
		if err := fn(n.API, docs, known); err != nil {
			return err
		}
	}
	return nil
}

// statementLabel names a statement of a policy: its Sid, else its position.
func statementLabel(doc *apigw.PolicyDoc, s *policy.Statement, i int) string {
	if s.Sid != "" {
		return fmt.Sprintf("statement %q of %s", s.Sid, doc.Label())
	}
	return fmt.Sprintf("statement %d of %s", i+1, doc.Label())
}
