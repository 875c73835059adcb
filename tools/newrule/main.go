// Command newrule writes the skeleton of a new apigw403 rule, so that every
// rule starts with the same files in the same shape:
//
//	go run ./tools/newrule [-severity WARNING] [-disabled] [-fixable] NAME FAMILY
//
// NAME is the rule's name (apigw_ and snake case); FAMILY is one of the
// registry's families (rules/registry.go). It writes
//
//	rules/NAME.go              the rule, whose Check reports nothing yet
//	rules/NAME_test.go         the table test with the five kinds of cases; it fails until the rule is written
//	docs/rules/NAME.md         the page, with the sections every page has
//	integration/CASE/          main.tf, .tflint.hcl and a result.json that fails until updated (fixed/ when -fixable)
//
// where CASE is the name without apigw_, prefixed by the family unless it
// starts with it, as the existing cases are named (key_api_key_disabled,
// lambda_permission)
//
// and adds the rule's row to rules/registry.go (after its family's rows),
// to docs/README.md's table (after its family's rules) and to
// docs/triage.md (in its family's usual section). It refuses a name that is
// taken and changes nothing when any check fails. -root names the repository
// (default: the current directory).
package main

import (
	"bytes"
	"embed"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/template"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "newrule:", err)
		os.Exit(1)
	}
}

// rule is what the templates know of the new rule.
type rule struct {
	Name     string // apigw_foo_bar
	Type     string // ApigwFooBarRule
	Test     string // TestApigwFooBar
	Short    string // fooBar, for test-file names
	Case     string // the integration case: lambda_foo_bar
	Family   string // the Go constant: Lambda
	Severity string // ERROR, WARNING, NOTICE
	Enabled  bool
	Fixable  bool
}

// Title is the severity as tflint prints it: Error, Warning, Notice.
func (r rule) Title() string { return r.Severity[:1] + strings.ToLower(r.Severity[1:]) }

