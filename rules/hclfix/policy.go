package hclfix

import "strings"

// PrivatePolicyResource renders an aws_api_gateway_rest_api_policy that lets
// anyone invoke every method of a private API, through the VPC endpoints
// vpceExpr lists when it is not "":
//
//	resource "aws_api_gateway_rest_api_policy" "NAME" {
//	  rest_api_id = API.id
//	  policy = jsonencode({ ... Allow execute-api:Invoke on "${API.execution_arn}/*" ... })
//	}
func PrivatePolicyResource(name, apiAddress, vpceExpr string) string {
	var b strings.Builder
	b.WriteString(`resource "aws_api_gateway_rest_api_policy" "` + name + "\" {\n")
	b.WriteString("rest_api_id = " + apiAddress + ".id\n")
	b.WriteString("policy = jsonencode({\n")
	b.WriteString("Version = \"2012-10-17\"\n")
	b.WriteString("Statement = [{\n")
	b.WriteString("Effect = \"Allow\"\n")
	b.WriteString("Principal = \"*\"\n")
	b.WriteString("Action = \"execute-api:Invoke\"\n")
	b.WriteString("Resource = \"${" + apiAddress + ".execution_arn}/*\"\n")
	if vpceExpr != "" {
		b.WriteString("Condition = {\n")
		b.WriteString("StringEquals = {\n")
		b.WriteString("\"aws:SourceVpce\" = " + vpceExpr + "\n")
		b.WriteString("}\n}\n")
	}
	b.WriteString("}]\n")
	b.WriteString("})\n")
	b.WriteString("}")
	return b.String()
}
