# Corpus: routes in a locals map driving for_each resources, methods,
# integrations and permissions; one API hashes values(...)[*].id lists, the other
# whole resources. Expected: nothing.

locals {
  name = "catalog"

  lambdas = {
    products = "catalog-products"
    search   = "catalog-search"
    reviews  = "catalog-reviews"
  }

  routes = {
    "products" = { method = "GET", lambda = "products" }
    "search"   = { method = "POST", lambda = "search" }
    "reviews"  = { method = "GET", lambda = "reviews" }
  }
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

resource "aws_lambda_function" "fn" {
  for_each = local.lambdas

  function_name = each.value
  role          = aws_iam_role.lambda.arn
  runtime       = "nodejs20.x"
  handler       = "index.handler"
  s3_bucket     = "catalog-artifacts"
  s3_key        = "${each.key}.zip"
}

resource "aws_api_gateway_rest_api" "api" {
  name = local.name
}

resource "aws_api_gateway_resource" "route" {
  for_each = local.routes

  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
  path_part   = each.key
}

resource "aws_api_gateway_method" "route" {
  for_each = local.routes

  rest_api_id   = aws_api_gateway_rest_api.api.id
  resource_id   = aws_api_gateway_resource.route[each.key].id
  http_method   = each.value.method
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "route" {
  for_each = local.routes

  rest_api_id             = aws_api_gateway_rest_api.api.id
  resource_id             = aws_api_gateway_resource.route[each.key].id
  http_method             = aws_api_gateway_method.route[each.key].http_method
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = aws_lambda_function.fn[each.value.lambda].invoke_arn
}

resource "aws_lambda_permission" "route" {
  for_each = local.routes

  statement_id  = "apigw-${each.key}"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.fn[each.value.lambda].function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.api.execution_arn}/*/${each.value.method}/${each.key}"
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id

  triggers = {
    redeployment = sha1(jsonencode(concat(
      values(aws_api_gateway_resource.route)[*].id,
      values(aws_api_gateway_method.route)[*].id,
      values(aws_api_gateway_integration.route)[*].id,
    )))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "live" {
  deployment_id = aws_api_gateway_deployment.api.id
  rest_api_id   = aws_api_gateway_rest_api.api.id
  stage_name    = "live"
}

resource "aws_api_gateway_method_settings" "live" {
  rest_api_id = aws_api_gateway_rest_api.api.id
  stage_name  = aws_api_gateway_stage.live.stage_name
  method_path = "*/*"

  settings {
    logging_level   = "INFO"
    metrics_enabled = true
  }
}

# A second API in the same project hashes whole resources instead of ids.
resource "aws_api_gateway_rest_api" "admin" {
  name = "${local.name}-admin"
}

resource "aws_api_gateway_resource" "admin" {
  for_each = toset(["stats", "reindex"])

  rest_api_id = aws_api_gateway_rest_api.admin.id
  parent_id   = aws_api_gateway_rest_api.admin.root_resource_id
  path_part   = each.key
}

resource "aws_api_gateway_method" "admin" {
  for_each = aws_api_gateway_resource.admin

  rest_api_id   = aws_api_gateway_rest_api.admin.id
  resource_id   = each.value.id
  http_method   = "POST"
  authorization = "AWS_IAM"
}

resource "aws_api_gateway_integration" "admin" {
  for_each = aws_api_gateway_method.admin

  rest_api_id             = aws_api_gateway_rest_api.admin.id
  resource_id             = each.value.resource_id
  http_method             = each.value.http_method
  integration_http_method = "POST"
  type                    = "AWS_PROXY"
  uri                     = aws_lambda_function.fn["products"].invoke_arn
}

resource "aws_lambda_permission" "admin" {
  statement_id  = "apigw-admin"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.fn["products"].function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.admin.execution_arn}/*/*"
}

resource "aws_api_gateway_deployment" "admin" {
  rest_api_id = aws_api_gateway_rest_api.admin.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.admin,
      aws_api_gateway_method.admin,
      aws_api_gateway_integration.admin,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "admin" {
  deployment_id = aws_api_gateway_deployment.admin.id
  rest_api_id   = aws_api_gateway_rest_api.admin.id
  stage_name    = "admin"
}

resource "aws_api_gateway_method_settings" "admin" {
  rest_api_id = aws_api_gateway_rest_api.admin.id
  stage_name  = aws_api_gateway_stage.admin.stage_name
  method_path = "*/*"

  settings {
    logging_level   = "INFO"
    metrics_enabled = true
  }
}
