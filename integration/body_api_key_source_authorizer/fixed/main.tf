# The spec reads API keys from an authorizer, yet GET /reports requires a key
# without any Lambda authorizer: no authorizer returns the key, every call 403.
resource "aws_api_gateway_rest_api" "reports" {
  name = "reports"
  body = <<-EOT
    {
      "openapi": "3.0.1",
      "info": {"title": "reports", "version": "1"},
      "x-amazon-apigateway-api-key-source": "AUTHORIZER",
      "paths": {
        "/reports": {
          "get": {
            "security": [{"api_key": []}],
            "x-amazon-apigateway-integration": {"type": "mock"}
          }
        }
      },
      "components": {
        "securitySchemes": {
          "api_key": {"type": "apiKey", "name": "x-api-key", "in": "header"}
        }
      }
    }
  EOT
}

resource "aws_api_gateway_usage_plan" "reports" {
  name = "reports"
  api_stages {
    api_id = aws_api_gateway_rest_api.reports.id
    stage  = aws_api_gateway_stage.prod.stage_name
  }
}

resource "aws_api_gateway_api_key" "reports" {
  name = "reports"
}

resource "aws_api_gateway_usage_plan_key" "reports" {
  key_id        = aws_api_gateway_api_key.reports.id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.reports.id
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
