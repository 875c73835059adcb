package rules

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwCORSPreflightAuthRule reports OPTIONS methods and routes that demand
// credentials: browsers send CORS preflights without any.
type ApigwCORSPreflightAuthRule struct {
	tflint.DefaultRule
}

// NewApigwCORSPreflightAuthRule returns the rule.
func NewApigwCORSPreflightAuthRule() *ApigwCORSPreflightAuthRule {
	return &ApigwCORSPreflightAuthRule{}
}

func (r *ApigwCORSPreflightAuthRule) Name() string              { return "apigw_cors_preflight_auth" }
func (r *ApigwCORSPreflightAuthRule) Enabled() bool             { return true }
func (r *ApigwCORSPreflightAuthRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwCORSPreflightAuthRule) Link() string              { return project.ReferenceLink(r.Name()) }

// preflightFix is what the fix sets: the authorization argument and its
// value, the key argument (v1) set to false, and the arguments removed.
type preflightFix struct {
	auth, key string
	remove    []string
}

var (
	preflightFixV1 = preflightFix{auth: "authorization", key: "api_key_required", remove: []string{"authorizer_id", "authorization_scopes"}}
	preflightFixV2 = preflightFix{auth: "authorization_type", remove: []string{"authorizer_id", "authorization_scopes"}}
)

// Check reports REST OPTIONS methods with authorization or a required key,
// and HTTP API OPTIONS routes with authorization on APIs that do not answer
// preflights themselves (cors_configuration).
func (r *ApigwCORSPreflightAuthRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, m := range g.Resources(apigw.Method) {
		if verb, _ := g.String(m.Attr("http_method")); verb != "OPTIONS" {
			continue
		}
		auth, known := g.String(m.Attr("authorization"))
		var attr *hclext.Attribute
		var why, status string
		switch {
		case known && auth != "NONE":
			attr, why, status = m.Attr("authorization"), fmt.Sprintf("has authorization = %q", auth), rejection(auth, 1)
		case g.RequiresKey(m):
			attr, why, status = m.Attr("api_key_required"), "requires an API key", "403 Forbidden"
		default:
			continue
		}
		msg := fmt.Sprintf("%s answers CORS preflights but %s: browsers send preflights without credentials or keys, so the preflight gets %s and the browser reports a CORS error instead of sending the request", m.Address(), why, status)
		if err := runner.EmitIssueWithFix(r, msg, attr.Range, preflightFixV1.apply(m)); err != nil {
			return err
		}
	}
	for _, route := range g.Resources(apigw.V2Route) {
		key, _ := g.String(route.Attr("route_key"))
		auth, known := g.String(route.Attr("authorization_type"))
		if !strings.HasPrefix(key, "OPTIONS ") || !known || auth == "NONE" || route.API == nil || g.HandlesPreflights(route.API) {
			continue
		}
		msg := fmt.Sprintf("%s (%s) has authorization_type = %q and %s has no cors_configuration: browsers send preflights without credentials, so the preflight gets %s and the browser reports a CORS error instead of sending the request", route.Address(), key, auth, route.API.Node.Address(), rejection(auth, 2))
		if err := runner.EmitIssueWithFix(r, msg, route.Attr("authorization_type").Range, preflightFixV2.apply(route)); err != nil {
			return err
		}
	}
	return nil
}

// rejection is the response to a request without credentials.
func rejection(auth string, version int) string {
	switch auth {
	case "AWS_IAM":
		if version == 2 {
			return "403 Forbidden"
		}
		return "403 Missing Authentication Token"
	case "CUSTOM", "COGNITO_USER_POOLS", "JWT":
		return "401 Unauthorized"
	}
	return "403 Forbidden"
}

// apply returns the fix: authorization NONE, no authorizer, no key.
func (p preflightFix) apply(n *apigw.Node) func(tflint.Fixer) error {
	return func(f tflint.Fixer) error {
		if n.InJSON() {
			return tflint.ErrFixNotSupported
		}
		attrs := n.Syntax.Body.Attributes
		if a := attrs[p.auth]; a != nil && !isLiteral(a.Expr, cty.StringVal("NONE")) {
			if err := f.ReplaceText(a.Expr.Range(), `"NONE"`); err != nil {
				return err
			}
		}
		if a := attrs[p.key]; p.key != "" && a != nil && !isLiteral(a.Expr, cty.False) {
			if err := f.ReplaceText(a.Expr.Range(), "false"); err != nil {
				return err
			}
		}
		for _, name := range p.remove {
			if a := attrs[name]; a != nil {
				if err := f.RemoveAttribute(a.AsHCLAttribute()); err != nil {
					return err
				}
			}
		}
		return nil
	}
}

// isLiteral reports whether an expression is a literal equal to want.
func isLiteral(expr hclsyntax.Expression, want cty.Value) bool {
	if len(expr.Variables()) > 0 {
		return false
	}
	v, diags := expr.Value(nil)
	return !diags.HasErrors() && v.IsKnown() && !v.IsNull() && v.Type().Equals(want.Type()) && v.Equals(want).True()
}
