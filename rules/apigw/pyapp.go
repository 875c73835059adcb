package apigw

import (
	"strings"
)

// What the model reads of Python sources: enough to tell whether a module
// builds a FastAPI application that renders absolute links (its docs page
// asks for /openapi.json) without knowing the path it is mounted under.

// pyToken is one token of Python source; comments are dropped and strings
// are kept with their text.
type pyToken struct {
	kind byte // 'n' name or number, 's' string, 'o' operator, '\n' end of a statement
	text string
	line int
}

// pyLex splits Python source into tokens. It is not a full lexer: it knows
// names, strings (with prefixes and triple quotes), comments, brackets and
// line continuations, which is what the questions below need.
func pyLex(src string) []pyToken {
	var out []pyToken
	line, depth := 1, 0
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			if depth == 0 && len(out) > 0 && out[len(out)-1].kind != '\n' {
				out = append(out, pyToken{kind: '\n', line: line})
			}
			line++
			i++
		case c == '\\' && i+1 < len(src) && src[i+1] == '\n':
			line++
			i += 2
		case c == ' ' || c == '\t' || c == '\r' || c == '\f':
			i++
		case c == '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case c == '"' || c == '\'':
			start := line
			text, n, lines := pyString(src[i:])
			out = append(out, pyToken{kind: 's', text: text, line: start})
			line += lines
			i += n
		case isNameByte(c):
			j := i
			for j < len(src) && isNameByte(src[j]) {
				j++
			}
			word := src[i:j]
			if j < len(src) && (src[j] == '"' || src[j] == '\'') && isStringPrefix(word) {
				start := line
				text, n, lines := pyString(src[j:])
				out = append(out, pyToken{kind: 's', text: text, line: start})
				line += lines
				i = j + n
				continue
			}
			out = append(out, pyToken{kind: 'n', text: word, line: line})
			i = j
		default:
			op := string(c)
			if i+1 < len(src) {
				switch two := src[i : i+2]; two {
				case "**", "==", "!=", "<=", ">=", "->", ":=":
					op = two
				}
			}
			switch c {
			case '(', '[', '{':
				depth++
			case ')', ']', '}':
				if depth > 0 {
					depth--
				}
			}
			out = append(out, pyToken{kind: 'o', text: op, line: line})
			i += len(op)
		}
	}
	return out
}

