package rules

import "github.com/terraform-linters/tflint-plugin-sdk/tflint"

// aroundRules find 403s from the layers in front of the API: DNS, custom
// domains, invoke URLs, private-API conditions and mutual TLS (catalog
// section 7).
func aroundRules() []tflint.Rule {
	return []tflint.Rule{
		NewApigwCustomDomainDNSRule(),
		NewApigwCustomDomainMappingRule(),
		NewApigwMtlsTruststoreVersionRule(),
		NewApigwDeploymentInvokeURLRule(),
		NewApigwPrivatePolicySourceIPRule(),
		NewApigwPrivateVpceMismatchRule(),
	}
}

// gatewayForbidden is what API Gateway answers a request it refuses before
// any method runs: no stage or mapping serves it, or mutual TLS fails.
const gatewayForbidden = `403 {"message":"Forbidden"} from API Gateway`
