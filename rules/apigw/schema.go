package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// Resource types the model reads. Later rule families add theirs here; a
// type that is not listed is not read at all.
const (
	RestAPI             = "aws_api_gateway_rest_api"
	RestAPIPolicy       = "aws_api_gateway_rest_api_policy"
	Resource            = "aws_api_gateway_resource"
	Method              = "aws_api_gateway_method"
	Integration         = "aws_api_gateway_integration"
	MethodResponse      = "aws_api_gateway_method_response"
	IntegrationResponse = "aws_api_gateway_integration_response"
	Authorizer          = "aws_api_gateway_authorizer"
	GatewayResponse     = "aws_api_gateway_gateway_response"
	Model               = "aws_api_gateway_model"
	RequestValidator    = "aws_api_gateway_request_validator"
	Deployment          = "aws_api_gateway_deployment"
	Stage               = "aws_api_gateway_stage"
	TerraformData       = "terraform_data"
	NullResource        = "null_resource"

	V2API                 = "aws_apigatewayv2_api"
	V2Route               = "aws_apigatewayv2_route"
	V2Integration         = "aws_apigatewayv2_integration"
	V2Authorizer          = "aws_apigatewayv2_authorizer"
	V2RouteResponse       = "aws_apigatewayv2_route_response"
	V2IntegrationResponse = "aws_apigatewayv2_integration_response"
	V2Model               = "aws_apigatewayv2_model"
	V2Deployment          = "aws_apigatewayv2_deployment"
	V2Stage               = "aws_apigatewayv2_stage"
)

// metaAttributes are read on every resource: they decide how references to
// it are written and whether it exists more than once.
var metaAttributes = []string{"count", "for_each", "depends_on"}

var lifecycleBlock = block("lifecycle", "create_before_destroy", "ignore_changes", "replace_triggered_by")

// schemas says, per block kind (resource TYPE, or data.TYPE for a data
// source), which attributes and nested blocks the rules need; a kind not
// listed is not read at all, which keeps the model cheap on large modules.
// Each rule family adds its kinds in a file of its own (schema_*.go).
var schemas = merge(deploymentSchemas, policySchemas, keySchemas, lambdaSchemas, endpointSchemas, insideSchemas, corsSchemas, stageSettingsSchemas, appSourceSchemas, cloudfrontSchemas, customDomainSchemas, bodySchemas)

// merge joins the families' schemas. Two families may read the same kind:
// the model then reads the union of their attributes and blocks.
func merge(parts ...map[string]*hclext.BodySchema) map[string]*hclext.BodySchema {
	out := map[string]*hclext.BodySchema{}
	for _, part := range parts {
		for kind, s := range part {
			if prev, ok := out[kind]; ok {
				s = union(prev, s)
			}
			out[kind] = s
		}
	}
	return out
}

// union is a schema with every attribute and block of a and b, each once.
func union(a, b *hclext.BodySchema) *hclext.BodySchema {
	out := &hclext.BodySchema{}
	attrs := map[string]bool{}
	blocks := map[string]int{}
	for _, s := range []*hclext.BodySchema{a, b} {
		for _, attr := range s.Attributes {
			if !attrs[attr.Name] {
				attrs[attr.Name] = true
				out.Attributes = append(out.Attributes, attr)
			}
		}
		for _, blk := range s.Blocks {
			i, seen := blocks[blk.Type]
			if !seen {
				blocks[blk.Type] = len(out.Blocks)
				out.Blocks = append(out.Blocks, blk)
				continue
			}
			if blk.Body != nil && out.Blocks[i].Body != nil {
				merged := out.Blocks[i]
				merged.Body = union(merged.Body, blk.Body)
				out.Blocks[i] = merged
			}
		}
	}
	return out
}

// deploymentSchemas are the APIs and what a deployment publishes.
var deploymentSchemas = map[string]*hclext.BodySchema{
	RestAPI: schema([]string{"name", "body", "policy", "api_key_source", "disable_execute_api_endpoint", "put_rest_api_mode"},
		block("endpoint_configuration", "types", "vpc_endpoint_ids"), dynamicBlock),
	RestAPIPolicy:       schema([]string{"rest_api_id", "policy"}),
	Resource:            schema([]string{"rest_api_id", "parent_id", "path_part"}),
	Method:              schema([]string{"rest_api_id", "resource_id", "http_method", "authorization", "authorizer_id", "api_key_required", "authorization_scopes"}),
	Integration:         schema([]string{"rest_api_id", "resource_id", "http_method", "type", "uri", "integration_http_method", "credentials"}),
	MethodResponse:      schema([]string{"rest_api_id", "resource_id", "http_method", "status_code"}),
	IntegrationResponse: schema([]string{"rest_api_id", "resource_id", "http_method", "status_code"}),
	Authorizer:          schema([]string{"rest_api_id", "name", "type", "authorizer_uri", "authorizer_result_ttl_in_seconds", "authorizer_credentials"}),
	GatewayResponse:     schema([]string{"rest_api_id", "response_type"}),
	Model:               schema([]string{"rest_api_id", "name"}),
	RequestValidator:    schema([]string{"rest_api_id", "name"}),
	Deployment: schema([]string{"rest_api_id", "triggers", "stage_name", "stage_description", "description", "variables"},
		block("canary_settings", "percent_traffic", "stage_variable_overrides", "use_stage_cache")),
	// Replaced when what they name changes: triggers hash them instead of members.
	TerraformData: schema([]string{"input", "triggers_replace"}),
	NullResource:  schema([]string{"triggers"}),
	Stage: schema([]string{"rest_api_id", "deployment_id", "stage_name"},
		block("access_log_settings", "destination_arn")),

	V2API:                 schema([]string{"name", "protocol_type", "body", "target", "route_key", "disable_execute_api_endpoint"}, block("cors_configuration"), dynamicBlock),
	V2Route:               schema([]string{"api_id", "route_key", "target", "authorization_type", "authorizer_id", "authorization_scopes"}),
	V2Integration:         schema([]string{"api_id", "integration_type", "integration_uri", "integration_subtype", "credentials_arn"}),
	V2Authorizer:          schema([]string{"api_id", "authorizer_type", "authorizer_result_ttl_in_seconds", "enable_simple_responses", "authorizer_uri", "authorizer_credentials_arn"}),
	V2RouteResponse:       schema([]string{"api_id", "route_id"}),
	V2IntegrationResponse: schema([]string{"api_id", "integration_id"}),
	V2Model:               schema([]string{"api_id", "name"}),
	V2Deployment:          schema([]string{"api_id", "triggers", "description"}),
	V2Stage: schema([]string{"api_id", "name", "auto_deploy", "deployment_id"},
		block("default_route_settings", "data_trace_enabled", "logging_level"),
		block("route_settings", "route_key", "data_trace_enabled", "logging_level"),
		block("access_log_settings", "destination_arn")),
}

func schema(attrs []string, blocks ...hclext.BlockSchema) *hclext.BodySchema {
	s := &hclext.BodySchema{Blocks: append([]hclext.BlockSchema{lifecycleBlock}, blocks...)}
	for _, name := range append(append([]string{}, metaAttributes...), attrs...) {
		s.Attributes = append(s.Attributes, hclext.AttributeSchema{Name: name})
	}
	return s
}

func block(name string, attrs ...string) hclext.BlockSchema {
	b := hclext.BlockSchema{Type: name, Body: &hclext.BodySchema{}}
	for _, a := range attrs {
		b.Body.Attributes = append(b.Body.Attributes, hclext.AttributeSchema{Name: a})
	}
	return b
}
