resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "orders", version = "1" }
    paths = {
      "/orders" = {
        get = {
          x-amazon-apigateway-integration = { type = "MOCK", requestTemplates = { "application/json" = "{\"statusCode\": 200}" } }
        }
      }
    }
  })
}

resource "aws_api_gateway_deployment" "orders" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  triggers = {
    redeployment = sha1(aws_api_gateway_rest_api.orders.body)
  }
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "prod"
}

resource "aws_ssm_parameter" "orders_url" {
  name  = "/orders/url"
  type  = "String"
  value = "${aws_api_gateway_stage.prod.invoke_url}/orders"
}

# Silent: a stage's URL, and a deployment that creates its stage.
resource "aws_api_gateway_deployment" "legacy" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "legacy"
  triggers = {
    redeployment = sha1(aws_api_gateway_rest_api.orders.body)
  }
  lifecycle {
    create_before_destroy = true
  }
}
