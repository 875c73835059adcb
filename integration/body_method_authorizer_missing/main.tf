# GET /orders names the cognito scheme, which the spec does not define.
resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
  body = <<-EOT
    openapi: "3.0.1"
    info:
      title: orders
      version: "1"
    paths:
      /orders:
        get:
          security:
            - cognito: []
          x-amazon-apigateway-integration:
            type: mock
    components:
      securitySchemes:
        tenant:
          type: apiKey
          name: Authorization
          in: header
          x-amazon-apigateway-authtype: custom
          x-amazon-apigateway-authorizer:
            type: token
            authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations
            authorizerResultTtlInSeconds: 0
  EOT
}
