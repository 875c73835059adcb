// Package partial is the one representation of a string whose parts may be
// unknown: a template with interpolations the reader could not resolve, a
// policy string with a reference in it, an ARN built from an API's id. The
// template reader, the policy reader, the OpenAPI reader and the ARN reader
// all produce and consume it. It knows no model and no rule.
package partial

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Part is one piece of a string: literal text, or a hole whose value the
// reader does not know.
type Part struct {
	// Lit is the text of a known piece.
	Lit string
	// Hole marks a piece whose value is not known.
	Hole bool
	// Ref is the text of the reference behind a hole when the hole is a
	// single reference (aws_lambda_function.fn.invoke_arn); "" otherwise.
	Ref string
	// Expr is the HCL expression behind a hole, when there is one: a
	// template's interpolation, or the binding of a templatefile() name.
	Expr hcl.Expression
}

// String is a string of known and unknown parts.
type String struct {
	Parts []Part
	// Range is where the string is written in HCL, so a fix can replace it;
	// zero when it is not written as one HCL expression (a spec file, JSON
	// text).
	Range hcl.Range
}

// Lit returns a known string.
func Lit(s string) String { return String{Parts: []Part{{Lit: s}}} }

// Unknown returns a string that is one hole, with the reference text when
// the hole is a single reference.
func Unknown(ref string) String { return String{Parts: []Part{{Hole: true, Ref: ref}}} }

// HoleOf returns a hole for an HCL expression.
func HoleOf(ref string, expr hcl.Expression) Part { return Part{Hole: true, Ref: ref, Expr: expr} }

// Known returns the string when no part of it is unknown.
func (s String) Known() (string, bool) {
	if len(s.Parts) == 1 && !s.Parts[0].Hole {
		return s.Parts[0].Lit, true
	}
	var b strings.Builder
	for _, p := range s.Parts {
		if p.Hole {
			return "", false
		}
		b.WriteString(p.Lit)
	}
	return b.String(), true
}

// HasHoles reports whether any part is unknown.
func (s String) HasHoles() bool {
	for _, p := range s.Parts {
		if p.Hole {
			return true
		}
	}
	return false
}

// InHCL reports whether the string has a source range to rewrite.
func (s String) InHCL() bool { return s.Range.Filename != "" }

// String renders the string for messages: holes as ${ref}, or ${...}.
func (s String) String() string {
	var b strings.Builder
	for _, p := range s.Parts {
		switch {
		case !p.Hole:
			b.WriteString(p.Lit)
		case p.Ref != "":
			b.WriteString("${" + p.Ref + "}")
		default:
			b.WriteString("${...}")
		}
	}
	return b.String()
}

// Append adds the parts of t after those of s, merging adjacent literals.
func (s String) Append(t String) String {
	out := String{Parts: append([]Part(nil), s.Parts...), Range: s.Range}
	for _, p := range t.Parts {
		if n := len(out.Parts); n > 0 && !p.Hole && !out.Parts[n-1].Hole {
			out.Parts[n-1].Lit += p.Lit
			continue
		}
		out.Parts = append(out.Parts, p)
	}
	return out
}

// The marker that stands for a hole in text handed to another parser (JSON,
// YAML): letters, digits and underscores only, so that it is a valid plain
// scalar, key and string in both, and survives a parse unchanged.
const markerPrefix = "__apigw403_hole_"

var markerPattern = regexp.MustCompile(`__apigw403_hole_([0-9]+)__`)

// Marker is the text that stands for holes[i] in Marked text.
func Marker(i int) string { return markerPrefix + strconv.Itoa(i) + "__" }

// Marked renders s as text in which each hole is a Marker, with the holes
// in marker order, for a parser that knows nothing of holes. Unmark reads
// the parsed strings back.
func (s String) Marked() (text string, holes []Part) {
	var b strings.Builder
	for _, p := range s.Parts {
		if p.Hole {
			b.WriteString(Marker(len(holes)))
			holes = append(holes, p)
			continue
		}
		b.WriteString(p.Lit)
	}
	return b.String(), holes
}

// Unmark turns text that may hold Markers back into a String, each marker
// becoming its hole. A marker whose index is out of range is a hole with no
// reference.
func Unmark(text string, holes []Part) String {
	if !strings.Contains(text, markerPrefix) {
		return Lit(text)
	}
	var s String
	last := 0
	for _, m := range markerPattern.FindAllStringSubmatchIndex(text, -1) {
		if m[0] > last {
			s = s.Append(Lit(text[last:m[0]]))
		}
		hole := Part{Hole: true}
		if i, err := strconv.Atoi(text[m[2]:m[3]]); err == nil && i >= 0 && i < len(holes) {
			hole = holes[i]
		}
		s.Parts = append(s.Parts, hole)
		last = m[1]
	}
	if last < len(text) {
		s = s.Append(Lit(text[last:]))
	}
	return s
}
