package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// endpointSchemas are the kinds the custom domains, VPC endpoints, WAF, method settings and the account rules read.
var endpointSchemas = map[string]*hclext.BodySchema{}
