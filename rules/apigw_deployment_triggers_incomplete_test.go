package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

const routesAnswer403 = "new and changed routes answer 403 Missing Authentication Token"

// leftOut is the message for REST triggers that leave out members: the
// symptom names what the left-out kinds do to callers.
func leftOut(addr, labels, symptom string) string {
	return addr + " has triggers that leave out " + labels + ", so changes to them are never deployed: " + symptom + " until someone redeploys by hand"
}

func incompleteV1(addr, why string) string {
	return addr + " " + why + ": new and changed routes answer 403 Missing Authentication Token, and policy and authorizer changes stay unpublished, until someone redeploys by hand"
}

const restAPIWithTwoRoutes = restAPIWithRoute + `
resource "aws_api_gateway_integration" "get" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  resource_id = aws_api_gateway_resource.items.id
  http_method = aws_api_gateway_method.get.http_method
  type        = "MOCK"
}
`

func TestApigwDeploymentTriggersIncomplete(t *testing.T) {
	runRuleCases(t, NewApigwDeploymentTriggersIncompleteRule(), []ruleCase{
		{
			Name: "triggers that leave out members are extended, one entry a line",
			Content: restAPIWithTwoRoutes + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items.id,
      # add every route and integration resource ID
    ]))
  }
}
` + servingStage("main"),
			Expected: helper.Issues{{
				Message: leftOut("aws_api_gateway_deployment.main", "aws_api_gateway_method.get and aws_api_gateway_integration.get", routesAnswer403),
				Range:   at(28, 3, 33, 4),
			}},
			Fixed: restAPIWithTwoRoutes + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.get.id,
      aws_api_gateway_integration.get.id,
      # add every route and integration resource ID
    ]))
  }
}
` + servingStage("main"),
		},
		{
			Name: "complete triggers, in any form of reference, are left alone",
			Content: restAPIWithTwoRoutes + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items,
      aws_api_gateway_method.get.http_method,
      aws_api_gateway_integration.get[*].id,
    ]))
  }
}
`,
		},
		{
			Name: "triggers that hash only the API id can never change; a one-line list is laid out",
			Content: restAPIWithRoute + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers    = { redeployment = sha1(jsonencode([aws_api_gateway_rest_api.main.id])) }
}
` + servingStage("main"),
			Expected: helper.Issues{{
				Message: incompleteV1("aws_api_gateway_deployment.main", "has triggers that can never change, so Terraform never redeploys it"),
				Range:   at(20, 3, 20, 88),
			}},
			Fixed: restAPIWithRoute + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = { redeployment = sha1(jsonencode([
    aws_api_gateway_rest_api.main.id,
    aws_api_gateway_resource.items.id,
    aws_api_gateway_method.get.id,
  ])) }
}
` + servingStage("main"),
		},
		{
			Name: "a literal trigger can never change and has no list to extend",
			Content: restAPIWithRoute + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = "v1"
  }
}
` + servingStage("main"),
			Expected: helper.Issues{{
				Message: incompleteV1("aws_api_gateway_deployment.main", "has triggers that can never change, so Terraform never redeploys it"),
				Range:   at(20, 3, 22, 4),
			}},
		},
		{
			Name: "hashing the body of an API that has no body can never change",
			Content: restAPIWithRoute + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = sha1(jsonencode(aws_api_gateway_rest_api.main.body))
  }
}
` + servingStage("main"),
			Expected: helper.Issues{{
				Message: incompleteV1("aws_api_gateway_deployment.main", "has triggers that can never change, so Terraform never redeploys it"),
				Range:   at(20, 3, 22, 4),
			}},
		},
		{
			Name: "the body of a body-defined API is complete",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
  body = file("openapi.json")
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = sha1(jsonencode(aws_api_gateway_rest_api.main.body))
  }
}
`,
		},
		{
			Name: "whole resources in the list: missing ones are added whole",
			Content: restAPIWithTwoRoutes + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = sha256(jsonencode([
      aws_api_gateway_resource.items,
      aws_api_gateway_method.get
    ]))
  }
}
` + servingStage("main"),
			Expected: helper.Issues{{
				Message: leftOut("aws_api_gateway_deployment.main", "aws_api_gateway_integration.get", routesAnswer403),
				Range:   at(27, 3, 32, 4),
			}},
			Fixed: restAPIWithTwoRoutes + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = sha256(jsonencode([
      aws_api_gateway_resource.items,
      aws_api_gateway_method.get,
      aws_api_gateway_integration.get,
    ]))
  }
}
` + servingStage("main"),
		},
		{
			Name: "count and for_each members are added with a splat and values()",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_api_gateway_resource" "route" {
  for_each    = var.routes
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_rest_api.main.root_resource_id
  path_part   = each.key
}

