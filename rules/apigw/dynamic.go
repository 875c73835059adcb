package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// hasDynamic reports whether a body builds nested blocks of a type with a
// dynamic block: their content is unknown to the model, so rules that need
// it stay silent.
func hasDynamic(body *hclext.BodyContent, typ string) bool {
	if body == nil {
		return false
	}
	for _, d := range body.Blocks.OfType("dynamic") {
		if len(d.Labels) == 1 && d.Labels[0] == typ {
			return true
		}
	}
	return false
}

// dynamicBlock reads `dynamic "NAME" { ... }` headers, the one schema for
// them: the label says which blocks it generates; the model cannot see what
// they contain, so a rule that looks for such a block must stay silent.
var dynamicBlock = hclext.BlockSchema{Type: "dynamic", LabelNames: []string{"name"}, Body: &hclext.BodySchema{}}
