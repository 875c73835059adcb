package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// WAFAssociation attaches a web ACL declared in the module to a REST stage
// declared in the module.
type WAFAssociation struct {
	Node  *Node
	ACL   *Node
	Stage *Node
}

// WAFAssociations returns the web ACL associations whose resource_arn
// references an aws_api_gateway_stage and whose web_acl_arn references an
// aws_wafv2_web_acl of this module. An ACL from a data source or a variable
// lives elsewhere and is not listed.
func (g *Graph) WAFAssociations() []WAFAssociation {
	var out []WAFAssociation
	for _, n := range g.byType[WebACLAssoc] {
		stage := g.Resolve(exprOf(n.Attr("resource_arn")))
		acl := g.Resolve(exprOf(n.Attr("web_acl_arn")))
		if stage == nil || acl == nil || stage.Kind() != Stage || acl.Kind() != WebACL {
			continue
		}
		out = append(out, WAFAssociation{Node: n, ACL: acl, Stage: stage})
	}
	return out
}

// BlocksEverything reports whether the configuration proves that a web ACL
// blocks every request: its default action is block and no rule can allow.
// A rule allows with action { allow {} }; a rule group reference may hold
// allowing rules, and a managed rule group's rule_action_override can turn
// one of its rules into allow. Dynamic blocks hide what they generate, so
// they count as "may allow".
func (g *Graph) BlocksEverything(acl *Node) bool {
	body := acl.Block.Body
	if hasDynamic(body, "default_action") || hasDynamic(body, "rule") {
		return false
	}
	defaults := acl.Blocks("default_action")
	if len(defaults) != 1 || !onlyAction(defaults[0].Body, "block") {
		return false
	}
	for _, rule := range acl.Blocks("rule") {
		if mayAllow(rule.Body) {
			return false
		}
	}
	return true
}

// onlyAction reports whether an action body holds exactly one action block,
// of the given type.
func onlyAction(body *hclext.BodyContent, typ string) bool {
	return body != nil && len(body.Blocks) == 1 && body.Blocks[0].Type == typ
}

func mayAllow(rule *hclext.BodyContent) bool {
	if rule == nil || len(rule.Blocks.OfType("dynamic")) > 0 {
		return true
	}
	for _, action := range rule.Blocks.OfType("action") {
		if len(action.Body.Blocks.OfType("allow")) > 0 || len(action.Body.Blocks.OfType("dynamic")) > 0 {
			return true
		}
	}
	for _, st := range rule.Blocks.OfType("statement") {
		if len(st.Body.Blocks.OfType("rule_group_reference_statement")) > 0 {
			return true
		}
		for _, managed := range st.Body.Blocks.OfType("managed_rule_group_statement") {
			if overridesToAllow(managed.Body) {
				return true
			}
		}
	}
	return false
}

// overridesToAllow reports whether a managed rule group's
// rule_action_override may turn one of its rules into allow.
func overridesToAllow(managed *hclext.BodyContent) bool {
	if managed == nil || len(managed.Blocks.OfType("dynamic")) > 0 {
		return true
	}
	for _, o := range managed.Blocks.OfType("rule_action_override") {
		if len(o.Body.Blocks.OfType("dynamic")) > 0 {
			return true
		}
		for _, use := range o.Body.Blocks.OfType("action_to_use") {
			if len(use.Body.Blocks.OfType("allow")) > 0 || len(use.Body.Blocks.OfType("dynamic")) > 0 {
				return true
			}
		}
	}
	return false
}
