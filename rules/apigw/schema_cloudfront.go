package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// Kinds the CloudFront rules read.
const (
	Distribution         = "aws_cloudfront_distribution"
	OriginRequestPolicy  = "aws_cloudfront_origin_request_policy"
	OriginRequestPolicyD = "data.aws_cloudfront_origin_request_policy"
)

// cloudfrontSchemas read a distribution down to its origins and cache
// behaviours, and origin request policies down to the headers they forward.
var cloudfrontSchemas = map[string]*hclext.BodySchema{
	Distribution: schema([]string{"aliases"},
		block("origin", "origin_id", "domain_name", "origin_path"),
		behaviorBlock("default_cache_behavior"),
		behaviorBlock("ordered_cache_behavior"),
		dynamicBlock),
	OriginRequestPolicy: schema([]string{"name"}, hclext.BlockSchema{Type: "headers_config", Body: &hclext.BodySchema{
		Attributes: []hclext.AttributeSchema{{Name: "header_behavior"}},
		Blocks:     []hclext.BlockSchema{block("headers", "items"), dynamicBlock},
	}}, dynamicBlock),
	OriginRequestPolicyD: schema([]string{"name", "id"}),
}

func behaviorBlock(typ string) hclext.BlockSchema {
	b := block(typ, "target_origin_id", "allowed_methods", "path_pattern", "origin_request_policy_id")
	b.Body.Blocks = []hclext.BlockSchema{block("forwarded_values", "headers"), dynamicBlock}
	return b
}
