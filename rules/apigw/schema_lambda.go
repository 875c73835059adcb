package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// lambdaSchemas are the kinds the Lambda functions, aliases and permissions rules read.
var lambdaSchemas = map[string]*hclext.BodySchema{}
