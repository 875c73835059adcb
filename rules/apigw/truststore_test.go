package apigw

import "testing"

func TestTruststoreObject(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
variable "uri" {}
resource "aws_s3_bucket" "b" { bucket = "trust" }
resource "aws_s3_object" "a" {
  bucket = aws_s3_bucket.b.id
  key    = "a.pem"
}
resource "aws_s3_object" "b" {
  bucket = "trust"
  key    = "b.pem"
}
resource "aws_api_gateway_domain_name" "ref" {
  mutual_tls_authentication { truststore_uri = "s3://${aws_s3_object.a.bucket}/${aws_s3_object.a.key}" }
}
resource "aws_api_gateway_domain_name" "literal" {
  mutual_tls_authentication { truststore_uri = "s3://trust/b.pem" }
}
resource "aws_api_gateway_domain_name" "literal_ref_bucket" {
  mutual_tls_authentication { truststore_uri = "s3://trust/a.pem" }
}
resource "aws_api_gateway_domain_name" "two" {
  mutual_tls_authentication { truststore_uri = "s3://${aws_s3_object.a.bucket}/${aws_s3_object.b.key}" }
}
resource "aws_api_gateway_domain_name" "var" {
  mutual_tls_authentication { truststore_uri = var.uri }
}
resource "aws_api_gateway_domain_name" "other" {
  mutual_tls_authentication { truststore_uri = "s3://other/b.pem" }
}
`}), nil)
	for addr, want := range map[string]string{
		"aws_api_gateway_domain_name.ref":                "aws_s3_object.a",
		"aws_api_gateway_domain_name.literal":            "aws_s3_object.b",
		"aws_api_gateway_domain_name.literal_ref_bucket": "aws_s3_object.a",
		"aws_api_gateway_domain_name.two":                "",
		"aws_api_gateway_domain_name.var":                "",
		"aws_api_gateway_domain_name.other":              "",
	} {
		got := ""
		if n := g.TruststoreObject(MutualTLS(g.Lookup(addr))); n != nil {
			got = n.Address()
		}
		if got != want {
			t.Errorf("%s: TruststoreObject = %q, want %q", addr, got, want)
		}
	}
}

func TestVersionedBucket(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
variable "status" {}
resource "aws_s3_bucket" "on" { bucket = "on" }
resource "aws_s3_bucket_versioning" "on" {
  bucket = aws_s3_bucket.on.id
  versioning_configuration { status = "Enabled" }
}
resource "aws_s3_bucket" "by_name" { bucket = "by-name" }
resource "aws_s3_bucket_versioning" "by_name" {
  bucket = "by-name"
  versioning_configuration { status = "Enabled" }
}
resource "aws_s3_bucket" "legacy" {
  bucket = "legacy"
  versioning { enabled = true }
}
resource "aws_s3_bucket" "off" { bucket = "off" }
resource "aws_s3_bucket" "unknown" { bucket = "unknown" }
resource "aws_s3_bucket_versioning" "unknown" {
  bucket = aws_s3_bucket.unknown.id
  versioning_configuration { status = var.status }
}
resource "aws_s3_object" "on" { bucket = aws_s3_bucket.on.bucket }
resource "aws_s3_object" "via_versioning" { bucket = aws_s3_bucket_versioning.on.bucket }
resource "aws_s3_object" "by_name" { bucket = aws_s3_bucket.by_name.id }
resource "aws_s3_object" "legacy_name" { bucket = "legacy" }
resource "aws_s3_object" "off" { bucket = aws_s3_bucket.off.id }
resource "aws_s3_object" "unknown" { bucket = aws_s3_bucket.unknown.id }
resource "aws_s3_object" "elsewhere" { bucket = "elsewhere" }
`}), nil)
	for addr, want := range map[string]bool{
		"aws_s3_object.on":             true,
		"aws_s3_object.via_versioning": true,
		"aws_s3_object.by_name":        true,
		"aws_s3_object.legacy_name":    true,
		"aws_s3_object.off":            false,
		"aws_s3_object.unknown":        false,
		"aws_s3_object.elsewhere":      false,
	} {
		if got := g.VersionedBucket(g.Lookup(addr)); got != want {
			t.Errorf("%s: VersionedBucket = %v, want %v", addr, got, want)
		}
	}
}
