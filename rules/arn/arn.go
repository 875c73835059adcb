// Package arn is the one reader of execute-api ARNs. A pattern (a Lambda
// permission's source_arn, a policy's Resource) and a subject (the ARN API
// Gateway presents for a call) are both sequences of tokens: literal
// characters, wildcards, and the parts the configuration does not fix. One
// matcher answers "could the pattern match": AWS's ArnLike, where `*` is any
// run of characters, `/` included, and `?` one character. It knows no model.
package arn

import (
	"strings"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

type tokenKind uint8

const (
	tokChar  tokenKind = iota // a literal character
	tokStar                   // pattern: `*`, or a value the model cannot know
	tokOne                    // pattern: `?`
	tokEvery                  // subject: any value at all (a path parameter); only a wildcard covers it
	tokSome                   // subject: one value the model does not know (a region, an id); literal text may equal it
	tokAPI                    // an API's id, named by key
)

type token struct {
	kind tokenKind
	c    byte
	key  string
	// definite: the API is a resource of the module, so another key is
	// another API. An API known only by a variable may be any of them.
	definite bool
}

// ARN is a pattern or a subject.
type ARN []token

// Text appends literal text.
func (a ARN) Text(s string) ARN {
	for i := 0; i < len(s); i++ {
		a = append(a, token{kind: tokChar, c: s[i]})
	}
	return a
}

// Star appends a wildcard (in a pattern): also what a part the model cannot
// know becomes, so that an unknown value never proves a gap.
func (a ARN) Star() ARN { return append(a, token{kind: tokStar}) }

// Every appends a part that takes every value (in a subject).
func (a ARN) Every() ARN { return append(a, token{kind: tokEvery}) }

// Some appends one value the model does not know (in a subject).
func (a ARN) Some() ARN { return append(a, token{kind: tokSome}) }

// API names an API in an ARN.
type API interface {
	// ARNKey is the API's key; definite says the API is a resource of the
	// configuration, so that another key is another API. An API known only
	// by a variable may be any of them.
	ARNKey() (key string, definite bool)
}

// Key is an API named by its key alone.
type Key struct {
	Name     string
	Definite bool
}

// ARNKey implements API.
func (k Key) ARNKey() (string, bool) { return k.Name, k.Definite }

// API appends an API's id.
func (a ARN) API(api API) ARN {
	key, definite := api.ARNKey()
	return append(a, token{kind: tokAPI, key: key, definite: definite})
}

// ExecutionARN appends the execute-api ARN of an API,
// arn:aws:execute-api:<region>:<account>:<api id>.
func (a ARN) ExecutionARN(api API) ARN {
	return a.Text("arn:").Some().Text(":execute-api:").Some().Text(":").Some().Text(":").API(api)
}

// String renders the ARN for messages and tests: `*`, `?`, `{every}`, `{some}`, `{api:KEY}`.
func (a ARN) String() string {
	var b strings.Builder
	for _, t := range a {
		switch t.kind {
		case tokChar:
			b.WriteByte(t.c)
		case tokStar:
			b.WriteByte('*')
		case tokOne:
			b.WriteByte('?')
		case tokEvery:
			b.WriteString("{every}")
		case tokSome:
			b.WriteString("{some}")
		case tokAPI:
			b.WriteString("{api:" + t.key + "}")
		}
	}
	return b.String()
}

// ParsePattern reads literal pattern text: `*` and `?` are wildcards.
func ParsePattern(s string) ARN {
	a := make(ARN, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '*':
			a = a.Star()
		case '?':
			a = append(a, token{kind: tokOne})
		default:
			a = append(a, token{kind: tokChar, c: s[i]})
		}
	}
	return a
}

// PatternOf reads a string with unknown parts as a pattern: literal text
// with its wildcards, and each hole as hole appends it to the pattern so
// far; a nil hole makes every hole a wildcard, so that an unknown part never
// proves a gap.
func PatternOf(s partial.String, hole func(ARN, partial.Part) ARN) ARN {
	var a ARN
	for _, p := range s.Parts {
		switch {
		case !p.Hole:
			a = append(a, ParsePattern(p.Lit)...)
		case hole != nil:
			a = hole(a, p)
		default:
			a = a.Star()
		}
	}
	return a
}

// Match reports whether literal text matches an IAM pattern, where * stands
// for any run of characters (slashes included) and ? for one character.
func Match(pattern, value string) bool {
	return ParsePattern(pattern).Matches(ARN{}.Text(value))
}

// Matches reports whether the pattern may match the subject: true unless
// the configuration proves it does not.
func (a ARN) Matches(subject ARN) bool {
	m := matcher{p: a, s: subject, memo: make([]int8, (len(a)+1)*(len(subject)+1))}
	return m.match(0, 0)
}

// matcher memoizes each (pattern, subject) position, so that many stars
// cost at most the product of the lengths, never an exponential search.
type matcher struct {
	p, s ARN
	memo []int8 // 0 unknown, 1 no, 2 yes
}

func (m *matcher) match(i, j int) bool {
	key := i*(len(m.s)+1) + j
	if v := m.memo[key]; v != 0 {
		return v == 2
	}
	v := m.step(i, j)
	m.memo[key] = 1
	if v {
		m.memo[key] = 2
	}
	return v
}

func (m *matcher) step(i, j int) bool {
	if i == len(m.p) {
		return j == len(m.s)
	}
	p := m.p[i]
	if p.kind == tokStar {
		return m.match(i+1, j) || (j < len(m.s) && m.match(i, j+1))
	}
	if j == len(m.s) {
		return false
	}
	s := m.s[j]
	switch s.kind {
	case tokEvery:
		return false // only a wildcard covers every value
	case tokSome:
		return m.someValue(i, j)
	case tokAPI:
		if p.kind == tokAPI {
			return (p.key == s.key || !p.definite || !s.definite) && m.match(i+1, j+1)
		}
		// Literal text may be the API's id, which is unknown until apply.
		return m.someValue(i, j)
	}
	switch p.kind {
	case tokOne:
		return m.match(i+1, j+1)
	case tokChar:
		return p.c == s.c && m.match(i+1, j+1)
	}
	return false
}

// someValue lets an unknown subject value stand for a run of pattern text
// within one path segment: "us-east-1" may be the region.
func (m *matcher) someValue(i, j int) bool {
	if m.p[i].kind == tokAPI {
		return m.match(i+1, j+1)
	}
	for k := i; k < len(m.p); k++ {
		t := m.p[k]
		if t.kind == tokStar || t.kind == tokAPI || (t.kind == tokChar && (t.c == '/' || t.c == ':')) {
			break
		}
		if m.match(k+1, j+1) {
			return true
		}
	}
	return false
}
