package rules

import (
	"fmt"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/arn"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/policy"
)

// ApigwPolicyResourceMismatchRule reports Resource entries of Allow
// statements that cannot match a request to the API the policy is on.
type ApigwPolicyResourceMismatchRule struct {
	tflint.DefaultRule
}

// NewApigwPolicyResourceMismatchRule returns the rule.
func NewApigwPolicyResourceMismatchRule() *ApigwPolicyResourceMismatchRule {
	return &ApigwPolicyResourceMismatchRule{}
}

func (r *ApigwPolicyResourceMismatchRule) Name() string              { return "apigw_policy_resource_mismatch" }
func (r *ApigwPolicyResourceMismatchRule) Enabled() bool             { return true }
func (r *ApigwPolicyResourceMismatchRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *ApigwPolicyResourceMismatchRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports Allow resources naming another API, a stage the API does
// not have, an HTTP verb no request has, or a malformed ARN. Where the
// entry is written in HCL and names another API or is malformed, the fix
// points it at the API's own execution_arn.
func (r *ApigwPolicyResourceMismatchRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	return restAPIsWithPolicies(g, func(api *apigw.API, docs []*apigw.PolicyDoc, _ bool) error {
		stages, stagesKnown := g.StageNames(api)
		for _, doc := range docs {
			for i := range doc.Policy.Statements {
				s := &doc.Policy.Statements[i]
				if s.IsAllow() != policy.Yes || s.Grants(invokeAction) == policy.No {
					continue
				}
				for _, item := range s.Resource.Items {
					res := arn.ParseResource(item)
					why, retarget := mismatch(api.Node, res, stages, stagesKnown)
					if why == "" {
						continue
					}
					msg := fmt.Sprintf("%s allows %s on %q, which cannot match %s: %s; calls it was meant for get %s unless another statement allows them",
						statementLabel(doc, s, i), invokeAction, item.String(), api.Node.Address(), why, anonymousDenied)
					rng := doc.Range()
					if item.InHCL() {
						rng = item.Range
					}
					err := runner.EmitIssueWithFix(r, msg, rng, func(f tflint.Fixer) error {
						if !retarget || !fixableResource(g, api, doc, item) {
							return tflint.ErrFixNotSupported
						}
						return f.ReplaceText(item.Range, retargeted(api.Node, res))
					})
					if err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
}

// mismatch says why a resource entry cannot match the API, or "". retarget
// is true when pointing the entry at the API's execution_arn is the fix.
func mismatch(n *apigw.Node, res arn.Resource, stages []string, stagesKnown bool) (why string, retarget bool) {
	if other := otherAPI(n, res.APIRef); other != "" {
		attr := "execution_arn"
		if res.Kind == arn.ResARN {
			attr = "id"
		}
		return fmt.Sprintf("it is built from the %s of %s", attr, other), true
	}
	switch {
	case res.APIRef != "" && !apigw.SameResource(res.APIRef, n):
		return "", false // an API from a data source, a module, a variable
	case res.Kind == arn.ResMalformed:
		return res.Problem, true
	case !res.ValidVerb():
		return fmt.Sprintf("%q is not a method API Gateway writes in the ARNs it authorizes (%s or *)", res.Verb, strings.Join(arn.Verbs, ", ")), false
	case res.Stage == "" || !stagesKnown:
		return "", false
	case res.Kind == arn.ResARN && res.APIRef == "":
		return "", false // a literal API id: maybe another API's stage
	}
	for _, st := range stages {
		if st == res.Stage {
			return "", false
		}
	}
	return fmt.Sprintf("%s has no stage named %q (its stages: %s)", n.Address(), res.Stage, strings.Join(stages, ", ")), false
}

// otherAPI returns the address of the API a reference names when it is an
// API resource other than n, else "".
func otherAPI(n *apigw.Node, ref string) string {
	if ref == "" || apigw.SameResource(ref, n) {
		return ""
	}
	base := arn.BaseAddress(ref)
	typ, _, ok := strings.Cut(base, ".")
	if !ok || (typ != apigw.RestAPI && typ != apigw.V2API) {
		return ""
	}
	return base
}

// fixableResource reports whether an entry can be rewritten: it is written
// in native HCL, and the policy belongs to this single-instance API alone.
func fixableResource(g *apigw.Graph, api *apigw.API, doc *apigw.PolicyDoc, item partial.String) bool {
	if !item.InHCL() || strings.HasSuffix(item.Range.Filename, ".json") || !doc.Holder.Source().CanEdit() {
		return false
	}
	if !api.Node.Source().Single() || !doc.Holder.Source().Single() {
		return false
	}
	return doc.Document == nil || (doc.Document.Source().Single() && len(g.Holders(doc.Document)) == 1)
}

// retargeted is the entry pointed at the API: its execution_arn with the
// entry's own stage, method and path when they are well formed, else /*.
func retargeted(n *apigw.Node, res arn.Resource) string {
	rest := "/*"
	if res.Kind != arn.ResMalformed && res.RestKnown && strings.HasPrefix(res.Rest, "/") &&
		!strings.ContainsAny(res.Rest, `"\`) && !strings.Contains(res.Rest, "${") && !strings.Contains(res.Rest, "%{") {
		rest = res.Rest
	}
	return `"${` + n.Reference("execution_arn") + `}` + rest + `"`
}
