variable "stage" {
  type    = string
  default = "dev"
}

locals {
  admin_stage = "admin-${var.stage}"
}

# Every function runs the FastAPI application of ./src (default docs, no
# root_path): the evidence the rule reads.
data "archive_file" "api" {
  type        = "zip"
  source_dir  = "${path.module}/src"
  output_path = "${path.module}/api.zip"
}

resource "aws_api_gateway_rest_api" "docs" {
  name = "docs"
}

resource "aws_api_gateway_integration" "root" {
  rest_api_id             = aws_api_gateway_rest_api.docs.id
  resource_id             = aws_api_gateway_rest_api.docs.root_resource_id
  http_method             = "ANY"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.api.invoke_arn
}

resource "aws_api_gateway_stage" "main" {
  rest_api_id   = aws_api_gateway_rest_api.docs.id
  deployment_id = "placeholder"
  stage_name    = var.stage
}

# The stage name comes from a variable: the fix writes the variable.
resource "aws_lambda_function" "api" {
  function_name = "docs-api"
  role          = "arn:aws:iam::123456789012:role/api"
  handler       = "main.handler"
  runtime       = "python3.12"
  filename      = data.archive_file.api.output_path
}

resource "aws_lambda_permission" "api" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.api.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.docs.execution_arn}/*/*"
}

# A stage named by a local: reported with its value, no fix.
resource "aws_api_gateway_rest_api" "admin" {
  name = "admin"
}

resource "aws_api_gateway_integration" "admin" {
  rest_api_id             = aws_api_gateway_rest_api.admin.id
  resource_id             = aws_api_gateway_rest_api.admin.root_resource_id
  http_method             = "ANY"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.admin.invoke_arn
}

resource "aws_api_gateway_stage" "admin" {
  rest_api_id   = aws_api_gateway_rest_api.admin.id
  deployment_id = "placeholder"
  stage_name    = local.admin_stage
}

resource "aws_lambda_function" "admin" {
  function_name = "docs-admin"
  role          = "arn:aws:iam::123456789012:role/api"
  handler       = "main.handler"
  runtime       = "python3.12"
  filename      = data.archive_file.api.output_path

  environment {
    variables = { LOG_LEVEL = upper("info") }
  }
}

resource "aws_lambda_permission" "admin" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.admin.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.admin.execution_arn}/*/*"
}

# A custom domain hides the stage: silent.
resource "aws_api_gateway_rest_api" "public" {
  name = "public"
}

resource "aws_api_gateway_integration" "public" {
  rest_api_id             = aws_api_gateway_rest_api.public.id
  resource_id             = aws_api_gateway_rest_api.public.root_resource_id
  http_method             = "ANY"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.public.invoke_arn
}

resource "aws_api_gateway_stage" "public" {
  rest_api_id   = aws_api_gateway_rest_api.public.id
  deployment_id = "placeholder"
  stage_name    = "live"
}

resource "aws_api_gateway_base_path_mapping" "public" {
  api_id      = aws_api_gateway_rest_api.public.id
  stage_name  = aws_api_gateway_stage.public.stage_name
  domain_name = "api.example.com"
}

resource "aws_lambda_function" "public" {
  function_name = "docs-public"
  role          = "arn:aws:iam::123456789012:role/api"
  handler       = "main.handler"
  runtime       = "python3.12"
  filename      = data.archive_file.api.output_path
}

resource "aws_lambda_permission" "public" {
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.public.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.public.execution_arn}/*/*"
}
