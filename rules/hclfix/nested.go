package hclfix

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// BlockAt returns the block directly inside a body whose type keyword
// starts where typeRange does: the native block of a nested block the
// model read, so a fix can find its braces. nil when there is none.
func BlockAt(body *hclsyntax.Body, typeRange hcl.Range) *hclsyntax.Block {
	if body == nil {
		return nil
	}
	for _, b := range body.Blocks {
		if b.TypeRange.Start.Byte == typeRange.Start.Byte && b.TypeRange.Filename == typeRange.Filename {
			return b
		}
	}
	return nil
}
