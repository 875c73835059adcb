package rules

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/hclfix"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/ref"
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
// HTTP API OPTIONS routes with authorization on APIs that do not answer
// preflights themselves (cors_configuration), and HTTP API routes with
// authorization that catch the preflights cors_configuration would answer.
// In a module call it reports OPTIONS methods and routes at the caller's
// authorization (or key, or verb).
func (r *ApigwCORSPreflightAuthRule) Check(runner tflint.Runner) error {
	g, err := apigw.LoadForCall(runner)
	if g == nil {
		return err
	}
	for _, m := range append(g.Methods(), g.BodyMethods()...) {
		if verb, _ := m.Verb(); verb != "OPTIONS" {
			continue
		}
		auth := m.Authorization()
		var decider apigw.Setting
		var why, what, status string
		switch {
		case auth.Demands():
			decider, status = auth.Setting, auth.Unauthenticated()
			why, what = fmt.Sprintf("has authorization = %q", auth.Value), fmt.Sprintf("with authorization %q", auth.Value)
		case m.RequiresKey():
			decider, why, what, status = m.KeyRequired(), "requires an API key", "that requires an API key", "403 Forbidden"
		default:
			continue
		}
		fix := preflightFixV1.apply(m.Source)
		if m.FromBody() {
			why, fix = "has security", clearSecurity(auth.Setting)
		}
		err := emitFixableFinding(runner, r, g, finding{
			Message:  fmt.Sprintf("%s answers CORS preflights but %s: %s", m.Location, why, preflightDenied(status)),
			Range:    decider.Range(),
			Deciders: []hcl.Expression{decider.Expr(), m.HTTPMethod().Expr()},
			Effect:   fmt.Sprintf("makes %s an OPTIONS method %s: %s", m.Location, what, preflightDenied(status)),
		}, fix)
		if err != nil {
			return err
		}
	}
	for _, route := range g.Routes() {
		if err := r.catchAll(runner, g, route); err != nil {
			return err
		}
		key, _ := route.RouteKey().String()
		verb, _ := route.Verb()
		auth := route.Authorization()
		if verb != "OPTIONS" || !auth.Demands() || route.API() == nil || route.API().HandlesPreflights() {
			continue
		}
		err := emitFixableFinding(runner, r, g, finding{
			Message:  fmt.Sprintf("%s (%s) has authorization_type = %q and %s has no cors_configuration: browsers send preflights without credentials, so the preflight gets %s and the browser reports a CORS error instead of sending the request", route.Location, key, auth.Value, route.API().Node.Address(), auth.Unauthenticated()),
			Range:    auth.Range(),
			Deciders: []hcl.Expression{auth.Expr(), route.RouteKey().Expr()},
			Effect:   fmt.Sprintf("makes %s (%s) an OPTIONS route with authorization_type %q, and %s has no cors_configuration: browsers send preflights without credentials, so the preflight gets %s and the browser reports a CORS error instead of sending the request", route.Location, key, auth.Value, route.API().Node.Address(), auth.Unauthenticated()),
		}, preflightFixV2.apply(route.Source))
		if err != nil {
			return err
		}
	}
	return nil
}

// preflightDenied is what a browser sees when the preflight gets status.
func preflightDenied(status string) string {
	return fmt.Sprintf("browsers send preflights without credentials or keys, so the preflight gets %s and the browser reports a CORS error instead of sending the request", status)
}

// catchAll reports a route with authorization that matches OPTIONS (ANY
// <path>, $default) on an API with cors_configuration and no OPTIONS route
// for its path: API Gateway passes the preflights to the route, and so to
// its authorizer. The fix adds that OPTIONS route, open, with the
// catch-all's API and target, right after it.
func (r *ApigwCORSPreflightAuthRule) catchAll(runner tflint.Runner, g *apigw.Graph, route apigw.RouteView) error {
	if g.InModuleCall() {
		return nil // decided by the module's routes: left to --recursive
	}
	auth := route.Authorization()
	if !auth.Demands() || g.NeverExists(route.Node) || !route.ReceivesPreflights() {
		return nil
	}
	key, _ := route.RouteKey().String()
	optionsKey, _ := route.PreflightKey()
	apiID := route.APIID().Expr()
	fixable := route.CanEdit() && route.Target().IsSet() && apiID != nil && keepsInstanceKeys(apiID)
	msg := fmt.Sprintf("%s (%s) has authorization_type = %q and matches OPTIONS requests, and %s has no %s route: API Gateway passes CORS preflights to the route instead of answering them from cors_configuration, so the preflight gets %s and the browser reports a CORS error instead of sending the request", route.Location, key, auth.Value, route.API().Node.Address(), optionsKey, auth.Unauthenticated())
	if fixable {
		integration := "the route's integration"
		if in, ok := route.Integration(); ok {
			integration = in.Location
		}
		msg += fmt.Sprintf("; the fix adds an %s route with authorization_type = \"NONE\" and the same target, which lets unauthenticated OPTIONS requests reach %s: it must answer them with a 2xx status, and API Gateway adds the CORS headers", optionsKey, integration)
	}
	return runner.EmitIssueWithFix(r, msg, auth.Range(), func(f tflint.Fixer) error {
		if !fixable {
			return tflint.ErrFixNotSupported
		}
		meta, instance := ref.InstanceOf(route.Node.Address(), route.Expansion)
		return hclfix.InsertAfterBlock(f, route.Block(), hclfix.OpenRoute{
			Name: g.FreeName(apigw.V2Route, route.Node.Name+"_options"), Meta: meta,
			APIID: g.Text(apiID), RouteKey: optionsKey, Target: instance + ".target",
		}.Text())
	})
}

// keepsInstanceKeys reports whether an expression means the same in a
// resource with one instance per instance of its own: it reads no instance
// key but count.index and each.key (each.value would be the route there).
func keepsInstanceKeys(expr hcl.Expression) bool {
	for _, t := range expr.Variables() {
		if root := t.RootName(); root != "count" && root != "each" {
			continue
		}
		if len(t) != 2 {
			return false
		}
		if step, ok := t[1].(hcl.TraverseAttr); !ok || (step.Name != "index" && step.Name != "key") {
			return false
		}
	}
	return true
}

// apply returns the fix: authorization NONE, no authorizer, no key.
func (p preflightFix) apply(src apigw.Source) func(tflint.Fixer) error {
	return func(f tflint.Fixer) error {
		if !src.CanEdit() {
			return tflint.ErrFixNotSupported
		}
		attrs := src.Block().Body.Attributes
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

// clearSecurity writes security = [] on an operation of an HCL body.
func clearSecurity(security apigw.Setting) func(tflint.Fixer) error {
	return func(f tflint.Fixer) error {
		if !security.CanEdit() {
			return tflint.ErrFixNotSupported
		}
		return f.ReplaceText(security.ValueRange(), "[]")
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
