// Command tflint-ruleset-apigw403 is the tflint plugin that finds the causes of
// API Gateway 403s in Terraform configurations.
package main

import (
	"github.com/terraform-linters/tflint-plugin-sdk/plugin"

	"github.com/apigw403/tflint-ruleset-apigw403/rules"
)

func main() {
	plugin.Serve(&plugin.ServeOpts{RuleSet: rules.NewRuleSet()})
}
