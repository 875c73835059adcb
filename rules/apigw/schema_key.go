package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// keySchemas are the kinds the API keys, usage plans and authorizers rules read.
var keySchemas = map[string]*hclext.BodySchema{}
