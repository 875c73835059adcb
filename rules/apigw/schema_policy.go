package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// PolicyDocument is the data source that renders IAM policies from blocks.
const PolicyDocument = "data.aws_iam_policy_document"

// policySchemas are the kinds the resource policy rules read beyond the
// deployment kinds (the APIs' policy, body and endpoint_configuration, the
// aws_api_gateway_rest_api_policy resource, methods' authorization and
// stages' names are already read there; a kind listed here again would
// replace that schema).
var policySchemas = map[string]*hclext.BodySchema{
	PolicyDocument: {
		Attributes: attributes("count", "for_each", "source_policy_documents", "override_policy_documents"),
		Blocks: []hclext.BlockSchema{
			dynamicBlock,
			{Type: "statement", Body: &hclext.BodySchema{
				Attributes: attributes("sid", "effect", "actions", "not_actions", "resources", "not_resources"),
				Blocks: []hclext.BlockSchema{
					dynamicBlock,
					block("principals", "type", "identifiers"),
					block("not_principals", "type", "identifiers"),
					block("condition", "test", "variable", "values"),
				},
			}},
		},
	},
}

func attributes(names ...string) []hclext.AttributeSchema {
	out := make([]hclext.AttributeSchema, len(names))
	for i, n := range names {
		out[i] = hclext.AttributeSchema{Name: n}
	}
	return out
}
