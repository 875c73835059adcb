package apigw

import (
	"regexp"
	"strings"
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
	parts, ok := g.templateParts(attr.Expr)
	if !ok {
		return "", false
	}
	var text strings.Builder
	for _, p := range parts {
		s, known := g.partText(p)
		if !known {
			s = "\x00"
		}
		text.WriteString(s)
	}
	m := servicePattern.FindStringSubmatch(text.String())
	if m == nil || strings.Contains(m[1], "\x00") {
		return "", false
	}
	service := m[1]
	if i := strings.LastIndexByte(service, '.'); i >= 0 {
		service = service[i+1:]
	}
	return service, service != ""
}
