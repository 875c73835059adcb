package hclfix

import "strings"

// LambdaPermission is an aws_lambda_permission resource a fix adds so that
// API Gateway may invoke a function.
type LambdaPermission struct {
	Name        string
	StatementID string
	// Function is the reference written as function_name, Qualifier the one
	// written as qualifier ("" for none).
	Function  string
	Qualifier string
	// ExecutionARN is a reference to the API's execution_arn.
	ExecutionARN string
}

// Text renders the resource, unindented (formatting aligns it).
func (p LambdaPermission) Text() string {
	var b strings.Builder
	b.WriteString(`resource "aws_lambda_permission" "` + p.Name + "\" {\n")
	b.WriteString(`statement_id = "` + p.StatementID + "\"\n")
	b.WriteString("action = \"lambda:InvokeFunction\"\n")
	b.WriteString("function_name = " + p.Function + "\n")
	if p.Qualifier != "" {
		b.WriteString("qualifier = " + p.Qualifier + "\n")
	}
	b.WriteString("principal = \"apigateway.amazonaws.com\"\n")
	b.WriteString("source_arn = " + SourceARNAll(p.ExecutionARN) + "\n")
	b.WriteString("}")
	return b.String()
}

// SourceARNAll is the source_arn that covers every stage, method and path
// of an API, and its authorizers: "${<execution_arn>}/*/*".
func SourceARNAll(executionARN string) string {
	return `"${` + executionARN + `}/*/*"`
}
