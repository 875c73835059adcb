resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_route" "get" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /"
}

resource "aws_apigatewayv2_stage" "green" {
  api_id = aws_apigatewayv2_api.http.id
  name   = "green"
}
