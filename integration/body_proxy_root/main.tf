# The spec has /{proxy+} and nothing on /: GET /<stage>/ answers 403 Missing
# Authentication Token.
resource "aws_api_gateway_rest_api" "site" {
  name = "site"
  body = file("openapi.json")
}

