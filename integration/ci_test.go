package integration

// Tests of the outputs a CI pipeline consumes (docs/ci.md): the compact format
// read by the committed GitHub problem matcher, and SARIF for code scanning.
// Both run the real tflint with the built plugin on the ci_formats case, whose
// JSON output (result.json, checked by TestCases) is the reference.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
)

const (
	// matcherFile is the problem matcher the example workflow registers.
	matcherFile = "../examples/github-actions/tflint-matcher.json"
	// formatsCase is the case folder both tests lint.
	formatsCase = "ci_formats"
)

// problemMatcher is the file format of `::add-matcher::` (actions/runner).
type problemMatcher struct {
	ProblemMatcher []struct {
		Owner    string `json:"owner"`
		Severity string `json:"severity"`
		Pattern  []struct {
			Regexp   string `json:"regexp"`
			File     int    `json:"file"`
			Line     int    `json:"line"`
			Column   int    `json:"column"`
			Severity int    `json:"severity"`
			Message  int    `json:"message"`
			Code     int    `json:"code"`
			FromPath int    `json:"fromPath"`
			Loop     bool   `json:"loop"`
		} `json:"pattern"`
	} `json:"problemMatcher"`
}

// compactMatcher is the matcher's single pattern compiled with Go's regexp.
type compactMatcher struct {
	re                                          *regexp.Regexp
	file, line, column, severity, message, code int
}

// match returns the fields the runner would turn into an annotation.
func (m compactMatcher) match(line string) (f compactFields, ok bool) {
	g := m.re.FindStringSubmatch(line)
	if g == nil {
		return f, false
	}
	return compactFields{File: g[m.file], Line: g[m.line], Column: g[m.column], Severity: g[m.severity], Message: g[m.message], Rule: g[m.code]}, true
}

type compactFields struct {
	File, Line, Column, Severity, Message, Rule string
}

// loadMatcher reads the committed matcher. The runner evaluates the pattern with
// .NET regular expressions; the pattern sticks to constructs that mean the same in
// .NET and in Go's RE2 (anchors, \d, \S, groups, a lazy +?, alternation), so it is
// used as it is, without translation. Constructs RE2 lacks (lookaround,
// backreferences) would fail to compile here, and are refused explicitly too.
func loadMatcher(t *testing.T) compactMatcher {
	t.Helper()
	data, err := os.ReadFile(matcherFile)
	if err != nil {
		t.Fatal(err)
	}
	var pm problemMatcher
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&pm); err != nil {
		t.Fatalf("%s: %v", matcherFile, err)
	}
	if len(pm.ProblemMatcher) != 1 || len(pm.ProblemMatcher[0].Pattern) != 1 {
		t.Fatalf("%s: want one matcher with one (single-line) pattern, got %+v", matcherFile, pm)
	}
	owner, p := pm.ProblemMatcher[0].Owner, pm.ProblemMatcher[0].Pattern[0]
	if owner == "" {
		t.Errorf("%s: the matcher has no owner (needed by ::remove-matcher)", matcherFile)
	}
	if p.FromPath != 0 || p.Loop {
		t.Errorf("%s: fromPath/loop are not expected in a single-line tflint matcher", matcherFile)
	}
	for _, bad := range []string{"(?=", "(?!", "(?<", `\1`, `\k<`} {
		if strings.Contains(p.Regexp, bad) {
			t.Fatalf("%s: pattern uses %q, which Go's regexp cannot check", matcherFile, bad)
		}
	}
	re, err := regexp.Compile(p.Regexp)
	if err != nil {
		t.Fatalf("%s: the pattern does not compile with Go's regexp: %v", matcherFile, err)
	}
	groups := map[string]int{"file": p.File, "line": p.Line, "column": p.Column, "severity": p.Severity, "message": p.Message, "code": p.Code}
	for name, g := range groups {
		if g < 1 || g > re.NumSubexp() {
			t.Fatalf("%s: %s is group %d, the pattern has %d groups", matcherFile, name, g, re.NumSubexp())
		}
	}
	return compactMatcher{re: re, file: p.File, line: p.Line, column: p.Column, severity: p.Severity, message: p.Message, code: p.Code}
}

// runnerSeverity is what actions/runner accepts in a severity group (compared
// ignoring case); anything else drops the annotation.
func runnerSeverity(s string) bool {
	switch strings.ToLower(s) {
	case "error", "warning", "notice":
		return true
	}
	return false
}

