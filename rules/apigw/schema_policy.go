package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// policySchemas are the kinds the resource policies: IAM policy documents and what reads them rules read.
var policySchemas = map[string]*hclext.BodySchema{}
