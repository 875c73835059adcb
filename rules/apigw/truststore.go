package apigw

import (
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// MutualTLS returns a custom domain's mutual_tls_authentication block, or
// nil when it has none or builds it with a dynamic block.
func MutualTLS(domain *Node) *hclext.Block {
	if hasDynamic(domain.Block.Body, "mutual_tls_authentication") {
		return nil
	}
	if blocks := domain.Blocks("mutual_tls_authentication"); len(blocks) == 1 {
		return blocks[0]
	}
	return nil
}

// TruststoreObject returns the S3 object of the module a mutual TLS block's
// truststore_uri names: the one aws_s3_object (or aws_s3_bucket_object) the
// URI references, or the one whose bucket and key a literal s3:// URI
// spells. nil when the URI names none, or more than one.
func (g *Graph) TruststoreObject(mtls *hclext.Block) *Node {
	attr := mtls.Body.Attributes["truststore_uri"]
	if attr == nil {
		return nil
	}
	var found *Node
	for _, ref := range RefsIn(attr.Expr) {
		if ref.Data || (ref.Type != S3Object && ref.Type != S3BucketObject) {
			continue
		}
		n := g.byAddr[ref.Address()]
		if n == nil || (found != nil && found != n) {
			return nil
		}
		found = n
	}
	if found != nil || len(variables(attr.Expr)) > 0 {
		return found
	}
	uri, ok := g.String(attr)
	bucket, key, isS3 := strings.Cut(strings.TrimPrefix(uri, "s3://"), "/")
	if !ok || !isS3 || !strings.HasPrefix(uri, "s3://") {
		return nil
	}
	for _, kind := range []string{S3Object, S3BucketObject} {
		for _, n := range g.byType[kind] {
			b, okBucket := g.bucketName(n.Attr("bucket"))
			k, okKey := g.String(n.Attr("key"))
			if okBucket && okKey && b == bucket && strings.TrimPrefix(k, "/") == key {
				if found != nil {
					return nil
				}
				found = n
			}
		}
	}
	return found
}

// bucketName is the name a bucket attribute gives: a known string, or the
// known bucket of the aws_s3_bucket it references, directly or through an
// aws_s3_bucket_versioning's bucket.
func (g *Graph) bucketName(attr *hclext.Attribute) (string, bool) {
	if attr == nil {
		return "", false
	}
	switch target := g.Resolve(attr.Expr); {
	case target == nil:
		return g.String(attr)
	case target.Type == S3Bucket:
		return g.String(target.Attr("bucket"))
	case target.Type == S3BucketVersioning:
		// The versioning's own bucket, one step only: a cycle of
		// references must not loop.
		inner := target.Attr("bucket")
		if inner == nil {
			return "", false
		}
		if b := g.Resolve(inner.Expr); b != nil {
			if b.Type != S3Bucket {
				return "", false
			}
			return g.String(b.Attr("bucket"))
		}
		return g.String(inner)
	}
	return "", false // another resource's attribute: known after apply
}

// VersionedBucket reports whether the configuration proves that an S3
// object's bucket keeps versions: an aws_s3_bucket_versioning of the bucket
// with status "Enabled", or the legacy versioning { enabled = true } of an
// aws_s3_bucket. The object's bucket may name the bucket resource, the
// versioning resource (to order the upload after it), or the bucket's name.
func (g *Graph) VersionedBucket(object *Node) bool {
	attr := object.Attr("bucket")
	if attr == nil {
		return false
	}
	target := g.Resolve(attr.Expr)
	if target != nil && target.Type == S3BucketVersioning {
		return g.versioningEnabled(target)
	}
	var bucket *Node
	if target != nil && target.Type == S3Bucket {
		bucket = target
	}
	name, nameKnown := g.bucketName(attr)
	if bucket != nil && legacyVersioning(g, bucket) {
		return true
	}
	for _, v := range g.byType[S3BucketVersioning] {
		battr := v.Attr("bucket")
		if battr == nil || !g.versioningEnabled(v) {
			continue
		}
		if bucket != nil && g.Resolve(battr.Expr) == bucket {
			return true
		}
		if other, ok := g.bucketName(battr); ok && nameKnown && other == name {
			return true
		}
	}
	if bucket == nil && nameKnown {
		for _, b := range g.byType[S3Bucket] {
			if other, ok := g.String(b.Attr("bucket")); ok && other == name && legacyVersioning(g, b) {
				return true
			}
		}
	}
	return false
}

func (g *Graph) versioningEnabled(v *Node) bool {
	if hasDynamic(v.Block.Body, "versioning_configuration") {
		return false
	}
	cfgs := v.Blocks("versioning_configuration")
	if len(cfgs) != 1 {
		return false
	}
	status, ok := g.String(cfgs[0].Body.Attributes["status"])
	return ok && status == "Enabled"
}

func legacyVersioning(g *Graph, bucket *Node) bool {
	if hasDynamic(bucket.Block.Body, "versioning") {
		return false
	}
	blocks := bucket.Blocks("versioning")
	if len(blocks) != 1 {
		return false
	}
	on, known := g.BoolOr(blocks[0].Body.Attributes["enabled"], false)
	return on && known
}
