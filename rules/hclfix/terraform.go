package hclfix

import (
	"bytes"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"
)

// TriggerKey is the key generated triggers maps use, as in the provider's docs.
const TriggerKey = "redeployment"

// TriggersText renders `triggers = { redeployment = sha1(jsonencode([...])) }`.
func TriggersText(entries []string) string {
	return "triggers = " + TriggersValue(entries)
}

// TriggersValue renders the map alone, `{ redeployment = sha1(jsonencode([...])) }`.
func TriggersValue(entries []string) string {
	return "{\n" + TriggerKey + " = sha1(jsonencode(" + ListText(entries) + "))\n}"
}

// LifecycleText is a lifecycle block that creates replacements first.
const LifecycleText = "lifecycle {\ncreate_before_destroy = true\n}"

// hashFunctions wrap the list in a triggers value: sha1(jsonencode([...])).
var hashFunctions = map[string]bool{"sha1": true, "sha256": true, "sha512": true, "md5": true, "base64sha256": true, "base64sha512": true}

// HashedList finds the one `<hash>(jsonencode([...]))` list inside a triggers
// expression, the shape entries can be added to. ok is false for any other
// shape, or when there is more than one such list.
func HashedList(expr hcl.Expression) (list *hclsyntax.TupleConsExpr, ok bool) {
	obj, isObj := expr.(*hclsyntax.ObjectConsExpr)
	if !isObj {
		return nil, false
	}
	for _, item := range obj.Items {
		hash, isCall := item.ValueExpr.(*hclsyntax.FunctionCallExpr)
		if !isCall || !hashFunctions[hash.Name] || len(hash.Args) != 1 {
			continue
		}
		enc, isCall := hash.Args[0].(*hclsyntax.FunctionCallExpr)
		if !isCall || enc.Name != "jsonencode" || len(enc.Args) != 1 {
			continue
		}
		tuple, isTuple := enc.Args[0].(*hclsyntax.TupleConsExpr)
		if !isTuple {
			continue
		}
		if list != nil {
			return nil, false
		}
		list = tuple
	}
	return list, list != nil
}

// EnsureCreateBeforeDestroy makes a resource's lifecycle say
// create_before_destroy = true: it adds the block, adds the argument to an
// existing block, or turns a literal false into true.
func EnsureCreateBeforeDestroy(f tflint.Fixer, src []byte, blk *hclsyntax.Block) error {
	lc := NestedBlock(blk.Body, "lifecycle")
	if lc == nil {
		return AppendBlock(f, src, blk, LifecycleText)
	}
	attr, ok := lc.Body.Attributes["create_before_destroy"]
	if !ok {
		return AppendAttribute(f, src, lc, "create_before_destroy = true")
	}
	if v, diags := attr.Expr.Value(nil); diags.HasErrors() || v.Type() != cty.Bool || v.IsNull() {
		return tflint.ErrFixNotSupported
	} else if v.True() {
		return nil
	}
	return f.ReplaceText(attr.Expr.Range(), "true")
}

// InsertBeforeMeta adds lines to a resource block ahead of its meta-arguments
// (depends_on, lifecycle), which Terraform style keeps last; with neither, the
// lines go at the end.
func InsertBeforeMeta(f tflint.Fixer, src []byte, blk *hclsyntax.Block, lines string) error {
	anchor := -1
	if a, ok := blk.Body.Attributes["depends_on"]; ok {
		anchor = a.SrcRange.Start.Byte
	}
	if lc := NestedBlock(blk.Body, "lifecycle"); lc != nil && (anchor < 0 || lc.TypeRange.Start.Byte < anchor) {
		anchor = lc.TypeRange.Start.Byte
	}
	if anchor < 0 || anchor > len(src) {
		return AppendBlock(f, src, blk, lines)
	}
	lineStart := bytes.LastIndexByte(src[:anchor], '\n') + 1
	if lineStart <= blk.OpenBraceRange.End.Byte || !isTrivia(src[lineStart:anchor]) {
		return AppendBlock(f, src, blk, lines)
	}
	text := lines + "\n\n"
	if prev := bytes.LastIndexByte(src[:lineStart-1], '\n') + 1; prev > blk.OpenBraceRange.End.Byte && !isTrivia(src[prev:lineStart]) {
		text = "\n" + text
	}
	return f.InsertTextBefore(atByte(blk.Body.SrcRange.Filename, lineStart), text)
}

// InsertWithTail adds lines ahead of a resource's meta-arguments, like
// InsertBeforeMeta, and tail (a lifecycle block, say) at the very end. A
// one-line block is opened once and gets both at its end.
func InsertWithTail(f tflint.Fixer, src []byte, blk *hclsyntax.Block, lines, tail string) error {
	_, dependsOn := blk.Body.Attributes["depends_on"]
	if blk.OpenBraceRange.Start.Line == blk.CloseBraceRange.Start.Line || (!dependsOn && NestedBlock(blk.Body, "lifecycle") == nil) {
		// Both land at the end: one insertion, so the blank line between
		// them and the one-line case come out right.
		return AppendBlock(f, src, blk, lines+"\n\n"+tail)
	}
	if err := InsertBeforeMeta(f, src, blk, lines); err != nil {
		return err
	}
	return AppendBlock(f, src, blk, tail)
}

// InsertAfterBlock adds a new top-level block (a resource, say) after an
// existing one, separated by a blank line.
func InsertAfterBlock(f tflint.Fixer, blk *hclsyntax.Block, text string) error {
	if blk == nil {
		return tflint.ErrFixNotSupported
	}
	return f.InsertTextAfter(blk.CloseBraceRange, "\n\n"+text)
}
