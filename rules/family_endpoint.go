package rules

import "github.com/terraform-linters/tflint-plugin-sdk/tflint"

// endpointRules find endpoint-level 403s and execution logs (catalog sections 5, last rows, and 6).
func endpointRules() []tflint.Rule {
	return []tflint.Rule{
		NewApigwDisabledDefaultEndpointRule(),
		NewApigwVpcePrivateDNSRule(),
		NewApigwWafDefaultBlockRule(),
		NewApigwBodyMixedWithResourcesRule(),
		NewApigwExecutionLoggingRule(),
		NewApigwMethodSettingsStageReferenceRule(),
		NewApigwDataTraceEnabledRule(),
		NewApigwCloudwatchRoleRule(),
	}
}
