package apigw

import (
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

// servicePattern reads the service of an API Gateway service ARN,
// arn:aws:apigateway:<region>:<subdomain.>service:<path|action>/...
var servicePattern = regexp.MustCompile(`^arn:[^:]*:apigateway:[^:]*:([^:]+):`)

// IntegrationService returns the AWS service an AWS (service) integration
// calls: "lambda", "sqs", "states"..., or ("", false) when the URI does not
// fix it.
func (g *Graph) IntegrationService(n *Node) (string, bool) {
	attr := n.Attr("uri")
	if n.Type == V2Integration {
		attr = n.Attr("integration_uri")
	}
	if attr == nil {
		return "", false
	}
	return g.serviceOf(attr.Expr)
}

// serviceOf reads the service of an integration URI expression.
func (g *Graph) serviceOf(expr hcl.Expression) (string, bool) {
	if expr == nil {
		return "", false
	}
	s, ok := g.template(expr)
	if !ok {
		return "", false
	}
	// Holes become markers, which hold no ':': a hole in the service
	// leaves it unknown.
	text, _ := g.resolved(s).Marked()
	m := servicePattern.FindStringSubmatch(text)
	if m == nil || partial.HasMarker(m[1]) {
		return "", false
	}
	service := m[1]
	if i := strings.LastIndexByte(service, '.'); i >= 0 {
		service = service[i+1:]
	}
	return service, service != ""
}
