package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// Resource types of API keys and usage plans.
const (
	APIKey       = "aws_api_gateway_api_key"
	UsagePlan    = "aws_api_gateway_usage_plan"
	UsagePlanKey = "aws_api_gateway_usage_plan_key"
)

// keySchemas are the kinds the API keys, usage plans and authorizers rules read.
// The methods, routes, authorizers, stages and APIs they also read are in
// deploymentSchemas.
var keySchemas = map[string]*hclext.BodySchema{
	APIKey: schema([]string{"name", "enabled"}),
	UsagePlan: schema([]string{"name"},
		hclext.BlockSchema{Type: "api_stages", Body: &hclext.BodySchema{
			Attributes: []hclext.AttributeSchema{{Name: "api_id"}, {Name: "stage"}},
			Blocks:     []hclext.BlockSchema{block("throttle", "path", "burst_limit", "rate_limit")},
		}},
		block("throttle_settings", "burst_limit", "rate_limit"),
		block("quota_settings", "limit", "offset", "period"),
		dynamicBlock),
	UsagePlanKey: schema([]string{"key_id", "key_type", "usage_plan_id"}),
}
