package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func unpinnedTruststore(domain, object string) string {
	return domain + " loads its mutual TLS truststore from " + object + `, in a versioned bucket, without truststore_version: API Gateway keeps the version it read first, so clients whose certificates a new upload trusts get 403 {"message":"Forbidden"} from API Gateway ("Could not find issuer for certificate")`
}

const truststoreBucket = `resource "aws_s3_bucket" "trust" {
  bucket = "example-truststore"
}

resource "aws_s3_bucket_versioning" "trust" {
  bucket = aws_s3_bucket.trust.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_object" "truststore" {
  bucket = aws_s3_bucket.trust.id
  key    = "truststore.pem"
  source = "truststore.pem"
}
`

func TestApigwMtlsTruststoreVersion(t *testing.T) {
	runRuleCases(t, NewApigwMtlsTruststoreVersionRule(), []ruleCase{
		{
			Name: "a REST domain's truststore in a versioned bucket gets its version pinned",
			Content: truststoreBucket + `
resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
  security_policy          = "TLS_1_2"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
  mutual_tls_authentication {
    truststore_uri = "s3://${aws_s3_bucket.trust.bucket}/${aws_s3_object.truststore.key}"
  }
}
`,
			Expected: helper.Issues{{Message: unpinnedTruststore("aws_api_gateway_domain_name.api", "aws_s3_object.truststore"), Range: at(26, 5, 26, 90)}},
			Fixed: truststoreBucket + `
resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
  security_policy          = "TLS_1_2"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
  mutual_tls_authentication {
    truststore_uri     = "s3://${aws_s3_bucket.trust.bucket}/${aws_s3_object.truststore.key}"
    truststore_version = aws_s3_object.truststore.version_id
  }
}
`,
		},
		{
			Name: "a v2 domain, a legacy object and bucket versioning, a literal URI",
			Content: `resource "aws_s3_bucket" "trust" {
  bucket = "example-truststore"
  versioning {
    enabled = true
  }
}

resource "aws_s3_bucket_object" "truststore" {
  bucket = "example-truststore"
  key    = "certs/truststore.pem"
  source = "truststore.pem"
}

resource "aws_apigatewayv2_domain_name" "api" {
  domain_name = "api.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
  mutual_tls_authentication { truststore_uri = "s3://example-truststore/certs/truststore.pem" }
}
`,
			Expected: helper.Issues{{Message: unpinnedTruststore("aws_apigatewayv2_domain_name.api", "aws_s3_bucket_object.truststore"), Range: at(21, 31, 21, 94)}},
			Fixed: `resource "aws_s3_bucket" "trust" {
  bucket = "example-truststore"
  versioning {
    enabled = true
  }
}

resource "aws_s3_bucket_object" "truststore" {
  bucket = "example-truststore"
  key    = "certs/truststore.pem"
  source = "truststore.pem"
}

resource "aws_apigatewayv2_domain_name" "api" {
  domain_name = "api.example.com"
  domain_name_configuration {
    certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
  mutual_tls_authentication {
    truststore_uri     = "s3://example-truststore/certs/truststore.pem"
    truststore_version = aws_s3_bucket_object.truststore.version_id
  }
}
`,
		},
		{
			Name: "an object with for_each, behind the versioning resource: reported, no fix",
			Content: `resource "aws_s3_bucket" "trust" {
  bucket = "example-truststore"
}

resource "aws_s3_bucket_versioning" "trust" {
  bucket = aws_s3_bucket.trust.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_object" "truststore" {
  for_each = toset(["a"])
  bucket   = aws_s3_bucket_versioning.trust.bucket
  key      = "${each.key}.pem"
}

resource "aws_api_gateway_domain_name" "api" {
  domain_name              = "api.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:111122223333:certificate/abc"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
  mutual_tls_authentication {
    truststore_uri = "s3://${aws_s3_object.truststore["a"].bucket}/${aws_s3_object.truststore["a"].key}"
  }
}
`,
			Expected: helper.Issues{{Message: unpinnedTruststore("aws_api_gateway_domain_name.api", "aws_s3_object.truststore"), Range: at(25, 5, 25, 105)}},
		},
		{
			Name: "pinned, unversioned, suspended, unknown status, dynamic, unknown URI: silent",
			Content: `variable "status" {
  type = string
}

variable "uri" {
  type = string
}

resource "aws_s3_bucket" "plain" {
  bucket = "plain"
}

resource "aws_s3_bucket" "suspended" {
  bucket = "suspended"
}

resource "aws_s3_bucket_versioning" "suspended" {
  bucket = aws_s3_bucket.suspended.id
  versioning_configuration {
    status = "Suspended"
  }
}

resource "aws_s3_bucket" "unknown" {
  bucket = "unknown"
}

resource "aws_s3_bucket_versioning" "unknown" {
  bucket = aws_s3_bucket.unknown.id
  versioning_configuration {
    status = var.status
  }
}

resource "aws_s3_object" "plain" {
  bucket = aws_s3_bucket.plain.id
  key    = "t.pem"
}

resource "aws_s3_object" "suspended" {
  bucket = aws_s3_bucket.suspended.id
  key    = "t.pem"
}

resource "aws_s3_object" "unknown" {
  bucket = aws_s3_bucket.unknown.id
  key    = "t.pem"
}
` + truststoreBucket + `
resource "aws_api_gateway_domain_name" "pinned" {
  domain_name = "pinned.example.com"
  mutual_tls_authentication {
    truststore_uri     = "s3://${aws_s3_object.truststore.bucket}/${aws_s3_object.truststore.key}"
    truststore_version = aws_s3_object.truststore.version_id
  }
}

resource "aws_api_gateway_domain_name" "plain" {
  domain_name = "plain.example.com"
  mutual_tls_authentication {
    truststore_uri = "s3://${aws_s3_object.plain.bucket}/${aws_s3_object.plain.key}"
  }
}

resource "aws_api_gateway_domain_name" "suspended" {
  domain_name = "suspended.example.com"
  mutual_tls_authentication {
    truststore_uri = "s3://${aws_s3_object.suspended.bucket}/${aws_s3_object.suspended.key}"
  }
}

resource "aws_api_gateway_domain_name" "unknown" {
  domain_name = "unknown.example.com"
  mutual_tls_authentication {
    truststore_uri = "s3://${aws_s3_object.unknown.bucket}/${aws_s3_object.unknown.key}"
  }
}

resource "aws_api_gateway_domain_name" "variable" {
  domain_name = "variable.example.com"
  mutual_tls_authentication {
    truststore_uri = var.uri
  }
}

resource "aws_api_gateway_domain_name" "dynamic" {
  domain_name = "dynamic.example.com"
  dynamic "mutual_tls_authentication" {
    for_each = ["x"]
    content {
      truststore_uri = "s3://${aws_s3_object.truststore.bucket}/${aws_s3_object.truststore.key}"
    }
  }
}
`,
		},
	})
}