resource "aws_api_gateway_method" "any" {
  count         = length(var.routes)
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = "x"
  http_method   = "ANY"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = sha1(jsonencode([]))
  }
}
` + servingStage("main"),
			Expected: helper.Issues{{
				Message: incompleteV1("aws_api_gateway_deployment.main", "has triggers that can never change, so Terraform never redeploys it"),
				Range:   at(22, 3, 24, 4),
			}},
			Fixed: `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_api_gateway_resource" "route" {
  for_each    = var.routes
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_rest_api.main.root_resource_id
  path_part   = each.key
}

resource "aws_api_gateway_method" "any" {
  count         = length(var.routes)
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = "x"
  http_method   = "ANY"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = sha1(jsonencode([
      values(aws_api_gateway_resource.route)[*].id,
      aws_api_gateway_method.any[*].id,
    ]))
  }
}
` + servingStage("main"),
		},
		{
			Name: "triggers from variables, locals, or functions that read files or the clock are not judged",
			Content: restAPIWithTwoRoutes + `
variable "extra" {
  type = string
}

resource "aws_api_gateway_deployment" "a" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers    = { redeployment = sha1(jsonencode([var.extra])) }
}

resource "aws_api_gateway_deployment" "b" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers    = { redeployment = sha1(jsonencode(local.routes)) }
}

resource "aws_api_gateway_deployment" "c" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers    = { redeployment = filesha1("${path.module}/api.tf") }
}

resource "aws_api_gateway_deployment" "d" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers    = { always = timestamp() }
}
`,
		},
		{
			Name: "API id from a variable: members that share the expression are expected",
			Content: `resource "aws_api_gateway_method" "get" {
  rest_api_id   = var.api_id
  resource_id   = var.root_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "get" {
  rest_api_id = var.api_id
  resource_id = var.root_id
  http_method = "GET"
  type        = "MOCK"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = var.api_id
  triggers = {
    redeployment = sha1(jsonencode([aws_api_gateway_method.get.id]))
  }
}
` + servingStage("main"),
			Expected: helper.Issues{{
				Message: leftOut("aws_api_gateway_deployment.main", "aws_api_gateway_integration.get", routesAnswer403),
				Range:   at(17, 3, 19, 4),
			}},
			Fixed: `resource "aws_api_gateway_method" "get" {
  rest_api_id   = var.api_id
  resource_id   = var.root_id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "get" {
  rest_api_id = var.api_id
  resource_id = var.root_id
  http_method = "GET"
  type        = "MOCK"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = var.api_id
  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_method.get.id,
      aws_api_gateway_integration.get.id,
    ]))
  }
}
` + servingStage("main"),
		},
		{
			Name: "API from a data source: silence",
			Content: `resource "aws_api_gateway_method" "get" {
  rest_api_id   = data.aws_api_gateway_rest_api.shared.id
  resource_id   = "r"
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = data.aws_api_gateway_rest_api.shared.id
  triggers    = { redeployment = "static" }
}
`,
		},
		{
			Name: "triggers that are not a hashed list are reported without a fix; long lists are shortened",
			Content: restAPIWithTwoRoutes + `
resource "aws_api_gateway_method_response" "ok" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  resource_id = aws_api_gateway_resource.items.id
  http_method = "GET"
  status_code = "200"
}

resource "aws_api_gateway_method_response" "created" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  resource_id = aws_api_gateway_resource.items.id
  http_method = "GET"
  status_code = "201"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    api = aws_api_gateway_rest_api.main.name
  }
}
` + servingStage("main"),
			Expected: helper.Issues{{
				Message: leftOut("aws_api_gateway_deployment.main", "aws_api_gateway_resource.items, aws_api_gateway_method.get, aws_api_gateway_integration.get and 2 more", routesAnswer403+", and response, model and validator changes stay unpublished,"),
				Range:   at(41, 3, 43, 4),
			}},
		},
		{
			Name: "a policy resource's id never changes: only its document covers it",
			Content: restAPIWithRoute + `
resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy      = "{}"
}

resource "aws_lambda_function" "app" {
  function_name = "app"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = base64sha512(jsonencode([
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.get.id,
      aws_api_gateway_rest_api_policy.main.id,
      aws_lambda_function.app.source_code_hash,
    ]))
  }
}
` + servingStage("main"),
			Expected: helper.Issues{{
				Message: leftOut("aws_api_gateway_deployment.main", "aws_api_gateway_rest_api_policy.main", "policy changes stay unpublished (callers keep getting the last deployed version)"),
				Range:   at(29, 3, 36, 4),
			}},
			Fixed: restAPIWithRoute + `
resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy      = "{}"
}

