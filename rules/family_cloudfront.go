package rules

import "github.com/terraform-linters/tflint-plugin-sdk/tflint"

// cloudfrontRules find the CloudFront distributions in front of an API that
// answer or cause 403s (catalog section 7, first rows).
func cloudfrontRules() []tflint.Rule {
	return []tflint.Rule{
		NewApigwCloudfrontHostHeaderRule(),
		NewApigwCloudfrontAllowedMethodsRule(),
		NewApigwCloudfrontOriginPathRule(),
	}
}
