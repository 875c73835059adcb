package rules

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// rowPattern reads a rule row of docs/README.md's table.
var rowPattern = regexp.MustCompile(`^\| \[([a-z0-9_]+)\]\(rules/([a-z0-9_]+)\.md\) \| (ERROR|WARNING|NOTICE) \| (yes|no) \| (yes|no) \|`)

// TestDocsIndexMatchesTheRules fails when docs/README.md's table drifts from
// the registry: a missing or extra row, a wrong severity, default or Fixable,
// a missing page. TestRegistryMatchesTheRules ties the registry to the rules.
func TestDocsIndexMatchesTheRules(t *testing.T) {
	index, err := os.ReadFile(filepath.Join("..", "docs", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(index)
	begin, end := strings.Index(text, "<!-- BEGIN RULES -->"), strings.Index(text, "<!-- END RULES -->")
	if begin < 0 || end < begin {
		t.Fatal("docs/README.md has no <!-- BEGIN RULES --> ... <!-- END RULES --> table")
	}
	type row struct{ severity, enabled, fixable string }
	rows := map[string]row{}
	for _, line := range strings.Split(text[begin:end], "\n") {
		m := rowPattern.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		if m[1] != m[2] {
			t.Errorf("row %s links to rules/%s.md", m[1], m[2])
		}
		rows[m[1]] = row{m[3], m[4], m[5]}
	}
	yesNo := map[bool]string{true: "yes", false: "no"}
	for _, e := range Registry() {
		name := e.New().Name()
		got, ok := rows[name]
		if !ok {
			t.Errorf("docs/README.md has no row for %s", name)
			continue
		}
		delete(rows, name)
		if want := strings.ToUpper(e.Severity.String()); got.severity != want {
			t.Errorf("%s: the index says %s, the registry %s", name, got.severity, want)
		}
		if want := yesNo[e.Enabled]; got.enabled != want {
			t.Errorf("%s: the index says enabled %s, the registry %s", name, got.enabled, want)
		}
		if want := yesNo[e.Fixable]; got.fixable != want {
			t.Errorf("%s: the index says fixable %s, the registry %s", name, got.fixable, want)
		}
		if _, err := os.Stat(filepath.Join("..", "docs", "rules", name+".md")); err != nil {
			t.Errorf("%s has no page: %s", name, err)
		}
	}
	for name := range rows {
		t.Errorf("docs/README.md lists %s, which no rule has", name)
	}
}

// TestTriageCoversEveryRule fails when a rule is missing from docs/triage.md,
// the page users start from when they hold a 403.
func TestTriageCoversEveryRule(t *testing.T) {
	triage, err := os.ReadFile(filepath.Join("..", "docs", "triage.md"))
	if err != nil {
		t.Fatal(err)
	}
	for _, rule := range All() {
		if !strings.Contains(string(triage), "(rules/"+rule.Name()+".md)") {
			t.Errorf("docs/triage.md does not link %s", rule.Name())
		}
	}
}
