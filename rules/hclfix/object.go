package hclfix

import (
	"bytes"

	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// AppendToObject adds an item (`KEY = value`, unindented) at the end of an
// object literal. A one-line object is broken open, one item a line.
func AppendToObject(f tflint.Fixer, src []byte, obj *hclsyntax.ObjectConsExpr, item string) error {
	rng := obj.SrcRange
	if !rng.CanSliceBytes(src) || rng.End.Byte < 2 || src[rng.End.Byte-1] != '}' {
		return tflint.ErrFixNotSupported
	}
	closeAt := rng.End.Byte - 1
	if len(obj.Items) == 0 {
		return f.ReplaceText(rng, "{\n"+item+"\n}")
	}
	if rng.Start.Line != rng.End.Line {
		at := closeAt
		lineStart := bytes.LastIndexByte(src[:at], '\n') + 1
		text := item + "\n"
		if isTrivia(src[lineStart:at]) {
			at = lineStart
		} else {
			text = "\n" + text
		}
		return f.InsertTextBefore(atByte(rng.Filename, at), text)
	}
	if err := f.InsertTextAfter(obj.OpenRange, "\n"); err != nil {
		return err
	}
	last := obj.Items[len(obj.Items)-1].ValueExpr.Range().End.Byte
	at := last
	if i := bytes.IndexByte(src[last:closeAt], ','); i >= 0 && isTrivia(src[last:last+i]) {
		at = last + i + 1
	}
	return f.InsertTextAfter(atByte(rng.Filename, at), "\n"+item+"\n")
}

// AddEnvironmentVariable adds an item (`NAME = value`) to a Lambda
// function's environment.variables, creating the attribute or the
// `environment` block when missing.
func AddEnvironmentVariable(f tflint.Fixer, src []byte, fn *hclsyntax.Block, item string) error {
	env := NestedBlock(fn.Body, "environment")
	if env == nil {
		return InsertBeforeMeta(f, src, fn, "environment {\nvariables = {\n"+item+"\n}\n}")
	}
	vars, ok := env.Body.Attributes["variables"]
	if !ok {
		return AppendAttribute(f, src, env, "variables = {\n"+item+"\n}")
	}
	obj, ok := vars.Expr.(*hclsyntax.ObjectConsExpr)
	if !ok {
		return tflint.ErrFixNotSupported
	}
	return AppendToObject(f, src, obj, item)
}
