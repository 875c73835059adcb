# An SQS integration in a body held by a local, without credentials: the
# import fails (Role ARN must be specified for AWS integrations).
locals {
  spec = {
    openapi = "3.0.1"
    info    = { title = "queue", version = "1" }
    paths = {
      "/messages" = {
        post = {
          x-amazon-apigateway-integration = {
            type       = "aws"
            httpMethod = "POST"
            uri        = "arn:aws:apigateway:us-east-1:sqs:path/123456789012/orders"
          }
        }
      }
    }
  }
}

resource "aws_api_gateway_rest_api" "queue" {
  name = "queue"
  body = jsonencode(local.spec)
}
