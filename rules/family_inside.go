package rules

import "github.com/terraform-linters/tflint-plugin-sdk/tflint"

// insideRules find what breaks an integration or an authorizer on every
// call: its kind, its JWT settings, its Lambda qualifier, its role's trust
// (catalog sections 3b and 4b).
func insideRules() []tflint.Rule {
	return []tflint.Rule{
		NewApigwAuthorizerTypeMismatchRule(),
		NewApigwJwtAuthorizerConfigRule(),
		NewApigwLambdaPermissionQualifierRule(),
		NewApigwIntegrationRoleTrustRule(),
	}
}
