package hclfix

import (
	"bytes"
	"regexp"
	"sort"

	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// BlockCopy describes a copy of a resource block under another name.
type BlockCopy struct {
	Name string
	// Replace gives top-level attributes a new expression (source text).
	Replace map[string]string
	// Drop removes top-level attributes, with their lines.
	Drop []string
}

// Copy renders the copy of a labelled block, `resource "TYPE" "NAME" {...}`,
// from its source. ok is false when the block cannot be copied (no labels,
// ranges outside the source).
func (c BlockCopy) Copy(src []byte, blk *hclsyntax.Block) (string, bool) {
	if blk == nil || len(blk.LabelRanges) != 2 {
		return "", false
	}
	start, end := blk.TypeRange.Start.Byte, blk.CloseBraceRange.End.Byte
	if start < 0 || end > len(src) || start >= end {
		return "", false
	}
	type edit struct {
		from, to int
		text     string
	}
	edits := []edit{{blk.LabelRanges[1].Start.Byte, blk.LabelRanges[1].End.Byte, `"` + c.Name + `"`}}
	for name, text := range c.Replace {
		if attr, ok := blk.Body.Attributes[name]; ok {
			r := attr.Expr.Range()
			edits = append(edits, edit{r.Start.Byte, r.End.Byte, text})
		}
	}
	dropped := false
	for _, name := range c.Drop {
		attr, ok := blk.Body.Attributes[name]
		if !ok {
			continue
		}
		from, to := attr.SrcRange.Start.Byte, attr.SrcRange.End.Byte
		lineStart := bytes.LastIndexByte(src[:from], '\n') + 1
		if lineStart > start && isTrivia(src[lineStart:from]) {
			from = lineStart
			if nl := bytes.IndexByte(src[to:end], '\n'); nl >= 0 && isTrivia(src[to:to+nl]) {
				to += nl + 1
			}
		}
		edits = append(edits, edit{from, to, ""})
		dropped = true
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].from > edits[j].from })
	out := append([]byte{}, src[start:end]...)
	last := end
	for _, e := range edits {
		if e.from < start || e.to > last || e.from > e.to {
			return "", false // overlapping or outside the block
		}
		out = append(append(append([]byte{}, out[:e.from-start]...), e.text...), out[e.to-start:]...)
		last = e.from
	}
	if dropped {
		// A removed attribute may leave its separating blank line behind.
		out = blankRuns.ReplaceAll(out, []byte("\n\n"))
		out = blankBeforeClose.ReplaceAll(out, []byte("\n$1"))
	}
	return string(out), true
}

var (
	blankRuns        = regexp.MustCompile(`\n[ \t]*\n(?:[ \t]*\n)+`)
	blankBeforeClose = regexp.MustCompile(`\n[ \t]*\n([ \t]*\})$`)
)
