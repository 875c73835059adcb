package apigw

// viewModule has one of each view kind, v1 and v2, in HCL and in JSON.
var viewModule = map[string]string{
	"main.tf": `
resource "aws_api_gateway_rest_api" "a" {}

resource "aws_api_gateway_authorizer" "lambda" {
  rest_api_id                      = aws_api_gateway_rest_api.a.id
  authorizer_uri                   = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/f/invocations"
  authorizer_result_ttl_in_seconds = "60"
}

resource "aws_api_gateway_method" "get" {
  rest_api_id      = aws_api_gateway_rest_api.a.id
  http_method      = "GET"
  authorization    = "CUSTOM"
  authorizer_id    = aws_api_gateway_authorizer.lambda.id
  api_key_required = true
}

resource "aws_api_gateway_method" "each" {
  for_each      = toset(["PUT", "POST"])
  rest_api_id   = aws_api_gateway_rest_api.a.id
  http_method   = each.key
  authorization = var.auth
}

resource "aws_api_gateway_integration" "get" {
  rest_api_id             = aws_api_gateway_rest_api.a.id
  http_method             = aws_api_gateway_method.get.http_method
  type                    = "AWS"
  uri                     = "arn:aws:apigateway:eu-west-1:sqs:path/q"
  integration_http_method = "POST"
}

resource "aws_api_gateway_deployment" "a" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  stage_name  = "dev"
  triggers    = { redeployment = sha1(jsonencode(aws_api_gateway_method.get)) }
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.a.id
  deployment_id = aws_api_gateway_deployment.a.id
  stage_name    = "prod"
}

resource "aws_apigatewayv2_api" "h" {
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "h" {
  api_id      = aws_apigatewayv2_api.h.id
  name        = "$default"
  auto_deploy = true
  default_route_settings {
    logging_level = "INFO"
  }
}

resource "aws_apigatewayv2_integration" "h" {
  api_id           = aws_apigatewayv2_api.h.id
  integration_type = "AWS_PROXY"
  integration_uri  = "arn:aws:lambda:eu-west-1:123456789012:function:f"
  credentials_arn  = "arn:aws:iam::123456789012:role/r"
}
`,
	"routes.tf.json": `{"resource": {"aws_apigatewayv2_route": {"options": {
  "api_id": "${aws_apigatewayv2_api.h.id}",
  "route_key": "OPTIONS /items",
  "authorization_type": "JWT"
}}}}`,
}
