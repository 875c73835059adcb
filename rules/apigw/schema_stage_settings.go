package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// stageSettingsSchemas are the stage settings the throttling and access-log
// rules read: throttling limits of HTTP/WebSocket stages and REST method
// settings, and access log formats.
var stageSettingsSchemas = map[string]*hclext.BodySchema{
	Stage: schema([]string{"rest_api_id"}, block("access_log_settings", "destination_arn", "format"), dynamicBlock),
	V2Stage: schema([]string{"api_id"},
		block("default_route_settings", "throttling_burst_limit", "throttling_rate_limit"),
		block("route_settings", "route_key", "throttling_burst_limit", "throttling_rate_limit"),
		block("access_log_settings", "destination_arn", "format"),
		dynamicBlock),
	MethodSettings: schema([]string{"rest_api_id"}, block("settings", "throttling_burst_limit", "throttling_rate_limit"), dynamicBlock),
}
