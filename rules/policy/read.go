package policy

import (
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

// Kind is the kind of a Value.
type Kind int

const (
	// KindUnknown is a value the model cannot read.
	KindUnknown Kind = iota
	// KindNull is JSON null.
	KindNull
	// KindString is a string; numbers and booleans are read as their text.
	KindString
	// KindList is a JSON array.
	KindList
	// KindObject is a JSON object.
	KindObject
)

// Value is a JSON-like document tree whose parts may be unknown: what a
// policy is read from, whatever it was written as.
type Value struct {
	Kind   Kind
	Str    partial.String
	List   []Value
	Object map[string]Value
	// Ref is the reference an unknown value comes from, when it is one.
	Ref string
	// Range is where the value is written in HCL; zero otherwise.
	Range hcl.Range
}

// UnknownValue is a value the model cannot read; ref may name the reference it comes from.
func UnknownValue(ref string, rng hcl.Range) Value {
	return Value{Kind: KindUnknown, Ref: ref, Range: rng}
}

// ParseJSON reads a policy written as JSON text. Malformed text gives an
// unknown policy, never an error.
func ParseJSON(text string) *Policy {
	return ParseJSONTemplate(partial.Lit(text))
}

// ParseJSONTemplate reads JSON text with unknown parts, as a heredoc with
// "${aws_api_gateway_rest_api.x.execution_arn}/*": inside strings they
// stay unknown parts; anywhere else the text is not JSON and the policy is
// unknown.
func ParseJSONTemplate(s partial.String) *Policy {
	doc, ok := ParseJSONTree(s)
	if !ok {
		return Unknown()
	}
	return FromTree(doc)
}

// ParseJSONTree reads JSON text with unknown parts (see ParseJSONTemplate)
// into a document tree; ok is false when the text is not one JSON value.
func ParseJSONTree(s partial.String) (doc Value, ok bool) {
	text, holes := s.Marked()
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return Value{}, false
	}
	var rest any
	if err := dec.Decode(&rest); err != io.EOF {
		return Value{}, false // trailing data: AWS rejects the document
	}
	return fromJSON(v, holes), true
}

// OpenAPIExtension is the key of the resource policy in an OpenAPI body.
const OpenAPIExtension = "x-amazon-apigateway-policy"

func fromJSON(v any, holes []partial.Part) Value {
	switch t := v.(type) {
	case nil:
		return Value{Kind: KindNull}
	case string:
		return Value{Kind: KindString, Str: unmark(t, holes)}
	case json.Number:
		return Value{Kind: KindString, Str: partial.Lit(t.String())}
	case bool:
		return Value{Kind: KindString, Str: partial.Lit(strconv.FormatBool(t))}
	case []any:
		out := Value{Kind: KindList, List: make([]Value, len(t))}
		for i, e := range t {
			out.List[i] = fromJSON(e, holes)
		}
		return out
	case map[string]any:
		out := Value{Kind: KindObject, Object: map[string]Value{}}
		for k, e := range t {
			if partial.HasMarker(k) {
				return Value{Kind: KindUnknown}
			}
			out.Object[k] = fromJSON(e, holes)
		}
		return out
	}
	return Value{Kind: KindUnknown}
}

// unmark reads a JSON string back into its parts: a marker is a hole only
// when the text has holes, so that a document that merely spells one stays
// literal.
func unmark(s string, holes []partial.Part) partial.String {
	if len(holes) == 0 {
		return partial.Lit(s)
	}
	return partial.Unmark(s, holes)
}

// FromCty reads a policy from an evaluated value: a JSON string (what
// jsonencode, file and templatefile return) or an object.
func FromCty(v cty.Value) *Policy {
	if v == cty.NilVal || !v.IsKnown() || v.IsNull() {
		return Unknown()
	}
	if v.Type() == cty.String {
		return ParseJSON(v.AsString())
	}
	return FromTree(ValueOfCty(v))
}

// ValueOfCty converts an evaluated value into a document tree.
func ValueOfCty(v cty.Value) Value {
	if v == cty.NilVal || !v.IsKnown() {
		return Value{Kind: KindUnknown}
	}
	v, _ = v.UnmarkDeep()
	if v.IsNull() {
		return Value{Kind: KindNull}
	}
	ty := v.Type()
	switch {
	case ty == cty.String:
		return Value{Kind: KindString, Str: partial.Lit(v.AsString())}
	case ty == cty.Number:
		return Value{Kind: KindString, Str: partial.Lit(v.AsBigFloat().Text('f', -1))}
	case ty == cty.Bool:
		return Value{Kind: KindString, Str: partial.Lit(strconv.FormatBool(v.True()))}
	case ty.IsListType() || ty.IsTupleType() || ty.IsSetType():
		out := Value{Kind: KindList}
		for it := v.ElementIterator(); it.Next(); {
			_, e := it.Element()
			out.List = append(out.List, ValueOfCty(e))
		}
		return out
	case ty.IsObjectType() || ty.IsMapType():
		out := Value{Kind: KindObject, Object: map[string]Value{}}
		for it := v.ElementIterator(); it.Next(); {
			k, e := it.Element()
			out.Object[k.AsString()] = ValueOfCty(e)
		}
		return out
	}
	return Value{Kind: KindUnknown}
}