resource "aws_lambda_function" "app" {
  function_name = "app"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = base64sha512(jsonencode([
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.get.id,
      aws_api_gateway_rest_api_policy.main.id,
      aws_lambda_function.app.source_code_hash,
      aws_api_gateway_rest_api_policy.main.policy,
    ]))
  }
}
` + servingStage("main"),
		},
		{
			Name:    "JSON: parentheses inside a plain string are no function call",
			Content: restAPIWithRoute + servingStage("main"),
			Files: map[string]string{"deploy.tf.json": `{"resource": {"aws_api_gateway_deployment": {"main": {
  "rest_api_id": "${aws_api_gateway_rest_api.main.id}",
  "triggers": {"release": "v1 (initial)"}
}}}}`},
			Expected: helper.Issues{{
				Message: incompleteV1("aws_api_gateway_deployment.main", "has triggers that can never change, so Terraform never redeploys it"),
				Range:   atFile("deploy.tf.json", 3, 3, 3, 42),
			}},
		},
		{
			Name: "corpus_cors_mock: left-out CORS responses keep their deployed version; routes are not said to answer 403",
			Content: restAPIWithRoute + `
resource "aws_api_gateway_method_response" "ok" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  resource_id = aws_api_gateway_resource.items.id
  http_method = aws_api_gateway_method.get.http_method
  status_code = "200"
}

resource "aws_api_gateway_gateway_response" "unauthorized" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  response_type = "UNAUTHORIZED"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.get.id,
    ]))
  }
}
` + servingStage("main"),
			Expected: helper.Issues{{
				Message: leftOut("aws_api_gateway_deployment.main", "aws_api_gateway_method_response.ok and aws_api_gateway_gateway_response.unauthorized",
					"response, model and validator changes stay unpublished (callers keep getting the last deployed version)"),
				Range: at(32, 3, 37, 4),
			}},
			Fixed: restAPIWithRoute + `
resource "aws_api_gateway_method_response" "ok" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  resource_id = aws_api_gateway_resource.items.id
  http_method = aws_api_gateway_method.get.http_method
  status_code = "200"
}

resource "aws_api_gateway_gateway_response" "unauthorized" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  response_type = "UNAUTHORIZED"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.get.id,
      aws_api_gateway_method_response.ok.id,
      aws_api_gateway_gateway_response.unauthorized.id,
    ]))
  }
}
` + servingStage("main"),
		},
		{
			Name:    "JSON syntax: reported, no fix",
			Content: restAPIWithRoute + servingStage("main"),
			Files: map[string]string{"deploy.tf.json": `{
  "resource": {
    "aws_api_gateway_deployment": {
      "main": {
        "rest_api_id": "${aws_api_gateway_rest_api.main.id}",
        "triggers": {"redeployment": "${sha1(jsonencode([aws_api_gateway_method.get.id]))}"}
      }
    }
  }
}`},
			Expected: helper.Issues{{
				Message: leftOut("aws_api_gateway_deployment.main", "aws_api_gateway_resource.items", routesAnswer403),
				Range:   atFile("deploy.tf.json", 6, 9, 6, 93),
			}},
		},
		{
			Name: "the policy's document, the data source whole, or a terraform_data replaced with the members cover them",
			Content: restAPIWithTwoRoutes + `
