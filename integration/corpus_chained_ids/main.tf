# Corpus: members that take the API's id from another member
# (rest_api_id = aws_api_gateway_resource.X.rest_api_id), a common style
# in route modules. They belong to X's API: the Lambda permission on that
# API covers them, and the triggers must hash them. Expected: the
# deployment's triggers leave out the chained method and integration
# (apigw_deployment_triggers_incomplete); nothing about the permission.

resource "aws_iam_role" "lambda" {
  name = "users-lambda"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_lambda_function" "users" {
  function_name = "users"
  role          = aws_iam_role.lambda.arn
  runtime       = "go1.x"
  handler       = "users"
  s3_bucket     = "artifacts"
  s3_key        = "users.zip"
}

resource "aws_lambda_permission" "users" {
  statement_id  = "AllowAPIGatewayInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.users.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.users.execution_arn}/*/*"
}

resource "aws_api_gateway_rest_api" "users" {
  name = "users"
}

resource "aws_api_gateway_resource" "users" {
  rest_api_id = aws_api_gateway_rest_api.users.id
  parent_id   = aws_api_gateway_rest_api.users.root_resource_id
  path_part   = "users"
}

resource "aws_api_gateway_method" "users_get" {
  rest_api_id   = aws_api_gateway_resource.users.rest_api_id
  resource_id   = aws_api_gateway_resource.users.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "users_get" {
  rest_api_id             = aws_api_gateway_method.users_get.rest_api_id
  resource_id             = aws_api_gateway_method.users_get.resource_id
  http_method             = aws_api_gateway_method.users_get.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.users.invoke_arn
}

resource "aws_api_gateway_deployment" "users" {
  rest_api_id = aws_api_gateway_rest_api.users.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.users.id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "users" {
  rest_api_id   = aws_api_gateway_rest_api.users.id
  deployment_id = aws_api_gateway_deployment.users.id
  stage_name    = "v1"
}
