package apigw

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/policy"
)

// ConditionKeyRange returns where a policy condition's key is written as a
// literal in HCL, for a fix that renames it: the key of a jsonencode
// object ("aws:SourceIp" = [...]), or the variable of an
// aws_iam_policy_document's condition block. ok is false in JSON text,
// .tf.json files, or when the key is computed.
func (g *Graph) ConditionKeyRange(c policy.Condition) (rng hcl.Range, ok bool) {
	f := g.files[c.Range.Filename]
	if f == nil {
		return hcl.Range{}, false
	}
	body, isHCL := f.Body.(*hclsyntax.Body)
	if !isHCL {
		return hcl.Range{}, false
	}
	hclsyntax.VisitAll(body, func(node hclsyntax.Node) hcl.Diagnostics {
		if ok {
			return nil
		}
		switch n := node.(type) {
		case *hclsyntax.ObjectConsExpr:
			for _, item := range n.Items {
				if item.ValueExpr.Range() == c.Range && len(variables(item.KeyExpr)) == 0 {
					rng, ok = item.KeyExpr.Range(), true
				}
			}
		case *hclsyntax.Block:
			if n.Type != "condition" || n.DefRange() != c.Range {
				return nil
			}
			if v := n.Body.Attributes["variable"]; v != nil && len(variables(v.Expr)) == 0 {
				rng, ok = v.Expr.Range(), true
			}
		}
		return nil
	})
	return rng, ok
}
