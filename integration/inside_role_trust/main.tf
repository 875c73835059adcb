locals {
  lambda_service = "lambda.amazonaws.com"
}

resource "aws_api_gateway_rest_api" "jobs" {
  name = "jobs"
}

resource "aws_api_gateway_resource" "jobs" {
  rest_api_id = aws_api_gateway_rest_api.jobs.id
  parent_id   = aws_api_gateway_rest_api.jobs.root_resource_id
  path_part   = "jobs"
}

resource "aws_api_gateway_method" "post" {
  rest_api_id   = aws_api_gateway_rest_api.jobs.id
  resource_id   = aws_api_gateway_resource.jobs.id
  http_method   = "POST"
  authorization = "NONE"
}

# Reported and fixed: the role was copied from a Lambda execution role.
resource "aws_api_gateway_integration" "post" {
  rest_api_id             = aws_api_gateway_rest_api.jobs.id
  resource_id             = aws_api_gateway_resource.jobs.id
  http_method             = aws_api_gateway_method.post.http_method
  type                    = "AWS"
  integration_http_method = "POST"
  uri                     = "arn:aws:apigateway:us-east-1:sqs:path/123456789012/jobs"
  credentials             = aws_iam_role.sqs.arn
}

resource "aws_iam_role" "sqs" {
  name = "jobs-api-sqs"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

# Reported and fixed: a policy document for Step Functions only.
resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_integration" "start" {
  api_id              = aws_apigatewayv2_api.http.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "StepFunctions-StartExecution"
  credentials_arn     = aws_iam_role.states.arn
  request_parameters = {
    StateMachineArn = "arn:aws:states:us-east-1:123456789012:stateMachine:jobs"
  }
}

resource "aws_iam_role" "states" {
  name               = "jobs-api-states"
  assume_role_policy = data.aws_iam_policy_document.states_trust.json
}

data "aws_iam_policy_document" "states_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["states.amazonaws.com"]
    }
  }
}

# Silent: the role trusts API Gateway, or comes from elsewhere, or its trust
# depends on a condition the linter cannot evaluate.
variable "role_arn" {
  type = string
}

resource "aws_apigatewayv2_integration" "from_variable" {
  api_id              = aws_apigatewayv2_api.http.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "SQS-SendMessage"
  credentials_arn     = var.role_arn
}

resource "aws_apigatewayv2_integration" "trusted" {
  api_id              = aws_apigatewayv2_api.http.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "SQS-SendMessage"
  credentials_arn     = aws_iam_role.trusted.arn
}

resource "aws_iam_role" "trusted" {
  name               = "jobs-api-trusted"
  assume_role_policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Action": "sts:AssumeRole",
        "Principal": {"Service": "apigateway.amazonaws.com"}
      }]
    }
  JSON
}

# Reported, not fixed: the service comes from a local the fix would not rewrite.
resource "aws_apigatewayv2_integration" "send" {
  api_id              = aws_apigatewayv2_api.http.id
  integration_type    = "AWS_PROXY"
  integration_subtype = "SQS-SendMessage"
  credentials_arn     = aws_iam_role.local_trust.arn
}

resource "aws_iam_role" "local_trust" {
  name = "jobs-api-local"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = local.lambda_service }
    }]
  })
}
