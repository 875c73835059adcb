package rules

import (
	"strings"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const invalidPerm = `callers get 500 Internal server error ("Invalid permissions on Lambda function" in the execution log)`

// noPermissionV2 is noPermission for functions only HTTP/WebSocket APIs
// invoke: those keep no execution log.
func noPermissionV2(target, uses string) string {
	return strings.TrimSuffix(noPermission(target, uses), invalidPerm) + "callers get 500 Internal Server Error"
}

func noPermission(target, uses string) string {
	return target + " is invoked by " + uses + ", but no aws_lambda_permission lets apigateway.amazonaws.com invoke it: " + invalidPerm
}

func notCovered(perm, calls, target string) string {
	return perm + "'s source_arn does not cover " + calls + ": API Gateway may not invoke " + target + " there, and " + invalidPerm
}

// permAPI is a REST API with GET /items/{id} and ANY / calling the function.
const permAPI = `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_rest_api.main.root_resource_id
  path_part   = "items"
}

resource "aws_api_gateway_resource" "item" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_resource.items.id
  path_part   = "{id}"
}

resource "aws_api_gateway_integration" "item_get" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  resource_id             = aws_api_gateway_resource.item.id
  http_method             = "GET"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.app.invoke_arn
}

resource "aws_api_gateway_integration" "root" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  resource_id             = aws_api_gateway_rest_api.main.root_resource_id
  http_method             = "ANY"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.app.invoke_arn
}
`

const permFunction = `
resource "aws_lambda_function" "app" {
  function_name = "orders"
}
`

const permUses = "aws_api_gateway_integration.item_get (GET /items/{id}) and aws_api_gateway_integration.root (ANY /)"

func TestApigwLambdaPermission(t *testing.T) {
	runRuleCases(t, NewApigwLambdaPermissionRule(), []ruleCase{
		{
			Name:     "a missing permission is inserted after the function",
			Content:  permAPI + permFunction,
			Expected: helper.Issues{{Message: noPermission("aws_lambda_function.app", permUses), Range: at(35, 1, 35, 37)}},
			Fixed: permAPI + permFunction + `
resource "aws_lambda_permission" "app_apigw" {
  statement_id  = "AllowAPIGatewayInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.main.execution_arn}/*/*"
}
`,
		},
		{
			Name: "permissions that cover every call are enough",
			Content: permAPI + permFunction + `
resource "aws_lambda_permission" "all" {
  function_name = aws_lambda_function.app.arn
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.main.execution_arn}/*"
}

resource "aws_lambda_permission" "also" {
  function_name = "orders"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "arn:aws:execute-api:us-east-1:123456789012:abc/*/GET/items/*"
}

resource "aws_lambda_permission" "unscoped" {
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"
}
`,
		},
		{
			Name: "a source_arn for one method is widened to the whole API",
			Content: permAPI + permFunction + `
resource "aws_lambda_permission" "get" {
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.main.execution_arn}/*/GET/items/*"
}
`,
			Expected: helper.Issues{{Message: notCovered("aws_lambda_permission.get", "ANY / (aws_api_gateway_integration.root) of aws_api_gateway_rest_api.main", "aws_lambda_function.app"), Range: at(42, 3, 42, 81)}},
			Fixed: permAPI + permFunction + `
resource "aws_lambda_permission" "get" {
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.main.execution_arn}/*/*"
}
`,
		},
		{
			Name: "the execution_arn alone, or another API's, covers nothing",
			Content: permAPI + permFunction + `
resource "aws_api_gateway_rest_api" "old" {
  name = "old"
}

resource "aws_lambda_permission" "wrong" {
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = aws_api_gateway_rest_api.old.execution_arn
}
`,
			Expected: helper.Issues{{Message: notCovered("aws_lambda_permission.wrong", "GET /items/{id} (aws_api_gateway_integration.item_get) of aws_api_gateway_rest_api.main and ANY / (aws_api_gateway_integration.root) of aws_api_gateway_rest_api.main", "aws_lambda_function.app"), Range: at(46, 3, 46, 61)}},
			Fixed: permAPI + permFunction + `
resource "aws_api_gateway_rest_api" "old" {
  name = "old"
}

resource "aws_lambda_permission" "wrong" {
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.main.execution_arn}/*/*"
}
`,
		},
		{
			Name: "a stage-scoped permission misses the other stage; two permissions: no fix",
			Content: permAPI + permFunction + `
resource "aws_api_gateway_stage" "prod" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = "prod"
}

resource "aws_api_gateway_stage" "dev" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = "dev"
}

resource "aws_lambda_permission" "prod" {
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_stage.prod.execution_arn}/*"
}

resource "aws_lambda_permission" "prod_too" {
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.main.execution_arn}/prod/*/*"
}
`,
			Expected: helper.Issues{{Message: "no aws_lambda_permission of aws_lambda_function.app has a source_arn that covers GET /items/{id} on stage dev (aws_api_gateway_integration.item_get) of aws_api_gateway_rest_api.main and ANY / on stage dev (aws_api_gateway_integration.root) of aws_api_gateway_rest_api.main: API Gateway may not invoke it there, and " + invalidPerm, Range: at(35, 1, 35, 37)}},
		},
		{
			Name: "an authorizer needs <execution_arn>/authorizers/*",
			Content: permAPI + permFunction + `
resource "aws_api_gateway_authorizer" "token" {
  rest_api_id    = aws_api_gateway_rest_api.main.id
  authorizer_uri = aws_lambda_function.app.invoke_arn
}

resource "aws_lambda_permission" "methods" {
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.main.execution_arn}/*/*/*"
}
`,
			Expected: helper.Issues{{Message: notCovered("aws_lambda_permission.methods", "the authorizer (aws_api_gateway_authorizer.token) of aws_api_gateway_rest_api.main", "aws_lambda_function.app"), Range: at(47, 3, 47, 73)}},
			Fixed: permAPI + permFunction + `
resource "aws_api_gateway_authorizer" "token" {
  rest_api_id    = aws_api_gateway_rest_api.main.id
  authorizer_uri = aws_lambda_function.app.invoke_arn
}

resource "aws_lambda_permission" "methods" {
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.main.execution_arn}/*/*"
}
`,
		},
		{
			// A permission for another qualifier is apigw_lambda_permission_qualifier's to report.
			Name: "an alias with only an unqualified permission is not reported as missing",
			Content: `resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "app" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_alias.live.arn
}
` + permFunction + `
resource "aws_lambda_alias" "live" {
  function_name = aws_lambda_function.app.function_name
  name          = "live"
}

resource "aws_lambda_permission" "unqualified" {
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"
}
`,
		},
		{
			Name: "a permission for another principal does not count; two APIs get one permission each",
			Content: permAPI + `
resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "app" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.app.arn
}
` + permFunction + `
resource "aws_lambda_permission" "events" {
  function_name = aws_lambda_function.app.function_name
  principal     = "events.amazonaws.com"
}
`,
			Expected: helper.Issues{{Message: noPermission("aws_lambda_function.app", "aws_api_gateway_integration.item_get (GET /items/{id}), aws_api_gateway_integration.root (ANY /) and aws_apigatewayv2_integration.app"), Range: at(46, 1, 46, 37)}},
			Fixed: permAPI + `
resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "app" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.app.arn
}
` + permFunction + `
resource "aws_lambda_permission" "app_apigw_main" {
  statement_id  = "AllowAPIGatewayInvoke_main"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.main.execution_arn}/*/*"
}

resource "aws_lambda_permission" "app_apigw_http" {
  statement_id  = "AllowAPIGatewayInvoke_http"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*/*"
}

resource "aws_lambda_permission" "events" {
  function_name = aws_lambda_function.app.function_name
  principal     = "events.amazonaws.com"
}
`,
		},
		{
			Name: "unknowns are silent: a permission for any function, a source_arn from a variable, functions from elsewhere",
			Content: permAPI + permFunction + `
resource "aws_lambda_permission" "any" {
  function_name = var.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.main.execution_arn}/*/GET/nothing"
}

resource "aws_api_gateway_integration" "data" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  uri         = data.aws_lambda_function.shared.invoke_arn
}

resource "aws_api_gateway_integration" "module" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  uri         = module.fn.invoke_arn
}

resource "aws_api_gateway_integration" "external_api" {
  rest_api_id = data.aws_api_gateway_rest_api.shared.id
  uri         = aws_lambda_function.other.invoke_arn
}

resource "aws_lambda_function" "other" {
  function_name = "other"
}
`,
		},
		{
			Name: "a source_arn from a variable may cover anything",
			Content: permAPI + permFunction + `
resource "aws_lambda_permission" "var" {
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${var.execution_arn}/*/GET/items/*"
}
`,
			Expected: helper.Issues{{Message: notCovered("aws_lambda_permission.var", "ANY / (aws_api_gateway_integration.root) of aws_api_gateway_rest_api.main", "aws_lambda_function.app"), Range: at(42, 3, 42, 55)}},
			Fixed: permAPI + permFunction + `
resource "aws_lambda_permission" "var" {
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.main.execution_arn}/*/*"
}
`,
		},
		{
			Name: "count functions and JSON permissions are reported without a fix",
			Content: permAPI + `
resource "aws_lambda_function" "app" {
  count         = 1
  function_name = "orders"
}
`,
			Expected: helper.Issues{{Message: noPermission("aws_lambda_function.app", permUses), Range: at(35, 1, 35, 37)}},
		},
		{
			Name: "corpus_http_api_lambda: for_each functions indexed by each.key are invoked; a for_each permission names only its own function",
			Content: `resource "aws_apigatewayv2_api" "http" {
  name          = "me"
  protocol_type = "HTTP"
}

resource "aws_lambda_function" "fn" {
  for_each      = var.functions
  function_name = each.key
}

resource "aws_apigatewayv2_integration" "fn" {
  for_each         = var.functions
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.fn[each.key].invoke_arn
}

resource "aws_lambda_function" "other" {
  for_each      = var.functions
  function_name = "other-${each.key}"
}

resource "aws_apigatewayv2_integration" "other" {
  for_each         = var.functions
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.other[each.key].invoke_arn
}

resource "aws_lambda_permission" "other" {
  for_each      = var.functions
  function_name = aws_lambda_function.other[each.key].function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*/*"
}
`,
			Expected: helper.Issues{{Message: noPermissionV2("aws_lambda_function.fn", "aws_apigatewayv2_integration.fn"), Range: at(6, 1, 6, 36)}},
		},
		{
			Name:    "JSON permission with a narrow source_arn",
			Content: permAPI + permFunction,
			Files: map[string]string{"perm.tf.json": `{"resource": {"aws_lambda_permission": {"get": {
  "function_name": "${aws_lambda_function.app.function_name}",
  "principal": "apigateway.amazonaws.com",
  "source_arn": "${aws_api_gateway_rest_api.main.execution_arn}/*/GET/items/*"
}}}}`},
			Expected: helper.Issues{{Message: notCovered("aws_lambda_permission.get", "ANY / (aws_api_gateway_integration.root) of aws_api_gateway_rest_api.main", "aws_lambda_function.app"), Range: atFile("perm.tf.json", 4, 3, 4, 79)}},
		},
		{
			Name: "a permission named by the same expression as the function (the same variable, the same template) is its permission",
			Content: permAPI + `
variable "function_name" {
  type    = string
  default = "orders"
}

resource "aws_lambda_function" "app" {
  function_name = var.function_name
}

resource "aws_lambda_permission" "app" {
  function_name = var.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.main.execution_arn}/*/*"
}

resource "aws_api_gateway_integration" "other" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  resource_id             = aws_api_gateway_resource.items.id
  http_method             = "GET"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.other.invoke_arn
}

resource "aws_lambda_function" "other" {
  function_name = "${var.function_name}-other"
}

resource "aws_lambda_permission" "other" {
  function_name = "${var.function_name}-other"
  principal     = "apigateway.amazonaws.com"
}
`,
		},
		{
			Name:     "a permission never created grants nothing; an integration never created invokes nothing",
			Content:  permAPI + permFunction + neverCreated,
			Expected: helper.Issues{{Message: noPermission("aws_lambda_function.app", permUses), Range: at(35, 1, 35, 37)}},
			Fixed: permAPI + permFunction + `
resource "aws_lambda_permission" "app_apigw" {
  statement_id  = "AllowAPIGatewayInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.main.execution_arn}/*/*"
}
` + neverCreated,
		},
	})
}

func TestApigwLambdaPermissionWithRole(t *testing.T) {
	runRuleCases(t, NewApigwLambdaPermissionRule(), []ruleCase{{
		Name: "an integration with credentials invokes with its role: no permission needed",
		Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_api_gateway_integration" "get" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  uri         = aws_lambda_function.app.invoke_arn
  credentials = aws_iam_role.apigw.arn
}
` + permFunction,
	},
		{
			Name: "an authorizer with authorizer_credentials and an HTTP API integration with credentials_arn need no permission",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_api_gateway_authorizer" "token" {
  name                   = "token"
  rest_api_id            = aws_api_gateway_rest_api.main.id
  authorizer_uri         = aws_lambda_function.app.invoke_arn
  authorizer_credentials = aws_iam_role.apigw.arn
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "app" {
  api_id           = aws_apigatewayv2_api.http.id
  integration_type = "AWS_PROXY"
  integration_uri  = aws_lambda_function.app.invoke_arn
  credentials_arn  = var.invoke_role_arn
}
` + permFunction,
		},
	})
}

// neverCreated is a permission and an integration with no instance.
const neverCreated = `
resource "aws_lambda_permission" "app" {
  count         = 0
  function_name = aws_lambda_function.app.function_name
  principal     = "apigateway.amazonaws.com"
}

resource "aws_api_gateway_integration" "legacy" {
  for_each                = {}
  rest_api_id             = aws_api_gateway_rest_api.main.id
  resource_id             = aws_api_gateway_resource.items.id
  http_method             = "GET"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.legacy.invoke_arn
}

resource "aws_lambda_function" "legacy" {
  function_name = "legacy"
}
`
