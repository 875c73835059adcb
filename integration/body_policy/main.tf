# Resource policies written in the body (x-amazon-apigateway-policy).

# A regional API whose YAML spec allows only calls from a VPC endpoint: the
# condition never matches on a public endpoint.
resource "aws_api_gateway_rest_api" "regional" {
  name = "regional"
  body = file("${path.module}/regional.yaml")
}

# Only a Deny in a jsonencode body: every call is denied.
resource "aws_api_gateway_rest_api" "denied" {
  name = "denied"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "denied", version = "1" }
    paths   = { "/" = { get = { x-amazon-apigateway-integration = { type = "mock" } } } }
    x-amazon-apigateway-policy = {
      Version = "2012-10-17"
      Statement = [{
        Effect    = "Deny"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "execute-api:/*"
      }]
    }
  })
}

# The policy argument wins over the body's: silent, although the body only denies.
resource "aws_api_gateway_rest_api" "overridden" {
  name = "overridden"
  body = jsonencode({
    openapi = "3.0.1"
    info    = { title = "overridden", version = "1" }
    paths   = { "/" = { get = { x-amazon-apigateway-integration = { type = "mock" } } } }
    x-amazon-apigateway-policy = {
      Version   = "2012-10-17"
      Statement = [{ Effect = "Deny", Principal = "*", Action = "execute-api:Invoke", Resource = "execute-api:/*" }]
    }
  })
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = "*", Action = "execute-api:Invoke", Resource = "execute-api:/*" }]
  })
}