func run(args []string, out io.Writer) error {
	flags := flag.NewFlagSet("newrule", flag.ContinueOnError)
	root := flags.String("root", ".", "the repository to write into")
	severity := flags.String("severity", "WARNING", "ERROR, WARNING or NOTICE")
	disabled := flags.Bool("disabled", false, "the rule is off by default")
	fixable := flags.Bool("fixable", false, "the rule emits fixes")
	flags.Usage = func() {
		fmt.Fprintln(flags.Output(), "usage: go run ./tools/newrule [-severity WARNING] [-disabled] [-fixable] NAME FAMILY")
		flags.PrintDefaults()
	}
	if err := flags.Parse(args); err != nil {
		return err
	}
	if flags.NArg() != 2 {
		flags.Usage()
		return errors.New("want NAME and FAMILY")
	}
	name, familyName := flags.Arg(0), strings.ToLower(flags.Arg(1))
	if !regexp.MustCompile(`^apigw_[a-z][a-z0-9]*(_[a-z0-9]+)*$`).MatchString(name) {
		return fmt.Errorf("%q is not a rule name: apigw_ then snake case, such as apigw_stage_cache_keys", name)
	}
	sev := strings.ToUpper(*severity)
	if sev != "ERROR" && sev != "WARNING" && sev != "NOTICE" {
		return fmt.Errorf("severity %q is not ERROR, WARNING or NOTICE", *severity)
	}
	reg, err := readRegistry(filepath.Join(*root, "rules", "registry.go"))
	if err != nil {
		return err
	}
	family, ok := reg.families[familyName]
	if !ok {
		return fmt.Errorf("family %q is not one of %s (rules/registry.go)", familyName, strings.Join(reg.order, ", "))
	}
	r := rule{Name: name, Type: goName(name) + "Rule", Test: "Test" + goName(name), Family: family,
		Severity: sev, Enabled: !*disabled, Fixable: *fixable}
	r.Short = strings.ToLower(r.Type[5:6]) + strings.TrimSuffix(r.Type[6:], "Rule")
	r.Case = strings.TrimPrefix(name, "apigw_")
	if !strings.HasPrefix(r.Case, familyName+"_") {
		r.Case = familyName + "_" + r.Case
	}

	// Every check before the first write: a refused rule leaves no trace.
	// result.json expects a placeholder issue, so that the case fails until
	// -update records what the rule reports.
	files := map[string]string{ // path -> template in templates/
		filepath.Join("rules", name+".go"):                       "rule.go.tmpl",
		filepath.Join("rules", name+"_test.go"):                  "rule_test.go.tmpl",
		filepath.Join("docs", "rules", name+".md"):               "page.md.tmpl",
		filepath.Join("integration", r.Case, "main.tf"):          "main.tf.tmpl",
		filepath.Join("integration", r.Case, ".tflint.hcl"):      "tflint.hcl.tmpl",
		filepath.Join("integration", r.Case, "result.json"):      "result.json.tmpl",
		filepath.Join("integration", r.Case, "fixed", "main.tf"): "main.tf.tmpl",
	}
	if !r.Fixable {
		delete(files, filepath.Join("integration", r.Case, "fixed", "main.tf"))
	}
	for _, taken := range []string{filepath.Join("rules", name+".go"), filepath.Join("docs", "rules", name+".md"), filepath.Join("integration", r.Case)} {
		if _, err := os.Stat(filepath.Join(*root, taken)); err == nil {
			return fmt.Errorf("%s exists: the name %s is taken", taken, name)
		}
	}
	if reg.constructors["New"+r.Type] {
		return fmt.Errorf("rules/registry.go already registers New%s", r.Type)
	}
	rendered := map[string][]byte{}
	for path, tmplName := range files {
		b, err := render(tmplName, r)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if strings.HasSuffix(path, ".go") {
			if b, err = format.Source(b); err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
		}
		rendered[path] = b
	}
	edits := map[string]func([]byte) ([]byte, error){
		filepath.Join("rules", "registry.go"): func(b []byte) ([]byte, error) { return addRegistryRow(b, reg, r) },
		filepath.Join("docs", "README.md"):    func(b []byte) ([]byte, error) { return addIndexRow(b, reg.familyRules(*root, family), r) },
		filepath.Join("docs", "triage.md"):    func(b []byte) ([]byte, error) { return addTriageRow(b, familyName, r) },
	}
	for path, edit := range edits {
		b, err := os.ReadFile(filepath.Join(*root, path))
		if err != nil {
			return err
		}
		if rendered[path], err = edit(b); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	for path, b := range rendered {
		full := filepath.Join(*root, path)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(full, b, 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(out, `wrote %s (%s, %s, enabled %v, fixable %v): rules/%[1]s.go, rules/%[1]s_test.go,
docs/rules/%[1]s.md, integration/%[7]s/, and its rows in rules/registry.go, docs/README.md, docs/triage.md.
Next: write the cases in rules/%[1]s_test.go, then Check, until
  go test ./rules -run '%[6]s$'
passes; fill the TODOs of the page and the two rows; write integration/%[7]s/main.tf, then
  go test ./integration -run 'TestCases/%[7]s$' -update
and review result.json (and fixed/).
`, name, familyName, sev, r.Enabled, r.Fixable, r.Test, r.Case)
	return nil
}

// goName spells a rule name as the Go identifiers of existing rules do:
// apigw_api_key_cors -> ApigwAPIKeyCORS.
func goName(name string) string {
	initialisms := map[string]string{"api": "API", "arn": "ARN", "cors": "CORS", "dns": "DNS", "http": "HTTP",
		"iam": "IAM", "id": "ID", "jwt": "JWT", "uri": "URI", "url": "URL", "v2": "V2"}
	var b strings.Builder
	for _, word := range strings.Split(name, "_") {
		if up, ok := initialisms[word]; ok {
			b.WriteString(up)
			continue
		}
		b.WriteString(strings.ToUpper(word[:1]) + word[1:])
	}
	return b.String()
}

// templates are the files newrule writes; [[ ]] delimiters keep Go and HCL
// braces readable.
//
//go:embed templates
var templates embed.FS

func render(name string, r rule) ([]byte, error) {
	t, err := template.New(name).Delims("[[", "]]").Funcs(template.FuncMap{"lower": strings.ToLower}).ParseFS(templates, "templates/"+name)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	err = t.Execute(&b, r)
	return b.Bytes(), err
}

// registry is what newrule reads of rules/registry.go.
type registry struct {
	families     map[string]string // "lambda" -> "Lambda"
	order        []string          // the family names as declared
	constructors map[string]bool   // registered constructors
	rows         map[string][]string
}

// readRegistry parses rules/registry.go: the constants of type Family and,
// family by family, the constructors of the registry's rows.
func readRegistry(path string) (*registry, error) {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		return nil, err
	}
	reg := &registry{families: map[string]string{}, constructors: map[string]bool{}, rows: map[string][]string{}}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ValueSpec:
			if typ, ok := n.Type.(*ast.Ident); ok && typ.Name == "Family" && len(n.Values) == len(n.Names) {
				for i, id := range n.Names {
					if lit, ok := n.Values[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
						value, _ := strconv.Unquote(lit.Value)
						reg.families[value] = id.Name
						reg.order = append(reg.order, value)
					}
				}
			}
		case *ast.CompositeLit:
			var ctor, family string
			for _, elt := range n.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				switch key, _ := kv.Key.(*ast.Ident); {
				case key == nil:
				case key.Name == "New":
					if call, ok := kv.Value.(*ast.CallExpr); ok && len(call.Args) == 1 {
						if id, ok := call.Args[0].(*ast.Ident); ok {
							ctor = id.Name
						}
					}
				case key.Name == "Family":
					if id, ok := kv.Value.(*ast.Ident); ok {
						family = id.Name
					}
				}
			}
			if ctor != "" {
				reg.constructors[ctor] = true
				reg.rows[family] = append(reg.rows[family], ctor)
			}
		}
		return true
	})
	if len(reg.families) == 0 {
		return nil, fmt.Errorf("%s declares no Family constants", path)
	}
	return reg, nil
}