// FromTree reads a policy from a document tree.
func FromTree(doc Value) *Policy {
	if doc.Kind != KindObject {
		return Unknown()
	}
	p := &Policy{Known: true}
	st, ok := doc.Object["Statement"]
	if !ok {
		return p
	}
	var items []Value
	switch st.Kind {
	case KindObject:
		items = []Value{st}
	case KindList:
		items = st.List
	case KindNull:
	default:
		p.Partial = true
	}
	for _, it := range items {
		if it.Kind != KindObject {
			p.Partial = true
			continue
		}
		p.Statements = append(p.Statements, statementOf(it))
	}
	return p
}

func statementOf(v Value) Statement {
	s := Statement{ConditionsKnown: true}
	if sid, ok := v.Object["Sid"]; ok && sid.Kind == KindString {
		s.Sid, _ = sid.Str.Known()
	}
	if e, ok := v.Object["Effect"]; ok && e.Kind == KindString {
		if eff, known := e.Str.Known(); known && (eff == "Allow" || eff == "Deny") {
			s.Effect = eff
		}
	}
	s.Principal = principalsOf(v.Object, "Principal")
	s.NotPrincipal = principalsOf(v.Object, "NotPrincipal")
	s.Action = ListOf(v.Object, "Action")
	s.NotAction = ListOf(v.Object, "NotAction")
	s.Resource = ListOf(v.Object, "Resource")
	s.NotResource = ListOf(v.Object, "NotResource")
	if c, ok := v.Object["Condition"]; ok {
		s.Conditions, s.ConditionsKnown = conditionsOf(c)
	}
	return s
}

// ListOf reads a string-or-list element of an object.
func ListOf(obj map[string]Value, key string) List {
	v, ok := obj[key]
	if !ok || v.Kind == KindNull {
		return List{}
	}
	return ListValue(v)
}

// ListValue reads a string or a list of strings.
func ListValue(v Value) List {
	l := List{Set: true, Known: true}
	switch v.Kind {
	case KindString:
		l.Items = []partial.String{withRange(v.Str, v.Range)}
	case KindList:
		for _, e := range v.List {
			switch e.Kind {
			case KindString:
				l.Items = append(l.Items, withRange(e.Str, e.Range))
			case KindUnknown:
				// One entry of unknown value: most likely one string.
				l.Items = append(l.Items, partial.String{Parts: []partial.Part{{Hole: true, Ref: e.Ref}}, Range: e.Range})
			default:
				l.Known = false
			}
		}
	case KindUnknown:
		l.Known = false
		if v.Ref != "" {
			l.Items = []partial.String{{Parts: []partial.Part{{Hole: true, Ref: v.Ref}}, Range: v.Range}}
		}
	default:
		l.Known = false
	}
	return l
}

func withRange(s partial.String, rng hcl.Range) partial.String {
	if s.Range.Filename == "" {
		s.Range = rng
	}
	return s
}

func principalsOf(obj map[string]Value, key string) PrincipalSet {
	v, ok := obj[key]
	if !ok || v.Kind == KindNull {
		return PrincipalSet{}
	}
	ps := PrincipalSet{Set: true, Known: true, ByType: map[string][]partial.String{}}
	switch v.Kind {
	case KindString:
		s, known := v.Str.Known()
		switch {
		case !known:
			ps.Known = false
		case s == "*":
			ps.Anyone = true
		default:
			ps.Known = false // not a valid principal: AWS rejects it
		}
	case KindObject:
		for typ, ids := range v.Object {
			l := ListValue(ids)
			if !l.Known {
				ps.Known = false
			}
			ps.ByType[typ] = append(ps.ByType[typ], l.Items...)
		}
	default:
		ps.Known = false
	}
	return ps
}

func conditionsOf(v Value) ([]Condition, bool) {
	if v.Kind == KindNull {
		return nil, true
	}
	if v.Kind != KindObject {
		return nil, false
	}
	known := true
	var out []Condition
	for op, keys := range v.Object {
		if keys.Kind != KindObject {
			known = false
			continue
		}
		for key, vals := range keys.Object {
			l := ListValue(vals)
			out = append(out, Condition{Operator: op, Key: key, Values: l.Items, Known: l.Known, Range: vals.Range})
		}
	}
	sortConditions(out)
	return out, known
}

// sortConditions orders conditions by operator and key: maps have no order,
// and messages must be the same on every run.
func sortConditions(cs []Condition) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && condLess(cs[j], cs[j-1]); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

func condLess(a, b Condition) bool {
	if a.Operator != b.Operator {
		return a.Operator < b.Operator
	}
	return a.Key < b.Key
}
