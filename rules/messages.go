package rules

import (
	"fmt"
	"strings"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// joinNames writes names the way messages list them: "a", "a and b",
// "a, b and c". With shown > 0 a longer list names its first shown
// entries and counts the rest ("a, b and 3 more"); a list one longer than
// shown is written whole, since "and 1 more" saves nothing.
func joinNames(names []string, shown int) string {
	if shown > 0 && len(names) > shown+1 {
		names = append(names[:shown:shown], fmt.Sprintf("%d more", len(names)-shown))
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// commaNames writes names separated by commas only, "a, b, c", the way
// messages list settings and stages; with shown > 0 a longer list names its
// first shown entries and counts the rest ("a, b, c and 2 more").
func commaNames(names []string, shown int) string {
	if shown > 0 && len(names) > shown {
		return fmt.Sprintf("%s and %d more", strings.Join(names[:shown], ", "), len(names)-shown)
	}
	return strings.Join(names, ", ")
}

// addresses lists the nodes' addresses.
func addresses(nodes []*apigw.Node) []string {
	out := make([]string, len(nodes))
	for i, n := range nodes {
		out[i] = n.Address()
	}
	return out
}

// invalidPermissions is what callers of a REST API get when API Gateway may
// not invoke the function (apigw_lambda_permission, its qualifier rule).
const invalidPermissions = `callers get 500 Internal server error ("Invalid permissions on Lambda function" in the execution log)`

// invalidPermissionsV2 is the same for HTTP/WebSocket APIs, which keep no
// execution log.
const invalidPermissionsV2 = `callers get 500 Internal Server Error`

// staleMessage joins why a deployment is not redeployed with what callers
// of the API then get.
func staleMessage(g *apigw.Graph, dep *apigw.Node, why string) string {
	symptom := "new and changed routes answer 403 Missing Authentication Token, and policy and authorizer changes stay unpublished,"
	if dep.Type == apigw.V2Deployment {
		symptom = "new routes answer 404 Not Found and changed ones keep their old behaviour"
		if dep.API.Protocol() == "WEBSOCKET" {
			symptom = "new and changed routes are not live"
		}
	}
	return fmt.Sprintf("%s %s: %s until someone redeploys by hand", dep.Address(), why, symptom)
}

// gatewayForbidden is what API Gateway answers a request it refuses before
// any method runs: no stage or mapping serves it, or mutual TLS fails.
const gatewayForbidden = `403 {"message":"Forbidden"} from API Gateway`
