package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// corsSchemas are what the CORS rules read beyond the deployment schemas:
// the headers method, integration and gateway responses set.
var corsSchemas = map[string]*hclext.BodySchema{
	MethodResponse:      schema([]string{"response_parameters"}),
	IntegrationResponse: schema([]string{"response_parameters"}),
	GatewayResponse:     schema([]string{"rest_api_id", "response_type", "status_code", "response_parameters", "response_templates"}),
}
