package rules

import (
	"strings"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// The rules of the catalog's section 9 read OpenAPI bodies: each reports
// the body form of its cause, stays silent on what a body does not prove,
// and fixes only HCL bodies.

const bodyFn = `
resource "aws_lambda_function" "f" {
  function_name = "f"
}
resource "aws_lambda_permission" "f" {
  function_name = aws_lambda_function.f.function_name
  principal     = "apigateway.amazonaws.com"
  action        = "lambda:InvokeFunction"
  source_arn    = "${aws_api_gateway_rest_api.a.execution_arn}/*/*"
}
`

func hclBodyAPI(meta, verb string) string {
	return `resource "aws_api_gateway_rest_api" "a" {` + meta + `
  body = jsonencode({
    paths = {
      "/items" = {
        put = {
          x-amazon-apigateway-integration = {
            type       = "aws_proxy"
            httpMethod = ` + verb + `
            uri        = aws_lambda_function.f.invoke_arn
          }
        }
      }
    }
  })
}
` + bodyFn
}

func TestBodyLambdaIntegrationMethod(t *testing.T) {
	runRuleCases(t, NewApigwLambdaIntegrationMethodRule(), []ruleCase{
		{
			Name:     "PUT in an HCL body becomes POST",
			Content:  hclBodyAPI("", `"PUT"`),
			Fixed:    hclBodyAPI("", `"POST"`),
			Expected: helper.Issues{{Message: wrongBodyMethod("main.tf:6, paths./items.put", "PUT"), Range: at(8, 26, 8, 31)}},
		},
		{
			Name:     "with count, the one body is fixed",
			Content:  hclBodyAPI("\n  count = 2", `"PATCH"`),
			Fixed:    hclBodyAPI("\n  count = 2", `"POST"`),
			Expected: helper.Issues{{Message: wrongBodyMethod("main.tf:7, paths./items.put", "PATCH"), Range: at(9, 26, 9, 33)}},
		},
		{Name: "POST is silent", Content: hclBodyAPI("", `"POST"`)},
		{Name: "an unknown verb is silent", Content: hclBodyAPI("", `var.verb`)},
		{
			Name: "a YAML heredoc is reported at the body and never edited",
			Content: `resource "aws_api_gateway_rest_api" "a" {
  body = <<-EOT
    paths:
      /items:
        get:
          x-amazon-apigateway-integration:
            type: aws_proxy
            httpMethod: GET
            uri: ${aws_lambda_function.f.invoke_arn}
  EOT
}
` + bodyFn,
			Expected: helper.Issues{{Message: wrongBodyMethod("main.tf:5, paths./items.get", "GET"), Range: at(2, 3, 10, 6)}},
		},
	})
}

func wrongBodyMethod(where, method string) string {
	return where + ` (the body of aws_api_gateway_rest_api.a) invokes aws_lambda_function.f with httpMethod "` + method + `", but Lambda's Invoke API takes only POST: every call answers 500 Internal server error ("Lambda invocation failed with status: 403" and "Execution failed due to configuration error" in the execution log)`
}

func TestBodyLambdaInvokeArn(t *testing.T) {
	content := `resource "aws_api_gateway_rest_api" "a" {
  body = jsonencode({
    paths = {
      "/items" = {
        get = {
          x-amazon-apigateway-integration = { type = "aws_proxy", httpMethod = "POST", uri = aws_lambda_function.f.arn }
        }
      }
    }
  })
}
` + bodyFn
	runRuleCases(t, NewApigwLambdaInvokeArnRule(), []ruleCase{
		{
			Name:     "a bare ARN in an HCL body becomes the invoke ARN",
			Content:  content,
			Fixed:    strings.Replace(content, "aws_lambda_function.f.arn", "aws_lambda_function.f.invoke_arn", 1),
			Expected: helper.Issues{{Message: "the uri of main.tf:6, paths./items.get (the body of aws_api_gateway_rest_api.a) is aws_lambda_function.f.arn, the function's ARN, not the invoke ARN API Gateway calls: terraform apply fails with BadRequestException, as a REST API takes only arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations (the function's invoke_arn)", Range: at(6, 94, 6, 119)}},
		},
		{Name: "the invoke ARN is silent", Content: strings.Replace(content, "aws_lambda_function.f.arn", "aws_lambda_function.f.invoke_arn", 1)},
		{
			Name:     "a function ARN written as text is reported, not fixed",
			Content:  strings.Replace(content, "aws_lambda_function.f.arn", `"arn:aws:lambda:us-east-1:123456789012:function:orders"`, 1),
			Expected: helper.Issues{{Message: "the uri of main.tf:6, paths./items.get (the body of aws_api_gateway_rest_api.a) is arn:aws:lambda:us-east-1:123456789012:function:orders, a function's ARN, not the invoke ARN API Gateway calls: terraform apply fails with BadRequestException, as a REST API takes only arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations", Range: at(6, 94, 6, 149)}},
		},
		{Name: "an invocation ARN written as text is silent", Content: strings.Replace(content, "aws_lambda_function.f.arn", `"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:orders/invocations"`, 1)},
		{Name: "an HTTP API body takes the function ARN", Content: strings.Replace(strings.Replace(content, "aws_api_gateway_rest_api", "aws_apigatewayv2_api", 1), "}\n  })", "}\n  })\n  protocol_type = \"HTTP\"", 1)},
	})
}

func TestBodyLambdaPermission(t *testing.T) {
	api := `resource "aws_api_gateway_rest_api" "a" {
  body = jsonencode({
    paths = {
      "/items" = {
        get = {
          x-amazon-apigateway-integration = { type = "aws_proxy", httpMethod = "POST", uri = aws_lambda_function.g.invoke_arn }
        }
      }
    }
  })
}

resource "aws_lambda_function" "g" {
  function_name = "g"
}
`
	runRuleCases(t, NewApigwLambdaPermissionRule(), []ruleCase{
		{
			Name:     "a function the body invokes without a permission",
			Content:  api,
			Expected: helper.Issues{{Message: `aws_lambda_function.g is invoked by main.tf:6, paths./items.get (the body of aws_api_gateway_rest_api.a), but no aws_lambda_permission lets apigateway.amazonaws.com invoke it: callers get 500 Internal server error ("Invalid permissions on Lambda function" in the execution log)`, Range: at(13, 1, 13, 35)}},
			Fixed: api + `
resource "aws_lambda_permission" "g_apigw" {
  statement_id  = "AllowAPIGatewayInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.g.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.a.execution_arn}/*/*"
}
`,
		},
		{
			Name:    "credentials in the body: no permission needed",
			Content: strings.Replace(api, `httpMethod = "POST",`, `httpMethod = "POST", credentials = "arn:aws:iam::123456789012:role/x",`, 1),
		},
		{
			Name: "a source_arn that covers the body's method",
			Content: api + `
resource "aws_lambda_permission" "g" {
  function_name = aws_lambda_function.g.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.a.execution_arn}/*/GET/items"
}
`,
		},
	})
}

// securedBody is a REST API whose body has an options operation with the
// given security, the tenant authorizer and the gateway responses.
func securedBody(security, ttl string) string {
	return `resource "aws_api_gateway_rest_api" "a" {
  body = jsonencode({
    paths = {
      "/items" = {
        options = {
          security                        = ` + security + `
          x-amazon-apigateway-integration = { type = "mock" }
        }
        get = {
          security                        = [{ tenant = [] }]
          x-amazon-apigateway-integration = { type = "mock" }
        }
      }
    }
    components = {
      securitySchemes = {
        tenant = {
          type                         = "apiKey"
          name                         = "Authorization"
          in                           = "header"
          x-amazon-apigateway-authtype = "custom"
          x-amazon-apigateway-authorizer = {
            type                         = "token"
            authorizerUri                = aws_lambda_function.f.invoke_arn
            authorizerResultTtlInSeconds = ` + ttl + `
          }
        }
      }
    }
  })
}
` + bodyFn
}

func TestBodyCORSPreflightAuth(t *testing.T) {
	runRuleCases(t, NewApigwCORSPreflightAuthRule(), []ruleCase{
		{
			Name:     "security on an options operation is cleared",
			Content:  securedBody(`[{ tenant = [] }]`, "0"),
			Fixed:    securedBody(`[]`, "0"),
			Expected: helper.Issues{{Message: "main.tf:5, paths./items.options (the body of aws_api_gateway_rest_api.a) answers CORS preflights but has security: browsers send preflights without credentials or keys, so the preflight gets 401 Unauthorized and the browser reports a CORS error instead of sending the request", Range: at(6, 45, 6, 62)}},
		},
		{Name: "no security is silent", Content: securedBody(`[]`, "0")},
		{Name: "unknown security is silent", Content: securedBody(`var.security`, "0")},
	})
}

func TestBodyAuthorizerCache(t *testing.T) {
	runRuleCases(t, NewApigwAuthorizerCacheRule(), []ruleCase{
		{
			Name:     "a caching authorizer used by two operations",
			Content:  securedBody(`[{ tenant = [] }]`, "300"),
			Expected: helper.Issues{{Message: `main.tf:22, components.securitySchemes.tenant (the body of aws_api_gateway_rest_api.a) caches the policy its Lambda returns for 300 seconds and reuses it for every method it protects: if the policy allows only the method ARN of the first call, the caller's other calls answer 403 "User is not authorized to access this resource" until the cache expires; return a wildcard resource or set the TTL to 0`, Range: at(25, 44, 25, 47)}},
		},
		{Name: "one operation: silent", Content: securedBody(`[]`, "300")},
		{Name: "no cache: silent", Content: securedBody(`[{ tenant = [] }]`, "0")},
		{Name: "an unknown TTL: silent", Content: securedBody(`[{ tenant = [] }]`, "var.ttl")},
	})
}

func TestBodyMethodAuthorizerMissing(t *testing.T) {
	content := strings.Replace(securedBody(`[{ cognito = [] }]`, "0"), "get = {\n          security                        = [{ tenant = [] }]", "get = {\n          security                        = []", 1)
	runRuleCases(t, NewApigwMethodAuthorizerMissingRule(), []ruleCase{
		{
			Name:     "security naming a scheme the spec does not define",
			Content:  content,
			Expected: helper.Issues{{Message: `main.tf:5, paths./items.options (the body of aws_api_gateway_rest_api.a) requires the security scheme "cognito", which the spec does not define: API Gateway has no authorizer to attach, so the import of the body fails and calls answer 403 Missing Authentication Token`, Range: at(6, 48, 6, 55)}},
		},
		{Name: "defined schemes are silent", Content: securedBody(`[{ tenant = [] }]`, "0")},
		{Name: "schemes the reader cannot see are silent", Content: strings.Replace(content, "components = {", "components = var.components\n    unused = {", 1)},
	})
}

func pathsBody(paths string) string {
	return `resource "aws_api_gateway_rest_api" "a" {
  body = jsonencode({
    paths = {` + paths + `
    }
  })
}
`
}

const proxyPath = `
      "/{proxy+}" = { x-amazon-apigateway-any-method = { x-amazon-apigateway-integration = { type = "http_proxy", uri = "https://example.com/{proxy}" } } }`

func TestBodyProxyRootMethod(t *testing.T) {
	runRuleCases(t, NewApigwProxyRootMethodRule(), []ruleCase{
		{
			Name:     "a proxy and no root",
			Content:  pathsBody(proxyPath),
			Expected: helper.Issues{{Message: "main.tf:4, paths./{proxy+}.x-amazon-apigateway-any-method (the body of aws_api_gateway_rest_api.a) matches every path below the root of aws_api_gateway_rest_api.a, but not the root itself, which has no method in the spec: GET /<stage>/ answers 403 Missing Authentication Token", Range: at(4, 23, 4, 53)}},
		},
		{Name: "a root method: silent", Content: pathsBody(proxyPath + `
      "/" = { get = { x-amazon-apigateway-integration = { type = "mock" } } }`)},
		{Name: "a path the reader cannot see: silent", Content: pathsBody(proxyPath + `
      (var.root) = { get = { x-amazon-apigateway-integration = { type = "mock" } } }`)},
	})
}

func TestBodyAWSIntegrationCredentials(t *testing.T) {
	sqs := `
      "/m" = { post = { x-amazon-apigateway-integration = { type = "aws", httpMethod = "POST", uri = "arn:aws:apigateway:us-east-1:sqs:path/123456789012/q"CREDS } } }`
	runRuleCases(t, NewApigwAwsIntegrationCredentialsRule(), []ruleCase{
		{
			Name:     "an SQS integration without credentials",
			Content:  pathsBody(strings.Replace(sqs, "CREDS", "", 1)),
			Expected: helper.Issues{{Message: `main.tf:4, paths./m.post (the body of aws_api_gateway_rest_api.a) calls sqs without credentials: terraform apply fails with "BadRequestException: Role ARN must be specified for AWS integrations", as API Gateway needs a role that may call sqs (only Lambda can authorize API Gateway with a resource policy instead)`, Range: at(4, 59, 4, 158)}},
		},
		{Name: "with credentials: silent", Content: pathsBody(strings.Replace(sqs, "CREDS", `, credentials = var.role`, 1))},
	})
}

func TestBodyDisabledDefaultEndpoint(t *testing.T) {
	body := func(arg string) string {
		return `resource "aws_api_gateway_rest_api" "a" {` + arg + `
  body = jsonencode({
    x-amazon-apigateway-endpoint-configuration = { disableExecuteApiEndpoint = true }
  })
}
`
	}
	runRuleCases(t, NewApigwDisabledDefaultEndpointRule(), []ruleCase{
		{
			Name:     "the body disables the endpoint",
			Content:  body(""),
			Expected: helper.Issues{{Message: `aws_api_gateway_rest_api.a's body (main.tf:3, disableExecuteApiEndpoint) disables its execute-api endpoint and no custom domain maps it (no aws_api_gateway_base_path_mapping names it): every call answers 403 Forbidden {"message":"Forbidden"}`, Range: at(3, 80, 3, 84)}},
		},
		{Name: "the argument wins", Content: body("\n  disable_execute_api_endpoint = false")},
	})
}

func TestBodyCORSGatewayResponses(t *testing.T) {
	preflight := `
      "/items" = { options = { x-amazon-apigateway-integration = { type = "mock" } } }`
	runRuleCases(t, NewApigwCORSGatewayResponsesRule(), []ruleCase{
		{
			Name:     "an options operation and no gateway responses",
			Content:  pathsBody(preflight),
			Expected: helper.Issues{{Message: "aws_api_gateway_rest_api.a serves CORS, but no DEFAULT_4XX or DEFAULT_5XX gateway response (a resource, or in the body's x-amazon-apigateway-gateway-responses) sends Access-Control-Allow-Origin: the 403s API Gateway answers itself (API key, WAF, resource policy, authorizer) reach the browser as a CORS error", Range: at(1, 1, 1, 40)}},
		},
		{Name: "the body's gateway responses", Content: strings.Replace(pathsBody(preflight), "    }\n  })", `    }
    x-amazon-apigateway-gateway-responses = {
      DEFAULT_4XX = { responseParameters = { "gatewayresponse.header.Access-Control-Allow-Origin" = "'*'" } }
      DEFAULT_5XX = { responseParameters = { "gatewayresponse.header.Access-Control-Allow-Origin" = "'*'" } }
    }
  })`, 1)},
		{Name: "responses the reader cannot see", Content: strings.Replace(pathsBody(preflight), "    }\n  })", "    }\n    x-amazon-apigateway-gateway-responses = var.responses\n  })", 1)},
	})
}

const keyedStage = `
resource "aws_api_gateway_deployment" "a" {
  rest_api_id = aws_api_gateway_rest_api.a.id
}
resource "aws_api_gateway_stage" "a" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  deployment_id = aws_api_gateway_deployment.a.id
  stage_name    = "prod"
}
`

func keyedBody(arg, source string) string {
	return `resource "aws_api_gateway_rest_api" "a" {` + arg + `
  body = <<-EOT
    ` + source + `
    paths:
      /r:
        get:
          security:
            - key: []
    components:
      securitySchemes:
        key: {type: apiKey, name: x-api-key, in: header}
  EOT
}
` + keyedStage
}

func TestBodyAPIKeyUsagePlan(t *testing.T) {
	runRuleCases(t, NewApigwAPIKeyUsagePlanRule(), []ruleCase{
		{
			Name:     "an operation that requires a key, no usage plan",
			Content:  keyedBody("", "openapi: 3.0.1"),
			Expected: helper.Issues{{Message: "main.tf:6, paths./r.get (the body of aws_api_gateway_rest_api.a) requires an API key, but no aws_api_gateway_usage_plan binds a stage of aws_api_gateway_rest_api.a, and API Gateway accepts only keys of a usage plan bound to the stage: every call answers 403 Forbidden, with or without an x-api-key header", Range: at(2, 3, 12, 6)}},
		},
		{Name: "a root-level security is not relied on", Content: strings.Replace(keyedBody("", "security: [{key: []}]"), "          security:\n            - key: []\n", "          summary: r\n", 1)},
	})
}

func TestBodyAPIKeySourceAuthorizer(t *testing.T) {
	runRuleCases(t, NewApigwAPIKeySourceAuthorizerRule(), []ruleCase{
		{
			Name:     "keys from an authorizer, none runs",
			Content:  keyedBody("", "x-amazon-apigateway-api-key-source: AUTHORIZER"),
			Expected: helper.Issues{{Message: `main.tf:6, paths./r.get (the body of aws_api_gateway_rest_api.a) requires an API key but its security names no Lambda authorizer, while aws_api_gateway_rest_api.a takes keys only from a Lambda authorizer (api_key_source = "AUTHORIZER"): no Lambda authorizer runs for this method to supply the key, so every call answers 403 Forbidden, even with an x-api-key header`, Range: at(2, 3, 12, 6)}},
		},
		{Name: "the argument wins", Content: keyedBody(`
  api_key_source = "HEADER"`, "x-amazon-apigateway-api-key-source: AUTHORIZER")},
	})
}

func TestBodyPolicyNoAllow(t *testing.T) {
	content := `resource "aws_api_gateway_rest_api" "a" {
  body = <<-EOT
    paths: {}
    x-amazon-apigateway-policy:
      Statement:
        - {Effect: Deny, Principal: "*", Action: "execute-api:Invoke", Resource: "execute-api:/*"}
  EOT
}
`
	runRuleCases(t, NewApigwPolicyNoAllowRule(), []ruleCase{
		{
			Name:     "a YAML body that only denies",
			Content:  content,
			Expected: helper.Issues{{Message: `the x-amazon-apigateway-policy (main.tf:5) of aws_api_gateway_rest_api.a.body has no Allow statement that grants execute-api:Invoke: every call to aws_api_gateway_rest_api.a is denied with 403 AccessDeniedException "User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:..."`, Range: at(2, 3, 7, 6)}},
		},
		{Name: "the policy argument wins", Content: strings.Replace(content, "  EOT\n}", "  EOT\n  policy = jsonencode({ Statement = [{ Effect = \"Allow\", Principal = \"*\", Action = \"execute-api:Invoke\", Resource = \"*\" }] })\n}", 1)},
	})
}

func TestBodyMixedTemplateFile(t *testing.T) {
	content := `data "template_file" "spec" {
  template = "paths: {}"
}
resource "aws_api_gateway_rest_api" "a" {
  body = data.template_file.spec.rendered
}
resource "aws_api_gateway_resource" "r" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  parent_id   = aws_api_gateway_rest_api.a.root_resource_id
  path_part   = "r"
}
`
	runRuleCases(t, NewApigwBodyMixedWithResourcesRule(), []ruleCase{
		{
			Name:     "a data template_file body beside a resource",
			Content:  content,
			Expected: helper.Issues{{Message: "aws_api_gateway_rest_api.a imports an OpenAPI body and also has aws_api_gateway_resource.r: every body update overwrites the API and deletes the resources and methods the body does not define, so their paths answer 403 Missing Authentication Token until another apply recreates them and redeploys", Range: at(5, 3, 5, 42)}},
		},
		{Name: "a variable body may be null", Content: strings.Replace(content, "data.template_file.spec.rendered", "var.body", 1)},
	})
}
