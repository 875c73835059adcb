package rules

import (
	"fmt"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/hclfix"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/ref"
)

// ApigwCORSGatewayResponsesRule reports REST APIs that serve CORS while
// API Gateway's own error responses carry no CORS headers: the browser
// then shows a CORS error instead of the 403.
type ApigwCORSGatewayResponsesRule struct {
	tflint.DefaultRule
}

// NewApigwCORSGatewayResponsesRule returns the rule.
func NewApigwCORSGatewayResponsesRule() *ApigwCORSGatewayResponsesRule {
	return &ApigwCORSGatewayResponsesRule{}
}

func (r *ApigwCORSGatewayResponsesRule) Name() string              { return "apigw_cors_gateway_responses" }
func (r *ApigwCORSGatewayResponsesRule) Enabled() bool             { return true }
func (r *ApigwCORSGatewayResponsesRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *ApigwCORSGatewayResponsesRule) Link() string              { return project.ReferenceLink(r.Name()) }

// defaultResponses are the gateway responses every error API Gateway
// answers by itself falls back to.
var defaultResponses = []string{"DEFAULT_4XX", "DEFAULT_5XX"}

// Check reports REST APIs declared here that serve CORS and have no
// DEFAULT_4XX or DEFAULT_5XX gateway response sending
// Access-Control-Allow-Origin, in resources or in the OpenAPI body (whose
// options operations also serve CORS). The fix inserts the missing responses
// after the API, with the origin the integration responses already send.
func (r *ApigwCORSGatewayResponsesRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, api := range g.APIs() {
		if !api.Declared() || api.Version != 1 || g.NeverExists(api.Node) || !g.ServesCORS(api) {
			continue
		}
		responses, known := g.GatewayResponses(api)
		if !known {
			continue
		}
		missing, fixable := r.missing(responses)
		if len(missing) == 0 {
			continue
		}
		origin, originOK := r.origin(g, api)
		// A body's responses are the spec's to write: no resource is added beside it.
		fixable = fixable && originOK && api.Node.Source().CanEdit() && api.Spec() == nil
		kind := "gateway response"
		if api.Spec() != nil {
			kind = "gateway response (a resource, or in the body's x-amazon-apigateway-gateway-responses)"
		}
		msg := fmt.Sprintf("%s serves CORS, but no %s %s sends Access-Control-Allow-Origin: the 403s API Gateway answers itself (API key, WAF, resource policy, authorizer) reach the browser as a CORS error", api.Node.Address(), strings.Join(missing, " or "), kind)
		if fixable {
			msg += fmt.Sprintf("; the fix adds Access-Control-Allow-Origin %s to these error responses, which lets browsers from that origin read them", origin)
		}
		err := runner.EmitIssueWithFix(r, msg, api.Node.Block.DefRange, func(f tflint.Fixer) error {
			if !fixable {
				return tflint.ErrFixNotSupported
			}
			meta, instance := ref.InstanceOf(api.Node.Address(), api.Node.Expansion)
			var texts []string
			for _, typ := range missing {
				texts = append(texts, hclfix.GatewayResponse{
					Name: g.FreeName(apigw.GatewayResponse, api.Node.Name+"_"+strings.ToLower(typ)),
					Meta: meta, RestAPIID: instance + ".id", ResponseType: typ, Origin: origin,
				}.Text())
			}
			return hclfix.InsertAfterBlock(f, api.Node.Syntax, strings.Join(texts, "\n\n"))
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// missing lists the default responses no gateway response of the API sends
// the header with; fixable is false when one of them exists without the
// header (it needs editing, not a second resource of the same type).
func (r *ApigwCORSGatewayResponsesRule) missing(responses []apigw.GatewayResponseInfo) (missing []string, fixable bool) {
	fixable = true
	for _, typ := range defaultResponses {
		covered, exists := false, false
		for _, resp := range responses {
			if resp.Type == typ {
				exists = true
				covered = covered || resp.AllowsOrigin
			}
		}
		if !covered {
			missing = append(missing, typ)
			fixable = fixable && !exists
		}
	}
	return missing, fixable
}

// origin is the Access-Control-Allow-Origin value to send: the one the
// integration responses already send, else "'*'". ok is false when they
// send different ones, or one that cannot be copied.
func (r *ApigwCORSGatewayResponsesRule) origin(g *apigw.Graph, api *apigw.API) (string, bool) {
	expr, from, known := g.CORSOrigin(api)
	switch {
	case !known:
		return "", false
	case expr == nil:
		return `"'*'"`, true
	case !from.Source().CanEdit() || apigw.UsesInstanceKey(expr):
		return "", false
	}
	text := g.Text(expr)
	return text, text != ""
}
