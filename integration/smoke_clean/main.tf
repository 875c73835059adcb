terraform {}

resource "aws_s3_bucket" "logs" {
  bucket = "apigw403-smoke-logs"
}
