# The spec requires an API key on GET /reports; no usage plan names a stage
# of this API.
resource "aws_api_gateway_rest_api" "reports" {
  name = "reports"
  body = file("${path.module}/openapi.yaml")
}

resource "aws_api_gateway_deployment" "reports" {
  rest_api_id = aws_api_gateway_rest_api.reports.id

  triggers = {
    redeployment = sha1(aws_api_gateway_rest_api.reports.body)
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.reports.id
  deployment_id = aws_api_gateway_deployment.reports.id
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "prod" {
  rest_api_id = aws_api_gateway_rest_api.reports.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    logging_level   = "INFO"
    metrics_enabled = true
  }
}
