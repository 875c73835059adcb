package hclfix

import "strings"

// MethodSettings describes a generated aws_api_gateway_method_settings
// resource that turns execution logging on for every method of a stage.
type MethodSettings struct {
	Name string
	// Meta is a count or for_each line, "" for a single resource.
	Meta string
	// RestAPIID and StageName are expressions, written as given.
	RestAPIID string
	StageName string
}

// Text renders the resource, unindented: formatting indents and aligns it.
func (m MethodSettings) Text() string {
	var b strings.Builder
	b.WriteString(`resource "aws_api_gateway_method_settings" "` + m.Name + "\" {\n")
	if m.Meta != "" {
		b.WriteString(m.Meta + "\n\n")
	}
	b.WriteString("rest_api_id = " + m.RestAPIID + "\n")
	b.WriteString("stage_name = " + m.StageName + "\n")
	b.WriteString("method_path = \"*/*\"\n\n")
	b.WriteString("settings {\nlogging_level = \"INFO\"\nmetrics_enabled = true\n}\n}")
	return b.String()
}
