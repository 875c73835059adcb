package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// Lambda resource types and the custom-domain mapping the Lambda rules read.
const (
	LambdaFunction   = "aws_lambda_function"
	LambdaAlias      = "aws_lambda_alias"
	LambdaPermission = "aws_lambda_permission"
	BasePathMapping  = "aws_api_gateway_base_path_mapping"
)

// lambdaSchemas are the kinds the Lambda functions, aliases and permissions rules read.
var lambdaSchemas = map[string]*hclext.BodySchema{
	LambdaFunction:   lambdaFunctionSchema(),
	LambdaAlias:      schema([]string{"function_name", "name"}),
	LambdaPermission: schema([]string{"function_name", "principal", "source_arn", "qualifier", "action", "statement_id"}),
	BasePathMapping:  schema([]string{"api_id", "stage_name", "base_path", "domain_name"}),
}

// lambdaFunctionSchema reads the function's name and environment, and its
// dynamic blocks: an environment built by `dynamic "environment"` is unknown.
func lambdaFunctionSchema() *hclext.BodySchema {
	s := schema([]string{"function_name"}, block("environment", "variables"))
	s.Blocks = append(s.Blocks, hclext.BlockSchema{Type: "dynamic", LabelNames: []string{"name"}, Body: &hclext.BodySchema{}})
	return s
}
