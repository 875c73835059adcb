locals {
  stage = "staging"
}

variable "deployment_id" {
  type = string
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_deployment" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "prod"
}

resource "aws_api_gateway_usage_plan" "orders" {
  name = "orders"

  # Fixed: the deployment has no stage_name.
  api_stages {
    api_id = aws_api_gateway_rest_api.orders.id
    stage  = aws_api_gateway_stage.prod.stage_name
  }
}

resource "aws_api_gateway_usage_plan" "typo" {
  name = "typo"

  # Fixed: no stage is called "production".
  api_stages {
    api_id = aws_api_gateway_rest_api.orders.id
    stage  = aws_api_gateway_stage.prod.stage_name
  }
}

resource "aws_api_gateway_usage_plan" "evaluated" {
  name = "evaluated"

  # Reported, not fixed: the local evaluates to "staging".
  api_stages {
    api_id = aws_api_gateway_rest_api.orders.id
    stage  = local.stage
  }

  # Silent: the function evaluates to "prod".
  api_stages {
    api_id = aws_api_gateway_rest_api.orders.id
    stage  = lower("PROD")
  }
}

# Two stages: a wrong name is reported without a fix.
resource "aws_api_gateway_rest_api" "billing" {
  name = "billing"
}

resource "aws_api_gateway_stage" "billing_dev" {
  rest_api_id   = aws_api_gateway_rest_api.billing.id
  deployment_id = var.deployment_id
  stage_name    = "dev"
}

resource "aws_api_gateway_stage" "billing_prod" {
  rest_api_id   = aws_api_gateway_rest_api.billing.id
  deployment_id = var.deployment_id
  stage_name    = "prod"
}

resource "aws_api_gateway_usage_plan" "billing" {
  name = "billing"

  api_stages {
    api_id = aws_api_gateway_rest_api.billing.id
    stage  = "live"
  }
}

# Stage names from for_each are not known: silent.
resource "aws_api_gateway_rest_api" "shipping" {
  name = "shipping"
}

resource "aws_api_gateway_stage" "shipping" {
  for_each      = toset(["dev", "prod"])
  rest_api_id   = aws_api_gateway_rest_api.shipping.id
  deployment_id = var.deployment_id
  stage_name    = each.key
}

resource "aws_api_gateway_usage_plan" "shipping" {
  name = "shipping"

  api_stages {
    api_id = aws_api_gateway_rest_api.shipping.id
    stage  = "live"
  }
}
