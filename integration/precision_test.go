package integration

// The precision harness: every integration/corpus_* folder is a real-world
// shape, and its result.json lists the findings a reviewer judged true. The
// test checks that each case reports exactly those (testLint: nothing more,
// nothing less) and prints, per rule, how many findings the corpus produces,
// so a change's effect on each rule can be counted:
//
//	go test ./integration -run TestPrecision -v

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"text/tabwriter"
)

// corpusCases lists the case folders named corpus_*.
func corpusCases(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, name := range cases(t) {
		if strings.HasPrefix(name, "corpus_") {
			out = append(out, name)
		}
	}
	if len(out) == 0 {
		t.Fatal("no corpus_* cases")
	}
	return out
}

func TestPrecision(t *testing.T) {
	setup(t)
	var mu sync.Mutex
	byRule := map[string]map[string]int{} // rule -> case -> findings
	t.Run("corpus", func(t *testing.T) {
		for _, name := range corpusCases(t) {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				got := testLint(t, name)
				mu.Lock()
				defer mu.Unlock()
				for _, is := range got.Issues {
					if byRule[is.Rule.Name] == nil {
						byRule[is.Rule.Name] = map[string]int{}
					}
					byRule[is.Rule.Name][name]++
				}
			})
		}
	})
	if !testing.Verbose() {
		return
	}
	rules := make([]string, 0, len(byRule))
	for r := range byRule {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "rule\tfindings\tcases\n")
	total := 0
	for _, r := range rules {
		n := 0
		var where []string
		for c, k := range byRule[r] {
			n += k
			where = append(where, fmt.Sprintf("%s:%d", c, k))
		}
		sort.Strings(where)
		total += n
		fmt.Fprintf(w, "%s\t%d\t%s\n", r, n, strings.Join(where, " "))
	}
	fmt.Fprintf(w, "total\t%d\t%d corpus cases\n", total, len(corpusCases(t)))
	w.Flush()
}
