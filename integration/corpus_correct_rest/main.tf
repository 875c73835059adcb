# Corpus: a well-written REST API (complete triggers, create_before_destroy,
# separate stage, logging, usage plan with a key for the key-requiring methods,
# a permission for every method, an allowing policy). Expected: nothing.

locals {
  name  = "billing"
  stage = "prod"
}

resource "aws_iam_role" "lambda" {
  name = "${local.name}-lambda"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_lambda_function" "invoices" {
  function_name = "${local.name}-invoices"
  role          = aws_iam_role.lambda.arn
  runtime       = "java21"
  handler       = "com.example.billing.Handler::handleRequest"
  s3_bucket     = "billing-artifacts"
  s3_key        = "invoices.jar"
}

resource "aws_api_gateway_rest_api" "billing" {
  name = local.name

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

data "aws_iam_policy_document" "billing" {
  statement {
    effect = "Allow"

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    actions   = ["execute-api:Invoke"]
    resources = ["${aws_api_gateway_rest_api.billing.execution_arn}/*"]
  }

  statement {
    effect = "Deny"

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    actions   = ["execute-api:Invoke"]
    resources = ["${aws_api_gateway_rest_api.billing.execution_arn}/*"]

    condition {
      test     = "NotIpAddress"
      variable = "aws:SourceIp"
      values   = ["203.0.113.0/24", "198.51.100.0/24"]
    }
  }
}

resource "aws_api_gateway_rest_api_policy" "billing" {
  rest_api_id = aws_api_gateway_rest_api.billing.id
  policy      = data.aws_iam_policy_document.billing.json
}

resource "aws_api_gateway_resource" "invoices" {
  rest_api_id = aws_api_gateway_rest_api.billing.id
  parent_id   = aws_api_gateway_rest_api.billing.root_resource_id
  path_part   = "invoices"
}

resource "aws_api_gateway_resource" "invoice" {
  rest_api_id = aws_api_gateway_rest_api.billing.id
  parent_id   = aws_api_gateway_resource.invoices.id
  path_part   = "{invoiceId}"
}

resource "aws_api_gateway_request_validator" "params" {
  rest_api_id                 = aws_api_gateway_rest_api.billing.id
  name                        = "params"
  validate_request_parameters = true
}

resource "aws_api_gateway_method" "list" {
  rest_api_id      = aws_api_gateway_rest_api.billing.id
  resource_id      = aws_api_gateway_resource.invoices.id
  http_method      = "GET"
  authorization    = "NONE"
  api_key_required = true
}

resource "aws_api_gateway_integration" "list" {
  rest_api_id             = aws_api_gateway_rest_api.billing.id
  resource_id             = aws_api_gateway_resource.invoices.id
  http_method             = aws_api_gateway_method.list.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.invoices.invoke_arn
}

resource "aws_api_gateway_method" "get" {
  rest_api_id          = aws_api_gateway_rest_api.billing.id
  resource_id          = aws_api_gateway_resource.invoice.id
  http_method          = "GET"
  authorization        = "NONE"
  api_key_required     = true
  request_validator_id = aws_api_gateway_request_validator.params.id

  request_parameters = {
    "method.request.path.invoiceId" = true
  }
}

resource "aws_api_gateway_integration" "get" {
  rest_api_id             = aws_api_gateway_rest_api.billing.id
  resource_id             = aws_api_gateway_resource.invoice.id
  http_method             = aws_api_gateway_method.get.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.invoices.invoke_arn
}

resource "aws_lambda_permission" "invoices" {
  statement_id  = "AllowBillingApi"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.invoices.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.billing.execution_arn}/*/*"
}

resource "aws_api_gateway_deployment" "billing" {
  rest_api_id = aws_api_gateway_rest_api.billing.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_rest_api_policy.billing.policy,
      aws_api_gateway_resource.invoices.id,
      aws_api_gateway_resource.invoice.id,
      aws_api_gateway_request_validator.params.id,
      aws_api_gateway_method.list.id,
      aws_api_gateway_integration.list.id,
      aws_api_gateway_method.get.id,
      aws_api_gateway_integration.get.id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/${local.name}-${local.stage}"
  retention_in_days = 30
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.billing.id
  deployment_id = aws_api_gateway_deployment.billing.id
  stage_name    = local.stage

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format          = "$context.requestId $context.identity.sourceIp $context.httpMethod $context.resourcePath $context.status $context.error.responseType"
  }
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.billing.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"

  settings {
    logging_level   = "INFO"
    metrics_enabled = true
  }
}

resource "aws_iam_role" "apigw_cloudwatch" {
  name = "apigateway-cloudwatch"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "apigateway.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "apigw_cloudwatch" {
  role       = aws_iam_role.apigw_cloudwatch.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"
}

resource "aws_api_gateway_account" "this" {
  cloudwatch_role_arn = aws_iam_role.apigw_cloudwatch.arn
}

resource "aws_api_gateway_usage_plan" "partners" {
  name = "${local.name}-partners"

  api_stages {
    api_id = aws_api_gateway_rest_api.billing.id
    stage  = aws_api_gateway_stage.prod.stage_name
  }

  throttle_settings {
    burst_limit = 20
    rate_limit  = 10
  }
}

resource "aws_api_gateway_api_key" "acme" {
  name = "acme"
}

resource "aws_api_gateway_usage_plan_key" "acme" {
  key_id        = aws_api_gateway_api_key.acme.id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.partners.id
}
