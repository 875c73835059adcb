# Corpus: a REST API defined by an OpenAPI template (templatefile), triggers that
# hash the body, a stage with method settings and a permission built from data
# sources. Expected: nothing.

provider "aws" {
  region = "us-east-1"
}

variable "environment" {
  type    = string
  default = "prod"
}

data "aws_caller_identity" "current" {}

data "aws_region" "current" {}

resource "aws_iam_role" "lambda" {
  name = "todo-api-lambda"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_lambda_function" "todos" {
  function_name    = "todo-api-${var.environment}"
  role             = aws_iam_role.lambda.arn
  runtime          = "python3.12"
  handler          = "app.handler"
  filename         = "${path.module}/build/todos.zip"
  source_code_hash = filebase64sha256("${path.module}/build/todos.zip")
}

resource "aws_api_gateway_rest_api" "todo" {
  name = "todo-api-${var.environment}"

  body = templatefile("${path.module}/openapi.yaml.tftpl", {
    title             = "Todo API"
    lambda_invoke_arn = aws_lambda_function.todos.invoke_arn
  })

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_deployment" "todo" {
  rest_api_id = aws_api_gateway_rest_api.todo.id

  triggers = {
    redeployment = sha1(aws_api_gateway_rest_api.todo.body)
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/todo-api-${var.environment}"
  retention_in_days = 14
}

resource "aws_api_gateway_stage" "todo" {
  rest_api_id   = aws_api_gateway_rest_api.todo.id
  deployment_id = aws_api_gateway_deployment.todo.id
  stage_name    = var.environment

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId = "$context.requestId"
      status    = "$context.status"
      error     = "$context.error.message"
      errorType = "$context.error.responseType"
    })
  }
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.todo.id
  stage_name  = aws_api_gateway_stage.todo.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled        = true
    logging_level          = "ERROR"
    throttling_burst_limit = 50
    throttling_rate_limit  = 100
  }
}

resource "aws_lambda_permission" "apigw" {
  statement_id  = "AllowExecutionFromAPIGateway"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.todos.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "arn:aws:execute-api:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:${aws_api_gateway_rest_api.todo.id}/*/*/*"
}