// TestProblemMatcherPatterns checks the pattern on hand-written lines: the
// severities no ci_formats issue has (Notice), messages with colons and
// parentheses, paths in folders, and the lines around the issues.
func TestProblemMatcherPatterns(t *testing.T) {
	t.Parallel()
	m := loadMatcher(t)
	for _, tc := range []struct {
		line string
		want *compactFields
	}{
		{"main.tf:5:1: Notice - a note (apigw_x)", &compactFields{"main.tf", "5", "1", "Notice", "a note", "apigw_x"}},
		{"modules/routes/main.tf:30:3: Warning - User: anonymous is not authorized to perform: execute-api:Invoke (it is denied) (apigw_policy_x)",
			&compactFields{"modules/routes/main.tf", "30", "3", "Warning", "User: anonymous is not authorized to perform: execute-api:Invoke (it is denied)", "apigw_policy_x"}},
		{"infra/api.tf:120:14: Error - x:1:2: Error - y (z) (apigw_y)", &compactFields{"infra/api.tf", "120", "14", "Error", "x:1:2: Error - y (z)", "apigw_y"}},
		{"3 issue(s) found:", nil},
		{"", nil},
		{"main.tf:5:1: Info - unknown severity (r)", nil},
	} {
		got, ok := m.match(tc.line)
		switch {
		case tc.want == nil && ok:
			t.Errorf("%q matches (%+v), want no match", tc.line, got)
		case tc.want != nil && !ok:
			t.Errorf("%q does not match", tc.line)
		case tc.want != nil && got != *tc.want:
			t.Errorf("%q: got %+v, want %+v", tc.line, got, *tc.want)
		}
	}
}

