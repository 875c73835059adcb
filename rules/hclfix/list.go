package hclfix

import (
	"bytes"
	"strings"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// RemoveFromList rewrites a list literal without the entries drop selects,
// keeping the others' text: one entry a line when the list spans lines,
// inline when it does not.
func RemoveFromList(f tflint.Fixer, src []byte, list *hclsyntax.TupleConsExpr, drop func(hclsyntax.Expression) bool) error {
	var kept []string
	for _, e := range list.Exprs {
		if !drop(e) {
			kept = append(kept, string(e.Range().SliceBytes(src)))
		}
	}
	text := "[" + strings.Join(kept, ", ") + "]"
	if len(kept) > 0 && bytes.Contains(list.Range().SliceBytes(src), []byte("\n")) {
		text = ListText(kept)
	}
	return f.ReplaceText(list.Range(), text)
}
