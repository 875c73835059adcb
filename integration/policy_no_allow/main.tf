locals {
  denied_actions = ["execute-api:Invoke"]
}

# The policy from a file allows only an S3 action: no call gets through.
resource "aws_api_gateway_rest_api" "files" {
  name   = "files"
  policy = file("${path.module}/s3-only.json")
}

# A templatefile() policy with an unconditional Deny of every method.
resource "aws_api_gateway_rest_api" "closed" {
  name = "closed"
}

resource "aws_api_gateway_rest_api_policy" "closed" {
  rest_api_id = aws_api_gateway_rest_api.closed.id
  policy      = templatefile("${path.module}/deny.json.tftpl", { effect = "Deny" })
}

# jsonencode with a local: a Deny of everything on the API's own execution_arn.
resource "aws_api_gateway_rest_api" "locked" {
  name = "locked"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "execute-api:Invoke"
        Resource  = "${aws_api_gateway_rest_api.locked.execution_arn}/*"
      },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = local.denied_actions
        Resource  = "${aws_api_gateway_rest_api.locked.execution_arn}/*"
      },
    ]
  })
}

# Allowed through a VPC endpoint: nothing to report.
resource "aws_api_gateway_rest_api" "fine" {
  name = "fine"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:*"
      Resource  = "execute-api:/*"
    }]
  })
}

# A policy from a variable without default: nothing is known.
variable "policy" {
  type = string
}

resource "aws_api_gateway_rest_api" "unknown" {
  name   = "unknown"
  policy = var.policy
}
