package apigw

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

// EndpointService returns the AWS service a VPC endpoint connects to, the
// last label of its service_name: "execute-api", "s3", "dynamodb". It reads
// a known string, the literal tail of a template
// ("com.amazonaws.${var.region}.s3"), or a data.aws_vpc_endpoint_service.
// known is false otherwise.
func (g *Graph) EndpointService(vpce *Node) (service string, known bool) {
	attr := vpce.Attr("service_name")
	if vpce.Type != VPCEndpoint || attr == nil {
		return "", false
	}
	if s, ok := g.String(attr); ok {
		return lastLabel(s)
	}
	if ds := g.Resolve(attr.Expr); ds != nil && ds.Kind() == EndpointServiceD {
		if s, ok := g.String(ds.Attr("service")); ok && s != "" {
			return s, true
		}
		if s, ok := g.String(ds.Attr("service_name")); ok {
			return lastLabel(s)
		}
		return "", false
	}
	text := g.sourceText(attr.Expr.Range())
	if !strings.HasPrefix(text, `"`) || !strings.HasSuffix(text, `"`) {
		return "", false
	}
	text = strings.TrimSuffix(text, `"`)
	dot := strings.LastIndexByte(text, '.')
	if dot < 0 || strings.LastIndexByte(text, '}') > dot {
		return "", false // the last label is interpolated
	}
	return lastLabel(text)
}

func lastLabel(s string) (string, bool) {
	dot := strings.LastIndexByte(s, '.')
	if dot < 0 || dot == len(s)-1 {
		return "", false
	}
	return s[dot+1:], true
}

// EndpointIn returns the VPC endpoint of the module a policy string is
// exactly the id of: "${aws_vpc_endpoint.s3.id}" or aws_vpc_endpoint.s3.id.
func (g *Graph) EndpointIn(s partial.String) *Node {
	if len(s.Parts) != 1 || !s.Parts[0].Hole || s.Parts[0].Ref == "" {
		return nil
	}
	t, diags := hclsyntax.ParseTraversalAbs([]byte(s.Parts[0].Ref), "", hcl.InitialPos)
	if diags.HasErrors() {
		return nil
	}
	ref, ok := ParseRef(t)
	if !ok || ref.Data || ref.Type != VPCEndpoint || ref.Attr != "id" {
		return nil
	}
	return g.byAddr[ref.Address()]
}
