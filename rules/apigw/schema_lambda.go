package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// Lambda resource types the Lambda rules read (base path mappings come
// from the endpoint family's schema).
const (
	LambdaFunction   = "aws_lambda_function"
	LambdaAlias      = "aws_lambda_alias"
	LambdaPermission = "aws_lambda_permission"
)

// lambdaSchemas are the kinds the Lambda functions, aliases and permissions rules read.
var lambdaSchemas = map[string]*hclext.BodySchema{
	LambdaFunction:   lambdaFunctionSchema(),
	LambdaAlias:      schema([]string{"function_name", "name"}),
	LambdaPermission: schema([]string{"function_name", "principal", "source_arn", "qualifier", "action", "statement_id"}),
}

// lambdaFunctionSchema reads the function's name and environment, and its
// dynamic blocks: an environment built by `dynamic "environment"` is unknown.
func lambdaFunctionSchema() *hclext.BodySchema {
	return schema([]string{"function_name"}, block("environment", "variables"), dynamicBlock)
}
