package rules

import (
	"fmt"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwWafDefaultBlockRule reports web ACLs on REST stages that block by
// default and have no rule that allows.
type ApigwWafDefaultBlockRule struct {
	tflint.DefaultRule
}

// NewApigwWafDefaultBlockRule returns the rule.
func NewApigwWafDefaultBlockRule() *ApigwWafDefaultBlockRule {
	return &ApigwWafDefaultBlockRule{}
}

func (r *ApigwWafDefaultBlockRule) Name() string              { return "apigw_waf_default_block" }
func (r *ApigwWafDefaultBlockRule) Enabled() bool             { return true }
func (r *ApigwWafDefaultBlockRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *ApigwWafDefaultBlockRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports, once per web ACL, the stages it is associated with when
// the model proves the ACL blocks every request.
func (r *ApigwWafDefaultBlockRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	var acls []*apigw.Node
	stages := map[*apigw.Node][]string{}
	for _, a := range g.WAFAssociations() {
		if g.NeverExists(a.Node) || g.NeverExists(a.ACL) || g.NeverExists(a.Stage) {
			continue
		}
		if _, seen := stages[a.ACL]; !seen {
			acls = append(acls, a.ACL)
		}
		stages[a.ACL] = append(stages[a.ACL], a.Stage.Address())
	}
	for _, acl := range acls {
		if !g.BlocksEverything(acl) {
			continue
		}
		msg := fmt.Sprintf("%s blocks by default and no rule allows: every call to %s answers 403 Forbidden {\"message\":\"Forbidden\"}", acl.Address(), strings.Join(stages[acl], ", "))
		if err := runner.EmitIssue(r, msg, acl.Blocks("default_action")[0].DefRange); err != nil {
			return err
		}
	}
	return nil
}
