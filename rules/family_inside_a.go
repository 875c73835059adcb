package rules

import "github.com/terraform-linters/tflint-plugin-sdk/tflint"

// insideARules find what hides or stops every call inside the API: an API
// never deployed, gateway responses without CORS headers, zero throttling,
// access logs that cannot tell 403s apart (catalog sections 1b, 3b, 5b, 6b).
func insideARules() []tflint.Rule {
	return []tflint.Rule{
		NewApigwAPINotDeployedRule(),
		NewApigwCORSGatewayResponsesRule(),
		NewApigwV2ThrottleZeroRule(),
		NewApigwAccessLogErrorFieldsRule(),
	}
}
