package hclfix

import (
	"bytes"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// AppendAttribute adds lines (unindented, no trailing newline) as the last
// attribute of a block, next to the attributes before it so that terraform
// fmt aligns their equals signs.
func AppendAttribute(f tflint.Fixer, src []byte, blk *hclsyntax.Block, lines string) error {
	return appendToBlock(f, src, blk, lines, false)
}

// AppendBlock adds lines (unindented, no trailing newline) at the end of a
// block, after a blank line when the block already has content.
func AppendBlock(f tflint.Fixer, src []byte, blk *hclsyntax.Block, lines string) error {
	return appendToBlock(f, src, blk, lines, true)
}

func appendToBlock(f tflint.Fixer, src []byte, blk *hclsyntax.Block, lines string, separate bool) error {
	if blk == nil || blk.Body == nil {
		return tflint.ErrFixNotSupported
	}
	open, end := blk.OpenBraceRange, blk.CloseBraceRange
	if !end.CanSliceBytes(src) || !open.CanSliceBytes(src) || open.End.Byte > end.Start.Byte {
		return tflint.ErrFixNotSupported
	}
	inner := src[open.End.Byte:end.Start.Byte]
	empty := len(bytes.TrimSpace(inner)) == 0
	if open.Start.Line == end.Start.Line {
		// A one-line block: `{}` or `{ a = 1 }`. Break it open so the new
		// lines stand on their own.
		text := "\n" + lines + "\n"
		if !empty {
			if err := f.InsertTextAfter(open, "\n"); err != nil {
				return err
			}
			if separate {
				text = "\n" + text
			}
		}
		return f.InsertTextBefore(end, text)
	}
	text := lines + "\n"
	// Insert at the start of the closing brace's line so no stray
	// indentation is left behind; formatting re-indents the new lines.
	at := end.Start.Byte
	lineStart := bytes.LastIndexByte(src[:at], '\n') + 1
	if isTrivia(src[lineStart:at]) {
		at = lineStart
		if separate && !empty && !endsWithBlankLine(src[open.End.Byte:at]) {
			text = "\n" + text
		}
	} else {
		text = "\n" + text
		if separate {
			text = "\n" + text
		}
	}
	return f.InsertTextBefore(atByte(end.Filename, at), text)
}

func atByte(filename string, b int) hcl.Range {
	pos := hcl.Pos{Byte: b}
	return hcl.Range{Filename: filename, Start: pos, End: pos}
}

// NestedBlock returns the first block of a type directly inside a body.
func NestedBlock(body *hclsyntax.Body, typ string) *hclsyntax.Block {
	if body == nil {
		return nil
	}
	for _, b := range body.Blocks {
		if b.Type == typ {
			return b
		}
	}
	return nil
}

// ListText renders a multi-line list, one entry a line, each with a trailing
// comma as terraform fmt leaves a list that is later extended.
func ListText(entries []string) string {
	var b strings.Builder
	b.WriteString("[\n")
	for _, e := range entries {
		b.WriteString(e)
		b.WriteString(",\n")
	}
	b.WriteString("]")
	return b.String()
}

// AppendToList adds entries at the end of a list literal, keeping its
// layout: one entry a line when it spans lines, inline when it does not.
func AppendToList(f tflint.Fixer, src []byte, list *hclsyntax.TupleConsExpr, entries []string) error {
	if len(entries) == 0 {
		return nil
	}
	rng := list.SrcRange
	if !rng.CanSliceBytes(src) || rng.End.Byte < 2 || src[rng.End.Byte-1] != ']' {
		return tflint.ErrFixNotSupported
	}
	closeAt := rng.End.Byte - 1
	if len(list.Exprs) == 0 {
		return f.InsertTextBefore(atByte(rng.Filename, closeAt), "\n"+strings.Join(entries, ",\n")+",\n")
	}
	multiline := rng.Start.Line != rng.End.Line
	if !multiline {
		if existing, ok := plainEntries(src, list); ok {
			// A one-line list grows past a readable width: lay it out one
			// entry a line, as generated lists are.
			return f.ReplaceText(rng, ListText(append(existing, entries...)))
		}
	}
	last := list.Exprs[len(list.Exprs)-1].Range()
	after := src[last.End.Byte:closeAt]
	sep, text := ", ", strings.Join(entries, ", ")
	if multiline {
		sep, text = ",\n", strings.Join(entries, ",\n")+","
	}
	// A comma after the last entry: insert behind it, else add one.
	if i := bytes.IndexByte(after, ','); i >= 0 && isTrivia(after[:i]) {
		return f.InsertTextAfter(atByte(rng.Filename, last.End.Byte+i+1), strings.TrimPrefix(sep, ",")+text)
	}
	return f.InsertTextAfter(atByte(rng.Filename, last.End.Byte), sep+text)
}

// isTrivia reports whether bytes between tokens hold only white space.
func isTrivia(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }

// plainEntries returns the source of a list's entries when nothing but
// commas and spaces stands between them, so the list can be rewritten
// without losing a comment.
func plainEntries(src []byte, list *hclsyntax.TupleConsExpr) ([]string, bool) {
	var out []string
	pos := list.OpenRange.End.Byte
	for _, e := range list.Exprs {
		r := e.Range()
		if r.Start.Byte < pos || !isSeparator(src[pos:r.Start.Byte]) {
			return nil, false
		}
		out = append(out, string(r.SliceBytes(src)))
		pos = r.End.Byte
	}
	if !isSeparator(src[pos : list.SrcRange.End.Byte-1]) {
		return nil, false
	}
	return out, true
}

func isSeparator(b []byte) bool {
	return len(bytes.Trim(b, ", \t\r\n")) == 0
}

// endsWithBlankLine reports whether text (ending with a newline) ends with
// an empty line, so a new block needs no blank line of its own.
func endsWithBlankLine(text []byte) bool {
	trimmed := bytes.TrimRight(text, " \t\r")
	if !bytes.HasSuffix(trimmed, []byte("\n")) {
		return false
	}
	prev := bytes.LastIndexByte(trimmed[:len(trimmed)-1], '\n')
	return prev >= 0 && isTrivia(trimmed[prev+1:len(trimmed)-1])
}
