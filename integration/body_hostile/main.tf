# Broken and hostile bodies: each would hold a finding if it were read (a
# proxy without a root, a Lambda integration with PUT), but none can be read
# safely, so each gives silence and never a tflint error.

# Invalid YAML.
resource "aws_api_gateway_rest_api" "invalid" {
  name = "invalid"
  body = file("${path.module}/invalid.yaml")
}

# YAML aliases that expand to millions of nodes.
resource "aws_api_gateway_rest_api" "aliases" {
  name = "aliases"
  body = file("${path.module}/aliases.yaml")
}

# A binary file.
resource "aws_api_gateway_rest_api" "binary" {
  name = "binary"
  body = file("${path.module}/binary.yaml")
}

# A template whose for directive writes the paths.
resource "aws_api_gateway_rest_api" "directive" {
  name = "directive"
  body = templatefile("${path.module}/paths.yaml.tftpl", {
    paths = ["a", "b"]
    fn    = aws_lambda_function.fn.invoke_arn
  })
}

# A file that does not exist, and one outside the configuration.
resource "aws_api_gateway_rest_api" "missing" {
  name = "missing"
  body = file("${path.module}/missing.yaml")
}

resource "aws_api_gateway_rest_api" "outside" {
  name = "outside"
  body = file("${path.module}/../../etc/passwd")
}

resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role          = "arn:aws:iam::123456789012:role/fn"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "app.zip"
}

resource "aws_lambda_permission" "fn" {
  statement_id  = "AllowAPIGatewayInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.fn.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.directive.execution_arn}/*/*"
}
