# Corpus: deployments that redeploy through another argument than triggers.
# variables, stage_description and canary_settings force a new deployment
# when they change (provider schema), and teams put a clock or a hash of the
# API's body there. Expected: no "never redeploys" report for any of them;
# the fifth lacks create_before_destroy; stages without logs get the notice.

variable "environment" {
  type    = string
  default = "prod"
}

# 1. variables = { deployed_at = timestamp() }: a new deployment every apply.
resource "aws_api_gateway_rest_api" "orders" {
  name = "orders-${var.environment}"
}

resource "aws_api_gateway_resource" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  parent_id   = aws_api_gateway_rest_api.orders.root_resource_id
  path_part   = "orders"
}

resource "aws_api_gateway_method" "orders_get" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "orders_get" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  resource_id = aws_api_gateway_resource.orders.id
  http_method = aws_api_gateway_method.orders_get.http_method
  type        = "MOCK"

  request_templates = {
    "application/json" = jsonencode({ statusCode = 200 })
  }
}

resource "aws_api_gateway_deployment" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id

  variables = {
    deployed_at = timestamp()
  }

  depends_on = [aws_api_gateway_integration.orders_get]

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "orders" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = var.environment
}

# 2. stage_description with the clock in it (the older idiom, deprecated).
resource "aws_api_gateway_rest_api" "reports" {
  name = "reports-${var.environment}"
}

resource "aws_api_gateway_resource" "reports" {
  rest_api_id = aws_api_gateway_rest_api.reports.id
  parent_id   = aws_api_gateway_rest_api.reports.root_resource_id
  path_part   = "reports"
}

resource "aws_api_gateway_method" "reports_get" {
  rest_api_id   = aws_api_gateway_rest_api.reports.id
  resource_id   = aws_api_gateway_resource.reports.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "reports_get" {
  rest_api_id = aws_api_gateway_rest_api.reports.id
  resource_id = aws_api_gateway_resource.reports.id
  http_method = aws_api_gateway_method.reports_get.http_method
  type        = "MOCK"
}

resource "aws_api_gateway_deployment" "reports" {
  rest_api_id       = aws_api_gateway_rest_api.reports.id
  stage_description = "Deployed at ${timestamp()}"

  depends_on = [aws_api_gateway_integration.reports_get]

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "reports" {
  rest_api_id   = aws_api_gateway_rest_api.reports.id
  deployment_id = aws_api_gateway_deployment.reports.id
  stage_name    = var.environment
}

# 3. a terraform_data fed by the clock, its output in the variables.
resource "terraform_data" "catalog_revision" {
  input = plantimestamp()
}

resource "aws_api_gateway_rest_api" "catalog" {
  name = "catalog-${var.environment}"
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.catalog.id
  parent_id   = aws_api_gateway_rest_api.catalog.root_resource_id
  path_part   = "items"
}

resource "aws_api_gateway_method" "items_get" {
  rest_api_id   = aws_api_gateway_rest_api.catalog.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "items_get" {
  rest_api_id = aws_api_gateway_rest_api.catalog.id
  resource_id = aws_api_gateway_resource.items.id
  http_method = aws_api_gateway_method.items_get.http_method
  type        = "MOCK"
}

resource "aws_api_gateway_deployment" "catalog" {
  rest_api_id = aws_api_gateway_rest_api.catalog.id

  variables = {
    revision = terraform_data.catalog_revision.output
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "catalog" {
  rest_api_id   = aws_api_gateway_rest_api.catalog.id
  deployment_id = aws_api_gateway_deployment.catalog.id
  stage_name    = var.environment
}

# 4. an API defined by its body, the body's hash in the variables.
resource "aws_api_gateway_rest_api" "status" {
  name = "status-${var.environment}"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "status", version = "1.0" }
    paths = {
      "/status" = {
        get = {
          x-amazon-apigateway-integration = {
            type             = "mock"
            requestTemplates = { "application/json" = "{\"statusCode\": 200}" }
          }
        }
      }
    }
  })
}

resource "aws_api_gateway_deployment" "status" {
  rest_api_id = aws_api_gateway_rest_api.status.id

  variables = {
    spec_sha = sha256(aws_api_gateway_rest_api.status.body)
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "status" {
  rest_api_id   = aws_api_gateway_rest_api.status.id
  deployment_id = aws_api_gateway_deployment.status.id
  stage_name    = var.environment
}

# 5. the clock in the variables but no create_before_destroy: every apply
# replaces the deployment, deleting it first while the stage points at it.
# Expected: apigw_deployment_create_before_destroy.
resource "aws_api_gateway_rest_api" "audit" {
  name = "audit-${var.environment}"
}

resource "aws_api_gateway_resource" "events" {
  rest_api_id = aws_api_gateway_rest_api.audit.id
  parent_id   = aws_api_gateway_rest_api.audit.root_resource_id
  path_part   = "events"
}

resource "aws_api_gateway_method" "events_get" {
  rest_api_id   = aws_api_gateway_rest_api.audit.id
  resource_id   = aws_api_gateway_resource.events.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "events_get" {
  rest_api_id = aws_api_gateway_rest_api.audit.id
  resource_id = aws_api_gateway_resource.events.id
  http_method = aws_api_gateway_method.events_get.http_method
  type        = "MOCK"
}

resource "aws_api_gateway_deployment" "audit" {
  rest_api_id = aws_api_gateway_rest_api.audit.id

  variables = {
    deployed_at = timestamp()
  }

  depends_on = [aws_api_gateway_integration.events_get]
}

resource "aws_api_gateway_stage" "audit" {
  rest_api_id   = aws_api_gateway_rest_api.audit.id
  deployment_id = aws_api_gateway_deployment.audit.id
  stage_name    = var.environment
}

resource "aws_api_gateway_method_settings" "audit" {
  rest_api_id = aws_api_gateway_rest_api.audit.id
  stage_name  = aws_api_gateway_stage.audit.stage_name
  method_path = "*/*"

  settings {
    logging_level   = "INFO"
    metrics_enabled = true
  }
}
