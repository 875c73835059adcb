package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// Kinds the custom-domain, VPC endpoint, WAF and logging rules read.
const (
	DomainName       = "aws_api_gateway_domain_name"
	BasePathMapping  = "aws_api_gateway_base_path_mapping"
	V2DomainName     = "aws_apigatewayv2_domain_name"
	V2APIMapping     = "aws_apigatewayv2_api_mapping"
	VPCEndpoint      = "aws_vpc_endpoint"
	WebACL           = "aws_wafv2_web_acl"
	WebACLAssoc      = "aws_wafv2_web_acl_association"
	MethodSettings   = "aws_api_gateway_method_settings"
	Account          = "aws_api_gateway_account"
	EndpointServiceD = "data.aws_vpc_endpoint_service"
)

// endpointSchemas are the kinds the custom domains, VPC endpoints, WAF, method settings and the account rules read.
var endpointSchemas = map[string]*hclext.BodySchema{
	DomainName:       schema([]string{"domain_name"}),
	BasePathMapping:  schema([]string{"api_id", "stage_name", "domain_name", "domain_name_id", "base_path"}),
	V2DomainName:     schema([]string{"domain_name"}),
	V2APIMapping:     schema([]string{"api_id", "stage", "domain_name", "api_mapping_key"}),
	VPCEndpoint:      schema([]string{"service_name", "vpc_endpoint_type", "private_dns_enabled"}),
	EndpointServiceD: schema([]string{"service", "service_name"}),
	WebACL:           webACLSchema(),
	WebACLAssoc:      schema([]string{"resource_arn", "web_acl_arn"}),
	MethodSettings: schema([]string{"rest_api_id", "stage_name", "method_path"},
		block("settings", "logging_level", "metrics_enabled", "data_trace_enabled"), dynamicBlock),
	Account: schema([]string{"cloudwatch_role_arn"}),
}

// webACLSchema reads a web ACL down to what decides whether it can allow a
// request: the default action, each rule's action or override_action, and
// whether a rule defers to a rule group.
func webACLSchema() *hclext.BodySchema {
	actions := func() *hclext.BodySchema {
		return &hclext.BodySchema{Blocks: []hclext.BlockSchema{
			{Type: "allow", Body: &hclext.BodySchema{}},
			{Type: "block", Body: &hclext.BodySchema{}},
			{Type: "count", Body: &hclext.BodySchema{}},
			{Type: "captcha", Body: &hclext.BodySchema{}},
			{Type: "challenge", Body: &hclext.BodySchema{}},
			{Type: "none", Body: &hclext.BodySchema{}},
			dynamicBlock,
		}}
	}
	rule := &hclext.BodySchema{
		Attributes: []hclext.AttributeSchema{{Name: "name"}},
		Blocks: []hclext.BlockSchema{
			{Type: "action", Body: actions()},
			{Type: "override_action", Body: actions()},
			{Type: "statement", Body: &hclext.BodySchema{Blocks: []hclext.BlockSchema{
				{Type: "rule_group_reference_statement", Body: &hclext.BodySchema{Attributes: []hclext.AttributeSchema{{Name: "arn"}}}},
				{Type: "managed_rule_group_statement", Body: &hclext.BodySchema{
					Attributes: []hclext.AttributeSchema{{Name: "name"}, {Name: "vendor_name"}},
					Blocks: []hclext.BlockSchema{{Type: "rule_action_override", Body: &hclext.BodySchema{
						Blocks: []hclext.BlockSchema{{Type: "action_to_use", Body: actions()}, dynamicBlock},
					}}, dynamicBlock},
				}},
			}}},
			dynamicBlock,
		},
	}
	s := schema([]string{"name", "scope"},
		hclext.BlockSchema{Type: "default_action", Body: actions()},
		hclext.BlockSchema{Type: "rule", Body: rule},
		dynamicBlock,
	)
	return s
}
