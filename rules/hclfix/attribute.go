package hclfix

import (
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// InsertAttribute adds lines (unindented, no trailing newline) right after
// the block's last attribute, before any nested block, so that terraform
// fmt aligns it with the attributes above; a block without attributes gets
// it as its last line.
func InsertAttribute(f tflint.Fixer, src []byte, blk *hclsyntax.Block, lines string) error {
	if blk == nil || blk.Body == nil {
		return tflint.ErrFixNotSupported
	}
	var last *hclsyntax.Attribute
	for _, a := range blk.Body.Attributes {
		if last == nil || a.SrcRange.End.Byte > last.SrcRange.End.Byte {
			last = a
		}
	}
	if last == nil {
		return AppendAttribute(f, src, blk, lines)
	}
	return f.InsertTextAfter(last.SrcRange, "\n"+lines)
}
