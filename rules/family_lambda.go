package rules

import "github.com/terraform-linters/tflint-plugin-sdk/tflint"

// lambdaRules find Lambda-backed integrations, the proxy root and the stage prefix (catalog sections 4 and 5, first rows).
func lambdaRules() []tflint.Rule {
	return []tflint.Rule{
		NewApigwLambdaIntegrationMethodRule(),
		NewApigwLambdaInvokeArnRule(),
		NewApigwLambdaPermissionRule(),
		NewApigwAwsIntegrationCredentialsRule(),
		NewApigwProxyRootMethodRule(),
		NewApigwStagePrefixRootPathRule(),
	}
}