func isNameByte(c byte) bool {
	return c == '_' || c >= 0x80 || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

func isStringPrefix(w string) bool {
	if len(w) > 2 {
		return false
	}
	for _, r := range strings.ToLower(w) {
		if !strings.ContainsRune("rbuf", r) {
			return false
		}
	}
	return true
}

// pyString reads the string literal at the start of s (a quote), returning
// its text, its length and the line breaks it holds.
func pyString(s string) (text string, n, lines int) {
	q := s[:1]
	if strings.HasPrefix(s, q+q+q) {
		q = q + q + q
	}
	i := len(q)
	for i < len(s) {
		switch {
		case s[i] == '\\' && i+1 < len(s):
			if s[i+1] == '\n' {
				lines++
			}
			i += 2
			continue
		case strings.HasPrefix(s[i:], q):
			return s[len(q):i], i + len(q), lines
		case s[i] == '\n':
			lines++
			if len(q) == 1 { // an unterminated string ends at the line
				return s[1:i], i, lines - 1
			}
		}
		i++
	}
	return s[len(q):], len(s), lines
}

// pyImport is a module an import statement may load: its dotted name and,
// for relative imports, how many packages up it starts (1 for "from .").
type pyImport struct {
	level int
	name  string
}

// pyApp is one FastAPI(...) construction.
type pyApp struct {
	line int
	// opaque: the arguments include **kwargs, whose keys cannot be read.
	opaque bool
	// docsOff: docs_url=None or openapi_url=None, so no page asks for the schema.
	docsOff bool
	docsURL string
}

// pyModule is what one module says.
type pyModule struct {
	imports []pyImport
	apps    []pyApp
	// mountAware: the module names root_path (or the older openapi_prefix),
	// Mangum's api_gateway_base_path, or renders its own docs page: its
	// author handles the mount point one way or another.
	mountAware bool
}

// mountWords are the names that show the code handles its mount point.
var mountWords = map[string]bool{
	"root_path": true, "openapi_prefix": true, "api_gateway_base_path": true,
	"get_swagger_ui_html": true, "get_redoc_html": true,
}

func readPyModule(src string) pyModule {
	toks := pyLex(src)
	var m pyModule
	classNames := map[string]bool{}  // local names bound to fastapi.FastAPI
	moduleNames := map[string]bool{} // local names bound to the fastapi package
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if (t.kind == 'n' || t.kind == 's') && mountWords[t.text] {
			m.mountAware = true
		}
		if t.kind != 'n' || (i > 0 && toks[i-1].kind != '\n' && !(toks[i-1].kind == 'o' && toks[i-1].text == ";")) {
			continue
		}
		switch t.text {
		case "import":
			for _, imp := range pyImportNames(toks[i+1:]) {
				m.imports = append(m.imports, pyImport{name: imp[0]})
				if imp[0] == "fastapi" {
					moduleNames[imp[1]] = true
				}
			}
		case "from":
			level, mod, names := pyFromImport(toks[i+1:])
			if mod != "" {
				m.imports = append(m.imports, pyImport{level: level, name: mod})
			}
			for _, n := range names {
				sub := n[0]
				if mod != "" {
					sub = mod + "." + n[0]
				}
				m.imports = append(m.imports, pyImport{level: level, name: sub})
				if level == 0 && (mod == "fastapi" || mod == "fastapi.applications") && n[0] == "FastAPI" {
					classNames[n[1]] = true
				}
			}
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		t := toks[i]
		if t.kind != 'n' || toks[i+1].text != "(" {
			continue
		}
		prev := pyPrev(toks, i)
		var isApp bool
		switch {
		case classNames[t.text]:
			isApp = prev != "." && prev != "def" && prev != "class"
		case t.text == "FastAPI" && prev == "." && i >= 2 && moduleNames[toks[i-2].text]:
			isApp = pyPrev(toks, i-2) != "."
		}
		if isApp {
			m.apps = append(m.apps, readFastAPIArgs(toks[i+1:], t.line))
		}
	}
	return m
}

func pyPrev(toks []pyToken, i int) string {
	if i == 0 {
		return ""
	}
	return toks[i-1].text
}

// pyImportNames reads "a.b [as c], d" up to the end of the statement and
// returns each module with the local name it binds.
func pyImportNames(toks []pyToken) [][2]string {
	var out [][2]string
	for len(toks) > 0 && toks[0].kind == 'n' {
		name, rest := pyDotted(toks)
		local := strings.SplitN(name, ".", 2)[0]
		if len(rest) >= 2 && rest[0].text == "as" && rest[1].kind == 'n' {
			local = rest[1].text
			rest = rest[2:]
		}
		out = append(out, [2]string{name, local})
		if len(rest) == 0 || rest[0].text != "," {
			break
		}
		toks = rest[1:]
	}
	return out
}

// pyFromImport reads "[.]*mod import a [as b], (c, d)".
func pyFromImport(toks []pyToken) (level int, mod string, names [][2]string) {
	for len(toks) > 0 && toks[0].kind == 'o' && toks[0].text == "." {
		level++
		toks = toks[1:]
	}
	if len(toks) > 0 && toks[0].kind == 'n' && toks[0].text != "import" {
		mod, toks = pyDotted(toks)
	}
	if len(toks) == 0 || toks[0].text != "import" {
		return level, mod, nil
	}
	toks = toks[1:]
	if len(toks) > 0 && toks[0].text == "(" {
		toks = toks[1:]
	}
	for len(toks) > 0 && toks[0].kind == 'n' {
		name, local := toks[0].text, toks[0].text
		toks = toks[1:]
		if len(toks) >= 2 && toks[0].text == "as" && toks[1].kind == 'n' {
			local = toks[1].text
			toks = toks[2:]
		}
		names = append(names, [2]string{name, local})
		if len(toks) == 0 || toks[0].text != "," {
			break
		}
		toks = toks[1:]
	}
	return level, mod, names
}

func pyDotted(toks []pyToken) (string, []pyToken) {
	name := toks[0].text
	toks = toks[1:]
	for len(toks) >= 2 && toks[0].text == "." && toks[1].kind == 'n' {
		name += "." + toks[1].text
		toks = toks[2:]
	}
	return name, toks
}

// readFastAPIArgs reads the keyword arguments of a call whose "(" starts toks.
func readFastAPIArgs(toks []pyToken, line int) pyApp {
	app := pyApp{line: line, docsURL: "/docs"}
	depth := 0
	for i, t := range toks {
		if t.kind == 'o' {
			switch t.text {
			case "(", "[", "{":
				depth++
			case ")", "]", "}":
				depth--
				if depth == 0 {
					return app
				}
			case "**":
				if depth == 1 && i > 0 && (toks[i-1].text == "(" || toks[i-1].text == ",") {
					app.opaque = true
				}
			}
			continue
		}
		if depth != 1 || t.kind != 'n' || i+2 >= len(toks) || toks[i+1].text != "=" {
			continue
		}
		if prev := toks[i-1].text; prev != "(" && prev != "," {
			continue
		}
		value := toks[i+2]
		// A value of one token: what follows it ends the argument.
		single := i+3 < len(toks) && (toks[i+3].text == "," || toks[i+3].text == ")")
		none := single && value.kind == 'n' && value.text == "None"
		switch t.text {
		case "openapi_url":
			if none {
				app.docsOff = true
			}
		case "docs_url":
			switch {
			case none:
				app.docsOff = true
			case single && value.kind == 's':
				app.docsURL = value.text
			}
		}
	}
	// An unclosed call: the source is cut or not Python; say nothing.
	app.opaque = true
	return app
}
