# The spec disables the execute-api endpoint and no custom domain maps the
# API: every call answers 403 Forbidden.
resource "aws_api_gateway_rest_api" "internal" {
  name = "internal"
  body = yamlencode({
    openapi = "3.0.1"
    info    = { title = "internal", version = "1" }
    x-amazon-apigateway-endpoint-configuration = {
      disableExecuteApiEndpoint = true
    }
    paths = {
      "/health" = {
        get = {
          x-amazon-apigateway-integration = { type = "mock" }
        }
      }
    }
  })
}
