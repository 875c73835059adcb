# apigw_disabled_default_endpoint through the real tflint: values from locals
# and functions, which the unit test runner cannot evaluate.

locals {
  domain_only = true
}

# Reported: disabled through a local, and no mapping names it.
resource "aws_api_gateway_rest_api" "orders" {
  name                         = "orders"
  disable_execute_api_endpoint = local.domain_only
}

# Reported: an HTTP API disabled through a function.
resource "aws_apigatewayv2_api" "events" {
  name                         = "events"
  protocol_type                = "HTTP"
  disable_execute_api_endpoint = tobool("true")
}

# Not reported: mapped by an API mapping through its stage's rest_api_id.
resource "aws_api_gateway_rest_api" "billing" {
  name                         = "billing"
  disable_execute_api_endpoint = local.domain_only
}

resource "aws_api_gateway_stage" "billing" {
  rest_api_id   = aws_api_gateway_rest_api.billing.id
  deployment_id = aws_api_gateway_deployment.billing.id
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "billing" {
  rest_api_id = aws_api_gateway_rest_api.billing.id
  stage_name  = aws_api_gateway_stage.billing.stage_name
  method_path = "*/*"

  settings {
    logging_level   = "INFO"
    metrics_enabled = true
  }
}

resource "aws_apigatewayv2_domain_name" "api" {
  domain_name = "api.example.com"

  domain_name_configuration {
    certificate_arn = aws_acm_certificate.api.arn
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

resource "aws_apigatewayv2_api_mapping" "billing" {
  api_id          = aws_api_gateway_stage.billing.rest_api_id
  domain_name     = aws_apigatewayv2_domain_name.api.id
  stage           = aws_api_gateway_stage.billing.stage_name
  api_mapping_key = "billing"
}

# Not reported: the endpoint stays on when the condition is false.
resource "aws_api_gateway_rest_api" "public" {
  name                         = "public"
  disable_execute_api_endpoint = length(local.domain_only ? [] : ["x"]) > 0
}
