package rules

import "github.com/terraform-linters/tflint-plugin-sdk/tflint"

// policyRules find resource policies (catalog section 2).
func policyRules() []tflint.Rule {
	return nil
}