data "aws_iam_policy_document" "main" {
  statement {
    actions   = ["execute-api:Invoke"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy      = data.aws_iam_policy_document.main.json
}

resource "terraform_data" "routes" {
  triggers_replace = [aws_api_gateway_resource.items.id, aws_api_gateway_method.get.id]
}

resource "null_resource" "integrations" {
  triggers = {
    get = aws_api_gateway_integration.get.id
  }
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    policy       = data.aws_iam_policy_document.main.json
    routes       = terraform_data.routes.id
    integrations = null_resource.integrations.id
  }
}

resource "aws_api_gateway_deployment" "whole" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = sha1(jsonencode([data.aws_iam_policy_document.main, terraform_data.routes, aws_api_gateway_integration.get.id]))
  }
}
` + servingStage("main") + servingStage("whole"),
		},
		{
			Name: "locals are followed: the list a local holds, and the local a member is built from",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
  policy = local.policy
}

locals {
  policy = jsonencode({ Statement = [] })
  paths  = toset(["items", "carts"])
  ids    = [for r in aws_api_gateway_resource.path : r.id]
}

resource "aws_api_gateway_resource" "path" {
  for_each    = local.paths
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_rest_api.main.root_resource_id
  path_part   = each.value
}

resource "aws_api_gateway_method" "get" {
  for_each      = local.paths
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_resource.path[each.key].id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = sha1(jsonencode([local.policy, local.paths, local.ids]))
  }
}
` + servingStage("main"),
		},
		{
			Name: "var and module entries cannot name this module's resources: the other entries are judged",
			Content: restAPIWithTwoRoutes + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = sha1(jsonencode([
      var.extra_triggers,
      module.spec.hash,
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.get.id,
    ]))
  }
}
` + servingStage("main"),
			Expected: helper.Issues{{
				Message: leftOut("aws_api_gateway_deployment.main", "aws_api_gateway_integration.get", routesAnswer403),
				Range:   at(27, 3, 34, 4),
			}},
			Fixed: restAPIWithTwoRoutes + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = sha1(jsonencode([
      var.extra_triggers,
      module.spec.hash,
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.get.id,
      aws_api_gateway_integration.get.id,
    ]))
  }
}
` + servingStage("main"),
		},
		{
			Name: "list(), tolist(), concat(), flatten() and values() are containers, not opaque",
			Content: restAPIWithTwoRoutes + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = sha1(join(",", concat(tolist([aws_api_gateway_resource.items.id]), flatten(list(values({ m = aws_api_gateway_method.get.id }))))))
  }
}
` + servingStage("main"),
			Expected: helper.Issues{{
				Message: leftOut("aws_api_gateway_deployment.main", "aws_api_gateway_integration.get", routesAnswer403),
				Range:   at(27, 3, 29, 4),
			}},
		},
		{
			Name: "API from a data source whose deployment and members are declared here: those members are judged",
			Content: `data "aws_api_gateway_rest_api" "shared" {
  name = "shared"
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = data.aws_api_gateway_rest_api.shared.id
  parent_id   = data.aws_api_gateway_rest_api.shared.root_resource_id
  path_part   = "items"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = data.aws_api_gateway_rest_api.shared.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = data.aws_api_gateway_rest_api.shared.id
  triggers = {
    redeployment = sha1(jsonencode([aws_api_gateway_resource.items.id]))
  }
}

resource "aws_api_gateway_stage" "main" {
  rest_api_id   = data.aws_api_gateway_rest_api.shared.id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "items"
}
`,
			Expected: helper.Issues{{
				Message: leftOut("aws_api_gateway_deployment.main", "aws_api_gateway_method.get", routesAnswer403),
				Range:   at(20, 3, 22, 4),
			}},
			Fixed: `data "aws_api_gateway_rest_api" "shared" {
  name = "shared"
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = data.aws_api_gateway_rest_api.shared.id
  parent_id   = data.aws_api_gateway_rest_api.shared.root_resource_id
  path_part   = "items"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = data.aws_api_gateway_rest_api.shared.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = data.aws_api_gateway_rest_api.shared.id
  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.get.id,
    ]))
  }
}

resource "aws_api_gateway_stage" "main" {
  rest_api_id   = data.aws_api_gateway_rest_api.shared.id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "items"
}
`,
		},
		{
			Name: "chained ids: the method and integration that take the API id from another member are expected",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_rest_api.main.root_resource_id
  path_part   = "items"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_resource.items.rest_api_id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "get" {
  rest_api_id = aws_api_gateway_method.get.rest_api_id
  resource_id = aws_api_gateway_method.get.resource_id
  http_method = aws_api_gateway_method.get.http_method
  type        = "MOCK"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = sha1(jsonencode([aws_api_gateway_resource.items.id]))
  }
}
` + servingStage("main"),
			Expected: helper.Issues{{
				Message: leftOut("aws_api_gateway_deployment.main", "aws_api_gateway_method.get and aws_api_gateway_integration.get", routesAnswer403),
				Range:   at(27, 3, 29, 4),
			}},
			Fixed: `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  parent_id   = aws_api_gateway_rest_api.main.root_resource_id
  path_part   = "items"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_resource.items.rest_api_id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "get" {
  rest_api_id = aws_api_gateway_method.get.rest_api_id
  resource_id = aws_api_gateway_method.get.resource_id
  http_method = aws_api_gateway_method.get.http_method
  type        = "MOCK"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.get.id,
      aws_api_gateway_integration.get.id,
    ]))
  }
}
` + servingStage("main"),
		},
		{
			Name: "members that are never created need no entry; unserved deployments and clock triggers are not judged",
			Content: restAPIWithTwoRoutes + `
resource "aws_api_gateway_method" "legacy" {
  count         = 0
  rest_api_id   = aws_api_gateway_rest_api.main.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "POST"
  authorization = "NONE"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.get.id,
      aws_api_gateway_integration.get.id,
    ]))
  }
}

resource "aws_api_gateway_deployment" "unused" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers    = { redeployment = sha1(jsonencode([aws_api_gateway_resource.items.id])) }
}

resource "aws_api_gateway_deployment" "clock" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  triggers    = { redeployment = sha1(jsonencode([aws_api_gateway_resource.items.id, timestamp()])) }
}
` + servingStage("main") + servingStage("clock"),
		},
	})
}
