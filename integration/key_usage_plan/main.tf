locals {
  require_key = true
}

variable "key_required" {
  type    = map(bool)
  default = { reports = true }
}

variable "deployment_id" {
  type = string
}

# a: key required through a local, no usage plan at all.
resource "aws_api_gateway_rest_api" "a" {
  name = "a"
}

resource "aws_api_gateway_method" "a" {
  rest_api_id      = aws_api_gateway_rest_api.a.id
  resource_id      = aws_api_gateway_rest_api.a.root_resource_id
  http_method      = "GET"
  authorization    = "NONE"
  api_key_required = local.require_key
}

resource "aws_api_gateway_stage" "a" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  deployment_id = var.deployment_id
  stage_name    = "prod"
}

# b: key required through a function call; the usage plan (naming the API
# through the stage) has no key.
resource "aws_api_gateway_rest_api" "b" {
  name = "b"
}

resource "aws_api_gateway_method" "b" {
  rest_api_id      = aws_api_gateway_rest_api.b.id
  resource_id      = aws_api_gateway_rest_api.b.root_resource_id
  http_method      = "GET"
  authorization    = "NONE"
  api_key_required = lookup(var.key_required, "reports", false)
}

resource "aws_api_gateway_stage" "b" {
  rest_api_id   = aws_api_gateway_rest_api.b.id
  deployment_id = var.deployment_id
  stage_name    = "prod"
}

resource "aws_api_gateway_usage_plan" "b" {
  name = "b"

  api_stages {
    api_id = aws_api_gateway_stage.b.rest_api_id
    stage  = aws_api_gateway_stage.b.stage_name
  }
}

# c: wired completely, with count on the key.
resource "aws_api_gateway_rest_api" "c" {
  name = "c"
}

resource "aws_api_gateway_method" "c" {
  rest_api_id      = aws_api_gateway_rest_api.c.id
  resource_id      = aws_api_gateway_rest_api.c.root_resource_id
  http_method      = "GET"
  authorization    = "NONE"
  api_key_required = true
}

resource "aws_api_gateway_stage" "c" {
  rest_api_id   = aws_api_gateway_rest_api.c.id
  deployment_id = var.deployment_id
  stage_name    = "prod"
}

resource "aws_api_gateway_usage_plan" "c" {
  name = "c"

  api_stages {
    api_id = aws_api_gateway_rest_api.c.id
    stage  = aws_api_gateway_stage.c.stage_name
  }
}

resource "aws_api_gateway_api_key" "c" {
  count = 2
  name  = "c-${count.index}"
}

resource "aws_api_gateway_usage_plan_key" "c" {
  count         = 2
  key_id        = aws_api_gateway_api_key.c[count.index].id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.c.id
}

# d: the key requirement is off once evaluated.
resource "aws_api_gateway_method" "d" {
  rest_api_id      = aws_api_gateway_rest_api.a.id
  resource_id      = aws_api_gateway_rest_api.a.root_resource_id
  http_method      = "POST"
  authorization    = "NONE"
  api_key_required = !local.require_key
}
