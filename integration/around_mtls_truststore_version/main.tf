resource "aws_s3_bucket" "truststore" {
  bucket = "example-truststore"
}

resource "aws_s3_bucket_versioning" "truststore" {
  bucket = aws_s3_bucket.truststore.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_object" "truststore" {
  bucket = aws_s3_bucket_versioning.truststore.bucket
  key    = "truststore.pem"
  source = "${path.module}/truststore.pem"
  etag   = filemd5("${path.module}/truststore.pem")
}

# No truststore_version: an upload of a new truststore is never picked up.
resource "aws_api_gateway_domain_name" "orders" {
  domain_name              = "orders.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/orders"
  security_policy          = "TLS_1_2"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
  mutual_tls_authentication {
    truststore_uri = "s3://${aws_s3_object.truststore.bucket}/${aws_s3_object.truststore.key}"
  }
}

resource "aws_apigatewayv2_domain_name" "status" {
  domain_name = "status.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/status"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
  mutual_tls_authentication {
    truststore_uri = "s3://example-truststore/truststore.pem"
  }
}

# Silent: pinned, and an unversioned bucket.
resource "aws_apigatewayv2_domain_name" "pinned" {
  domain_name = "pinned.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/pinned"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
  mutual_tls_authentication {
    truststore_uri     = "s3://${aws_s3_object.truststore.bucket}/${aws_s3_object.truststore.key}"
    truststore_version = aws_s3_object.truststore.version_id
  }
}

resource "aws_s3_bucket" "plain" {
  bucket = "example-plain"
}

resource "aws_s3_object" "plain" {
  bucket = aws_s3_bucket.plain.id
  key    = "truststore.pem"
  source = "${path.module}/truststore.pem"
}

resource "aws_apigatewayv2_domain_name" "plain" {
  domain_name = "plain.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/plain"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
  mutual_tls_authentication {
    truststore_uri = "s3://${aws_s3_object.plain.bucket}/${aws_s3_object.plain.key}"
  }
}
