package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func bodyMixed(api, separate string) string {
	return api + " imports an OpenAPI body and also has " + separate + ": every body update overwrites the API and deletes the resources and methods the body does not define, so their paths answer 403 Missing Authentication Token until another apply recreates them and redeploys"
}

const separateItems = `
resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "items"
}

resource "aws_api_gateway_method" "items_get" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "NONE"
}
`

func TestApigwBodyMixedWithResources(t *testing.T) {
	runRuleCases(t, NewApigwBodyMixedWithResourcesRule(), []ruleCase{
		{
			Name: "a jsonencode body and separate resources",
			Content: `resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
  body = jsonencode({
    openapi = "3.0.1"
    paths   = {}
  })
}
` + separateItems,
			Expected: helper.Issues{{Message: bodyMixed("aws_api_gateway_rest_api.orders", "aws_api_gateway_resource.items, aws_api_gateway_method.items_get"), Range: at(3, 3, 6, 5)}},
		},
		{
			Name: "explicit overwrite mode and a literal body",
			Content: `resource "aws_api_gateway_rest_api" "orders" {
  name              = "orders"
  body              = "{\"openapi\": \"3.0.1\", \"paths\": {}}"
  put_rest_api_mode = "overwrite"
}
` + separateItems,
			Expected: helper.Issues{{Message: bodyMixed("aws_api_gateway_rest_api.orders", "aws_api_gateway_resource.items, aws_api_gateway_method.items_get"), Range: at(3, 3, 3, 64)}},
		},
		{
			Name: "merge mode, an unknown mode, or a body that may be null",
			Content: `variable "mode" {
  type = string
}

variable "spec" {
  type = string
}

variable "optional_spec" {
  type    = string
  default = null
}

resource "aws_api_gateway_rest_api" "orders" {
  name              = "orders"
  body              = file("openapi.json")
  put_rest_api_mode = "merge"
}

resource "aws_api_gateway_rest_api" "billing" {
  name              = "billing"
  body              = file("billing.json")
  put_rest_api_mode = var.mode
}

resource "aws_api_gateway_rest_api" "a" {
  name = "a"
  body = var.spec
}

resource "aws_api_gateway_rest_api" "b" {
  name = "b"
  body = var.optional_spec
}

resource "aws_api_gateway_resource" "billing" {
  rest_api_id = aws_api_gateway_rest_api.billing.id
  path_part   = "x"
}

resource "aws_api_gateway_resource" "a" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  path_part   = "x"
}

resource "aws_api_gateway_method" "b" {
  for_each    = toset(["GET", "POST"])
  rest_api_id = aws_api_gateway_rest_api.b.id
  http_method = each.key
}
` + separateItems,
		},
		{
			Name: "separate resources with count = 0 do not exist",
			Content: `resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
  body = file("openapi.json")
}

resource "aws_api_gateway_resource" "none" {
  count       = 0
  rest_api_id = aws_api_gateway_rest_api.orders.id
}
`,
		},
		{
			Name: "a body without separate resources; separate resources without a body",
			Content: `resource "aws_api_gateway_rest_api" "spec" {
  name = "spec"
  body = file("openapi.json")
}

resource "aws_api_gateway_integration" "x" {
  rest_api_id = aws_api_gateway_rest_api.spec.id
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}
` + separateItems,
		},
		{
			Name: "JSON syntax, and more than three separate resources",
			Files: map[string]string{"api.tf.json": `{
  "resource": {
    "aws_api_gateway_rest_api": {
      "orders": {
        "name": "orders",
        "body": "${file(\"openapi.json\")}"
      }
    },
    "aws_api_gateway_resource": {
      "a": {"rest_api_id": "${aws_api_gateway_rest_api.orders.id}"},
      "b": {"rest_api_id": "${aws_api_gateway_rest_api.orders.id}"},
      "c": {"rest_api_id": "${aws_api_gateway_rest_api.orders.id}"},
      "d": {"rest_api_id": "${aws_api_gateway_rest_api.orders.id}"}
    }
  }
}`},
			Expected: helper.Issues{{Message: bodyMixed("aws_api_gateway_rest_api.orders", "aws_api_gateway_resource.a, aws_api_gateway_resource.b, aws_api_gateway_resource.c and 1 more"), Range: atFile("api.tf.json", 6, 9, 6, 44)}},
		},
	})
}