// TestCompactOutputMatchesProblemMatcher runs `tflint --format compact` and checks
// that exactly the issue lines match the committed problem matcher, and that the
// captured groups give each issue's file, line, column, severity, message and rule
// as the JSON output of the same run reports them.
func TestCompactOutputMatchesProblemMatcher(t *testing.T) {
	t.Parallel()
	m := loadMatcher(t)
	dir := copyCase(t, formatsCase)
	want := lintJSON(t, dir)
	if len(want.Issues) == 0 || len(want.Errors) != 0 {
		t.Fatalf("%s: want issues and no errors, got %+v", formatsCase, want)
	}

	stdout, stderr, code := runTflint(t, dir, "--format", "compact")
	if code != 2 {
		t.Fatalf("tflint --format compact exited %d, want 2 (issues found)\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}

	remaining := map[compactFields]int{}
	for _, is := range want.Issues {
		remaining[compactFields{
			File:     filepath.ToSlash(is.Range.Filename),
			Line:     strconv.Itoa(is.Range.Start.Line),
			Column:   strconv.Itoa(is.Range.Start.Column),
			Severity: capitalize(is.Rule.Severity),
			Message:  is.Message,
			Rule:     is.Rule.Name,
		}]++
	}
	header := fmt.Sprintf("%d issue(s) found:", len(want.Issues))
	matched := 0
	for _, line := range strings.Split(strings.TrimRight(string(stdout), "\n"), "\n") {
		got, ok := m.match(line)
		if !ok {
			if line != header && line != "" {
				t.Errorf("compact output line matches neither the problem matcher nor the header: %q", line)
			}
			continue
		}
		matched++
		if !runnerSeverity(got.Severity) {
			t.Errorf("%q: severity %q would be dropped by the runner", line, got.Severity)
		}
		if remaining[got] == 0 {
			t.Errorf("compact line %q gives %+v, which is no issue of the JSON output (or one matched twice)", line, got)
			continue
		}
		remaining[got]--
	}
	if matched != len(want.Issues) {
		t.Errorf("%d compact lines match the problem matcher, want %d (one per issue)\n%s", matched, len(want.Issues), stdout)
	}
	for f, n := range remaining {
		if n > 0 {
			t.Errorf("issue %+v has no matching compact line\n%s", f, stdout)
		}
	}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// sarifLog is the part of SARIF 2.1.0 that code scanning reads from tflint.
type sarifLog struct {
	Version string `json:"version"`
	Schema  string `json:"$schema"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID      string `json:"id"`
					HelpURI string `json:"helpUri"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID  string `json:"ruleId"`
			Level   string `json:"level"`
			Message struct {
				Text string `json:"text"`
			} `json:"message"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region *struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
						EndLine     int `json:"endLine"`
						EndColumn   int `json:"endColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

// TestSarifOutput runs `tflint --format sarif` and checks what code scanning
// needs: each result's ruleId names a rule of the run whose helpUri is the rule's
// documentation (project.ReferenceLink), each result has a region, and results
// match the issues of the JSON output (file, range, level, message).
func TestSarifOutput(t *testing.T) {
	t.Parallel()
	dir := copyCase(t, formatsCase)
	want := lintJSON(t, dir)

	stdout, stderr, code := runTflint(t, dir, "--format", "sarif")
	if code != 2 {
		t.Fatalf("tflint --format sarif exited %d, want 2 (issues found)\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	var log sarifLog
	if err := json.Unmarshal(stdout, &log); err != nil {
		t.Fatalf("tflint --format sarif: not JSON: %v\n%s", err, stdout)
	}
	if log.Version != "2.1.0" {
		t.Errorf("SARIF version = %q, want 2.1.0", log.Version)
	}

	type key struct {
		file, rule, level, message string
		sl, sc, el, ec             int
	}
	levels := map[string]string{"error": "error", "warning": "warning", "notice": "note"}
	remaining := map[key]int{}
	for _, is := range want.Issues {
		remaining[key{filepath.ToSlash(is.Range.Filename), is.Rule.Name, levels[is.Rule.Severity], is.Message,
			is.Range.Start.Line, is.Range.Start.Column, is.Range.End.Line, is.Range.End.Column}]++
	}

	results := 0
	for _, run := range log.Runs {
		switch run.Tool.Driver.Name {
		case "tflint-errors":
			if len(run.Results) != 0 {
				t.Errorf("SARIF run tflint-errors has %d results, want none: %+v", len(run.Results), run.Results)
			}
			continue
		case "tflint":
		default:
			t.Errorf("unexpected SARIF run %q", run.Tool.Driver.Name)
			continue
		}
		help := map[string]string{}
		for _, r := range run.Tool.Driver.Rules {
			help[r.ID] = r.HelpURI
		}
		for _, res := range run.Results {
			results++
			uri, ok := help[res.RuleID]
			switch {
			case !ok:
				t.Errorf("result of %s: the run has no rule with that id", res.RuleID)
			case uri != project.ReferenceLink(res.RuleID):
				t.Errorf("rule %s: helpUri = %q, want %q", res.RuleID, uri, project.ReferenceLink(res.RuleID))
			}
			if len(res.Locations) != 1 {
				t.Errorf("result of %s has %d locations, want 1", res.RuleID, len(res.Locations))
				continue
			}
			loc := res.Locations[0].PhysicalLocation
			if loc.Region == nil {
				t.Errorf("result of %s in %s has no region: code scanning cannot place it", res.RuleID, loc.ArtifactLocation.URI)
				continue
			}
			k := key{loc.ArtifactLocation.URI, res.RuleID, res.Level, res.Message.Text,
				loc.Region.StartLine, loc.Region.StartColumn, loc.Region.EndLine, loc.Region.EndColumn}
			if remaining[k] == 0 {
				t.Errorf("SARIF result %+v is no issue of the JSON output (or appears twice)", k)
				continue
			}
			remaining[k]--
		}
	}
	if results != len(want.Issues) {
		t.Errorf("SARIF has %d results, want %d", results, len(want.Issues))
	}
	for k, n := range remaining {
		if n > 0 {
			t.Errorf("issue %+v has no SARIF result", k)
		}
	}
}

// workflowFile is the example GitHub Actions workflow of docs/ci.md.
const workflowFile = "../examples/github-actions/apigw403.yml"

// TestWorkflowExample checks what actionlint (run by `make test` on every
// workflow file) cannot know: that the example workflow pins the tflint the
// tests run, a release tag of the plugin, the matcher file the tests check,
// and the formats and flags the tests exercise.
func TestWorkflowExample(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile(workflowFile)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{
		"TFLINT_VERSION: v" + wantTflintVersion,
		`go install "github.com/terraform-linters/tflint@${TFLINT_VERSION}"`,
		`GOBIN="$TFLINT_PLUGIN_DIR" go install "github.com/apigw403/tflint-ruleset-apigw403@${APIGW403_VERSION}"`,
		`echo "::add-matcher::.github/` + filepath.Base(matcherFile) + `"`,
		"--format compact",
		"--format sarif --force > tflint.sarif",
		"uses: github/codeql-action/upload-sarif@",
		"sarif_file: tflint.sarif",
		"security-events: write",
		`--recursive --config "$GITHUB_WORKSPACE/.tflint.hcl"`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("%s does not contain %q", workflowFile, want)
		}
	}
	if !regexp.MustCompile(`(?m)^\s+APIGW403_VERSION: v[0-9]+\.[0-9]+\.[0-9]+$`).MatchString(text) {
		t.Errorf("%s does not pin APIGW403_VERSION to a release tag vX.Y.Z", workflowFile)
	}
}
