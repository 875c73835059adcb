output "body" {
  value = jsonencode({
    openapi = "3.0.1"
    paths = {
      "/{proxy+}" = {
        x-amazon-apigateway-any-method = {
          x-amazon-apigateway-integration = { type = "aws_proxy", httpMethod = "PUT", uri = "arn:aws:lambda:us-east-1:123456789012:function:x" }
        }
      }
    }
  })
}
