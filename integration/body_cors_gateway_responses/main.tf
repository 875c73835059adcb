# The spec answers preflights (an OPTIONS mock with Access-Control-Allow-Origin)
# but defines no DEFAULT_4XX gateway response with the header: a 403 from
# API Gateway reaches the browser as a CORS error.
resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
  body = file("${path.module}/openapi.yaml")
}