// familyRules returns the names of the family's rules, from the files that
// declare their constructors (a rule's file is named as the rule).
func (reg *registry) familyRules(root, family string) []string {
	var names []string
	for _, ctor := range reg.rows[family] {
		matches, _ := filepath.Glob(filepath.Join(root, "rules", "apigw_*.go"))
		for _, m := range matches {
			if b, err := os.ReadFile(m); err == nil && bytes.Contains(b, []byte("func "+ctor+"()")) {
				names = append(names, strings.TrimSuffix(filepath.Base(m), ".go"))
			}
		}
	}
	return names
}

// addRegistryRow inserts the rule's row after the last row of its family,
// or at the end of the table for a family without rules.
func addRegistryRow(src []byte, reg *registry, r rule) ([]byte, error) {
	row := fmt.Sprintf("\t{New: of(New%s), Family: %s, Severity: tflint.%s, Enabled: %v, Fixable: %v},\n",
		r.Type, r.Family, r.Severity, r.Enabled, r.Fixable)
	lines := strings.SplitAfter(string(src), "\n")
	start, at := -1, -1
	for i, line := range lines {
		switch {
		case strings.HasPrefix(line, "var registry = []Entry{"):
			start = i
		case start >= 0 && at < 0 && line == "}\n":
			at = i // the end of the table
		}
	}
	if start < 0 || at < 0 {
		return nil, errors.New("no `var registry = []Entry{ ... }` table")
	}
	for i := start + 1; i < at; i++ {
		if strings.Contains(lines[i], "Family: "+r.Family+",") {
			at = i + 1
		}
	}
	out := strings.Join(lines[:at], "") + row + strings.Join(lines[at:], "")
	b, err := format.Source([]byte(out))
	if err != nil {
		return nil, err
	}
	return b, nil
}

// addIndexRow inserts the rule's row in docs/README.md's table, after the
// last row of a rule of the same family.
func addIndexRow(src []byte, family []string, r rule) ([]byte, error) {
	yesNo := map[bool]string{true: "yes", false: "no"}
	row := fmt.Sprintf("| [%s](rules/%[1]s.md) | %s | %s | %s | TODO: the response the caller sees |\n",
		r.Name, r.Severity, yesNo[r.Enabled], yesNo[r.Fixable])
	lines := strings.SplitAfter(string(src), "\n")
	end := -1
	for i, line := range lines {
		if strings.HasPrefix(line, "<!-- END RULES -->") {
			end = i
		}
	}
	if end < 0 {
		return nil, errors.New("no <!-- END RULES --> line")
	}
	at := end
	for i := 0; i < end; i++ {
		for _, name := range family {
			if strings.HasPrefix(lines[i], "| ["+name+"](") {
				at = i + 1
			}
		}
	}
	return []byte(strings.Join(lines[:at], "") + row + strings.Join(lines[at:], "")), nil
}

// triageSections names, for each family, the docs/triage.md section its
// rules usually go in; the row says to move it if another fits better.
var triageSections = map[string]string{
	"deployment": "Deployment and routes",
	"policy":     "Resource policy",
	"key":        "API keys and usage plans",
	"lambda":     "The integration behind the route",
	"endpoint":   "Endpoint, WAF, VPC endpoints",
	"around":     "In front of the API",
}

// addTriageRow appends the rule's row to the first table of its family's
// section of docs/triage.md, or to a new section at the end of the page.
func addTriageRow(src []byte, family string, r rule) ([]byte, error) {
	row := fmt.Sprintf("| [%s](rules/%[1]s.md) | TODO: what it reports (move the row if another section fits the response better) |\n", r.Name)
	lines := strings.SplitAfter(string(src), "\n")
	start := -1
	for i, line := range lines {
		if heading := triageSections[family]; heading != "" && strings.HasPrefix(line, "## ") && strings.Contains(line, heading) {
			start = i
			break
		}
	}
	if start >= 0 {
		i, inTable := start+1, false
		for ; i < len(lines) && !strings.HasPrefix(lines[i], "## "); i++ {
			if strings.HasPrefix(lines[i], "|") {
				inTable = true
			} else if inTable {
				break
			}
		}
		if inTable {
			if i == len(lines) && !strings.HasSuffix(string(src), "\n") {
				row = "\n" + row
			}
			return []byte(strings.Join(lines[:i], "") + row + strings.Join(lines[i:], "")), nil
		}
	}
	text := strings.TrimRight(string(src), "\n") + "\n\n## TODO: the section for " + r.Name + "\n\n| rule | what it reports |\n|---|---|\n" + row
	return []byte(text), nil
}
