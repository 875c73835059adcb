locals {
  stage = "prd"
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_rest_api" "billing" {
  name = "billing"
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" "prod" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    logging_level   = "INFO"
    metrics_enabled = true
  }
}

resource "aws_api_gateway_deployment" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_rest_api_policy.orders.policy,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

# Copied from the billing API: the resource still names billing. The stage
# from a local does not exist. Both are in HCL; only the first is fixed.
resource "aws_api_gateway_rest_api_policy" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource = [
        "${aws_api_gateway_rest_api.orders.execution_arn}/*",
        "${aws_api_gateway_rest_api.orders.execution_arn}/${local.stage}/GET/*",
      ]
    }]
  })
}

# A policy file with an S3 ARN: reported at the argument, not fixed.
resource "aws_api_gateway_rest_api_policy" "billing" {
  rest_api_id = aws_api_gateway_rest_api.billing.id
  policy      = file("${path.module}/billing.json")
}
