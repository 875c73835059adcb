package rules

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

// ruleCase is one table row of a rule test: the module, the issues the rule
// must report, and main.tf as the rule's fix must leave it.
type ruleCase struct {
	Name    string
	Content string            // main.tf
	Files   map[string]string // other files of the module
	Config  string            // .tflint.hcl
	// Expected issues; Range filenames default to main.tf.
	Expected helper.Issues
	// Fixed is main.tf after the fix; "" means the fix must change nothing.
	Fixed string
	// WantErr is a substring of the error Check must return.
	WantErr string
}

func runRuleCases(t *testing.T, rule tflint.Rule, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := helper.TestRunner(t, moduleFiles(tc, tc.Content))
			err := rule.Check(runner)
			if tc.WantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.WantErr) {
					t.Fatalf("Check error = %v, want one containing %q", err, tc.WantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Check: %s", err)
			}
			if tc.Expected == nil {
				tc.Expected = helper.Issues{}
			}
			for _, issue := range tc.Expected {
				issue.Rule = rule
			}
			helper.AssertIssues(t, tc.Expected, runner.Issues)
			want := map[string]string{}
			if tc.Fixed != "" {
				want["main.tf"] = tc.Fixed
			}
			helper.AssertChanges(t, want, runner.Changes())
			if tc.Fixed == "" {
				return
			}
			// A second run on the fixed module must find nothing left to fix.
			again := helper.TestRunner(t, moduleFiles(tc, tc.Fixed))
			if err := rule.Check(again); err != nil {
				t.Fatalf("Check after the fix: %s", err)
			}
			helper.AssertChanges(t, map[string]string{}, again.Changes())
		})
	}
}

func moduleFiles(tc ruleCase, main string) map[string]string {
	files := map[string]string{"main.tf": main}
	for name, src := range tc.Files {
		files[name] = src
	}
	if tc.Config != "" {
		files[".tflint.hcl"] = tc.Config
	}
	return files
}

// at is a range in main.tf.
func at(startLine, startCol, endLine, endCol int) hcl.Range {
	return atFile("main.tf", startLine, startCol, endLine, endCol)
}

func atFile(name string, startLine, startCol, endLine, endCol int) hcl.Range {
	return hcl.Range{
		Filename: name,
		Start:    hcl.Pos{Line: startLine, Column: startCol},
		End:      hcl.Pos{Line: endLine, Column: endCol},
	}
}

// awsProvider makes a test module a deployable root.
const awsProvider = `provider "aws" {
  region = "eu-west-1"
}
`
