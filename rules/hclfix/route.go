package hclfix

import (
	"strings"

	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// OpenRoute is an aws_apigatewayv2_route a fix adds that admits every
// caller (authorization_type = "NONE") and sends them to a target.
type OpenRoute struct {
	Name string
	// Meta is a count or for_each line, "" for a single resource.
	Meta string
	// APIID and Target are expressions, written as given; RouteKey is a
	// value, quoted here.
	APIID    string
	RouteKey string
	Target   string
}

// Text renders the resource, unindented: formatting indents and aligns it.
func (r OpenRoute) Text() string {
	var b strings.Builder
	b.WriteString(`resource "aws_apigatewayv2_route" "` + r.Name + "\" {\n")
	if r.Meta != "" {
		b.WriteString(r.Meta + "\n\n")
	}
	b.WriteString("api_id = " + r.APIID + "\n")
	b.WriteString("route_key = " + string(hclwrite.TokensForValue(cty.StringVal(r.RouteKey)).Bytes()) + "\n")
	b.WriteString("authorization_type = \"NONE\"\n")
	b.WriteString("target = " + r.Target + "\n")
	b.WriteString("}")
	return b.String()
}
