# Corpus: a service module that adds its routes to a shared REST API read
# with a data source, and deploys them itself. The module declares the
# deployment and the members, so keeping the deployment in step with them
# is this module's business. Expected: the deployment's triggers leave out
# the method and integration declared here (apigw_deployment_triggers_incomplete);
# the members declared elsewhere are not named. The caller's extra entries
# (a variable, inside concat) hide nothing of this module.

variable "api_name" {
  type    = string
  default = "shared-platform"
}

# Extra values the caller wants hashed; they cannot name this module's
# resources, so the other entries are judged.
variable "extra_redeploy_triggers" {
  type    = list(string)
  default = []
}

data "aws_api_gateway_rest_api" "shared" {
  name = var.api_name
}

resource "aws_api_gateway_resource" "invoices" {
  rest_api_id = data.aws_api_gateway_rest_api.shared.id
  parent_id   = data.aws_api_gateway_rest_api.shared.root_resource_id
  path_part   = "invoices"
}

resource "aws_api_gateway_method" "invoices_get" {
  rest_api_id   = data.aws_api_gateway_rest_api.shared.id
  resource_id   = aws_api_gateway_resource.invoices.id
  http_method   = "GET"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "invoices_get" {
  rest_api_id             = data.aws_api_gateway_rest_api.shared.id
  resource_id             = aws_api_gateway_resource.invoices.id
  http_method             = aws_api_gateway_method.invoices_get.http_method
  type                    = "HTTP_PROXY"
  integration_http_method = "GET"
  uri                     = "https://invoices.internal.example.com/invoices"
}

resource "aws_api_gateway_deployment" "invoices" {
  rest_api_id = data.aws_api_gateway_rest_api.shared.id

  triggers = {
    redeployment = sha1(jsonencode(concat(var.extra_redeploy_triggers, [
      aws_api_gateway_resource.invoices.id,
    ])))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "invoices" {
  rest_api_id   = data.aws_api_gateway_rest_api.shared.id
  deployment_id = aws_api_gateway_deployment.invoices.id
  stage_name    = "invoices"
}
