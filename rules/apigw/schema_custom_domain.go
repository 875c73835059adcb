package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// Kinds the custom domain, DNS and truststore rules read.
const (
	Route53Record      = "aws_route53_record"
	S3Object           = "aws_s3_object"
	S3BucketObject     = "aws_s3_bucket_object" // the legacy name of aws_s3_object
	S3Bucket           = "aws_s3_bucket"
	S3BucketVersioning = "aws_s3_bucket_versioning"
)

var mutualTLSBlock = block("mutual_tls_authentication", "truststore_uri", "truststore_version")

// customDomainSchemas add to the custom domains what decides where DNS must
// point (their endpoint type) and which truststore they load, and read the
// records, objects and buckets those point at. The domains' domain_name is
// read by the endpoint schemas already; merge joins the two.
var customDomainSchemas = map[string]*hclext.BodySchema{
	DomainName: schema([]string{"domain_name"},
		block("endpoint_configuration", "types"), mutualTLSBlock, dynamicBlock),
	V2DomainName: schema([]string{"domain_name"},
		block("domain_name_configuration", "endpoint_type"), mutualTLSBlock, dynamicBlock),
	Route53Record: schema([]string{"name", "type", "records", "zone_id"},
		block("alias", "name", "zone_id"), dynamicBlock),
	S3Object:       schema([]string{"bucket", "key"}),
	S3BucketObject: schema([]string{"bucket", "key"}),
	S3Bucket:       schema([]string{"bucket"}, block("versioning", "enabled"), dynamicBlock),
	S3BucketVersioning: schema([]string{"bucket"},
		block("versioning_configuration", "status"), dynamicBlock),
}
