package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/apigw403/tflint-ruleset-apigw403/rules"
)

// printReport prints the median of each phase over the Checks recorded in
// dir/phases.jsonl, as a Markdown table.
func printReport(dir string) error {
	f, err := os.Open(filepath.Join(dir, "phases.jsonl"))
	if err != nil {
		return err
	}
	defer f.Close()
	var all []Phases
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var p Phases
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return err
		}
		all = append(all, p)
	}
	if len(all) == 0 {
		return fmt.Errorf("%s/phases.jsonl has no Check", dir)
	}
	med := func(get func(Phases) float64) float64 {
		xs := make([]float64, len(all))
		for i, p := range all {
			xs[i] = get(p)
		}
		sort.Float64s(xs)
		if len(xs)%2 == 1 {
			return xs[len(xs)/2]
		}
		return (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
	}
	last := all[len(all)-1]
	total := med(func(p Phases) float64 { return p.ExecToEnd })
	row := func(name string, v float64, note string) {
		fmt.Printf("| %s | %.0f | %.0f%% | %s |\n", name, v, 100*v/total, note)
	}
	fmt.Printf("plugin process, median of %d Checks; %d files, %.1f MiB of source, %d rules on, GOMAXPROCS %d\n\n",
		len(all), last.Files, float64(last.Bytes)/(1<<20), last.Rules, last.GOMAXPROCS)
	fmt.Println("| phase | ms | of exec→end | what |")
	fmt.Println("|---|---:|---:|---|")
	row("start: exec → main", med(func(p Phases) float64 { return p.ExecToMain }), "process start, runtime and package init")
	row("start: main → ApplyGlobalConfig", med(func(p Phases) float64 { return p.MainToConfig }), "handshake and the host's rule-set queries")
	row("start: ApplyGlobalConfig → Check", med(func(p Phases) float64 { return p.ConfigToCheck }), "host: version checks, dial, the SDK's raw file fetch for its fixer")
	gf := med(func(p Phases) float64 { return p.GetFiles })
	parse := med(func(p Phases) float64 { return p.Parse })
	row("GetFiles", gf, fmt.Sprintf("fetch + parse every file on one core; the parse alone, re-measured (best of 3): %.0f ms", parse))
	row("model (apigw.Load)", med(func(p Phases) float64 { return p.Model }), fmt.Sprintf("net of host calls (other host calls inside: %.0f ms); indexes built later, on first question, count in the family that asks",
		med(func(p Phases) float64 { return p.HostByFamily["model"] })))
	for _, fam := range rules.Families {
		name := string(fam)
		row("family "+name, med(func(p Phases) float64 { return p.Families[name] }),
			fmt.Sprintf("net of emits and host calls; %d emits; its other host calls %.0f ms", last.EmitByFamily[name],
				med(func(p Phases) float64 { return p.HostByFamily[name] })))
	}
	row("emits", med(func(p Phases) float64 { return p.Emit }), fmt.Sprintf("%d EmitIssue/EmitIssueWithFix RPCs (with the SDK's fix dry run)", last.Emits))
	others := map[string]int{}
	for name, n := range last.HostCalls {
		if name != "GetFiles" && name != "EmitIssue" && name != "EmitIssueWithFix" {
			others[name] = n
		}
	}
	row("other host calls", med(func(p Phases) float64 { return p.Host }), fmt.Sprintf("calls: %v", others))
	row("exec → end of the last rule", total, "")
	type ruleTime struct {
		name string
		ms   float64
	}
	var slowest []ruleTime
	for name := range last.RuleMs {
		slowest = append(slowest, ruleTime{name, med(func(p Phases) float64 { return p.RuleMs[name] })})
	}
	sort.Slice(slowest, func(i, j int) bool { return slowest[i].ms > slowest[j].ms })
	fmt.Print("\nslowest rules (gross: with their emits and host calls): ")
	for i, r := range slowest {
		if i == 8 {
			break
		}
		fmt.Printf("%s %.0f ms; ", r.name, r.ms)
	}
	fmt.Printf("\nEvaluateExpr calls by rule: %v\n", last.EvalByRule)
	fmt.Printf("\nallocated %.0f MiB in all, %.0f MiB heap in use at the end, peak RSS %.0f MiB, %d GCs (%.1f ms of pauses)\n",
		med(func(p Phases) float64 { return p.TotalAllocMiB }), med(func(p Phases) float64 { return p.HeapInuseMiB }),
		med(func(p Phases) float64 { return p.PeakRSSMiB }), last.GCs, med(func(p Phases) float64 { return p.GCPauseMs }))
	return nil
}
