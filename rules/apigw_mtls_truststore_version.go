package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/hclfix"
)

// ApigwMtlsTruststoreVersionRule reports custom domains that load their
// mutual TLS truststore from a versioned S3 object of the configuration
// without pinning its version: API Gateway keeps the truststore it first
// read, so an updated truststore is never picked up.
type ApigwMtlsTruststoreVersionRule struct {
	tflint.DefaultRule
}

// NewApigwMtlsTruststoreVersionRule returns the rule.
func NewApigwMtlsTruststoreVersionRule() *ApigwMtlsTruststoreVersionRule {
	return &ApigwMtlsTruststoreVersionRule{}
}

func (r *ApigwMtlsTruststoreVersionRule) Name() string              { return "apigw_mtls_truststore_version" }
func (r *ApigwMtlsTruststoreVersionRule) Enabled() bool             { return true }
func (r *ApigwMtlsTruststoreVersionRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *ApigwMtlsTruststoreVersionRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports truststore_uri where it names an object of a versioned
// bucket and truststore_version is not set. The fix pins the object's
// version_id, so every upload of the truststore updates the domain.
func (r *ApigwMtlsTruststoreVersionRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	return apigw.Visit(g.CustomDomains(), func(d *apigw.Node) error {
		mtls := apigw.MutualTLS(d)
		if mtls == nil || g.IsSet(mtls.Body.Attributes["truststore_version"]) {
			return nil
		}
		obj := g.TruststoreObject(mtls)
		if obj == nil || g.NeverExists(obj) || !g.VersionedBucket(obj) {
			return nil
		}
		msg := fmt.Sprintf("%s loads its mutual TLS truststore from %s, in a versioned bucket, without truststore_version: API Gateway keeps the version it read first, so clients whose certificates a new upload trusts get %s (\"Could not find issuer for certificate\")", d.Address(), obj.Address(), gatewayForbidden)
		return runner.EmitIssueWithFix(r, msg, mtls.Body.Attributes["truststore_uri"].Range, func(f tflint.Fixer) error {
			if !d.Source().CanEdit() || !obj.Source().Single() {
				return tflint.ErrFixNotSupported
			}
			blk := hclfix.NestedBlock(d.Syntax.Body, "mutual_tls_authentication")
			return hclfix.AppendAttribute(f, g.File(d.Filename()).Bytes, blk, "truststore_version = "+obj.Reference("version_id"))
		})
	})
}
