package rules

import "github.com/terraform-linters/tflint-plugin-sdk/tflint"

// deploymentRules find stale deployment snapshots (catalog section 1).
func deploymentRules() []tflint.Rule {
	return []tflint.Rule{
		NewApigwDeploymentTriggersRule(),
		NewApigwDeploymentTriggersIncompleteRule(),
		NewApigwDeploymentCreateBeforeDestroyRule(),
		NewApigwDeploymentInlineStageRule(),
		NewApigwV2StageNotDeployedRule(),
	}
}
