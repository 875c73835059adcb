# The spec requires an API key on GET /reports; no usage plan names a stage
# of this API.
resource "aws_api_gateway_rest_api" "reports" {
  name = "reports"
  body = file("${path.module}/openapi.yaml")
}
