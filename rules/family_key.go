package rules

import "github.com/terraform-linters/tflint-plugin-sdk/tflint"

// keyRules find API keys, usage plans, authorizers and CORS preflights (catalog section 3).
func keyRules() []tflint.Rule {
	return []tflint.Rule{
		NewApigwAPIKeyUsagePlanRule(),
		NewApigwUsagePlanStageRule(),
		NewApigwAPIKeyDisabledRule(),
		NewApigwAPIKeySourceAuthorizerRule(),
		NewApigwCORSPreflightAuthRule(),
		NewApigwMethodAuthorizerMissingRule(),
		NewApigwAuthorizerCacheRule(),
	}
}
