package hclfix

import "strings"

// GatewayResponse describes a generated aws_api_gateway_gateway_response
// that sends Access-Control-Allow-Origin with API Gateway's own errors.
type GatewayResponse struct {
	Name string
	// Meta is a count or for_each line, "" for a single resource.
	Meta string
	// RestAPIID and Origin are expressions, written as given.
	RestAPIID    string
	ResponseType string
	Origin       string
}

// Text renders the resource, unindented: formatting indents and aligns it.
func (r GatewayResponse) Text() string {
	var b strings.Builder
	b.WriteString(`resource "aws_api_gateway_gateway_response" "` + r.Name + "\" {\n")
	if r.Meta != "" {
		b.WriteString(r.Meta + "\n\n")
	}
	b.WriteString("rest_api_id = " + r.RestAPIID + "\n")
	b.WriteString(`response_type = "` + r.ResponseType + "\"\n\n")
	b.WriteString("response_parameters = {\n")
	b.WriteString(`"gatewayresponse.header.Access-Control-Allow-Origin" = ` + r.Origin + "\n}\n}")
	return b.String()
}
