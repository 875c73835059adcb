// Command profile-plugin is the apigw403 plugin with a stopwatch: it serves
// the same rule set as the real binary (rules.NewRuleSet), and when
// APIGW403_PROFILE_DIR is set it writes there, for each Check, a CPU and a
// heap pprof of the plugin process (cpu-N.pprof, heap-N.pprof, CPU samples
// labelled phase=model|rules, family=...) and one JSON line of phase times
// (phases.jsonl). scripts/profile.sh installs it in place of the plugin;
// the shipped binary carries none of this.
//
// The phases, in the order the plugin lives them:
//   - start: exec (APIGW403_EXEC_NS, set by the wrapper script) to main, main
//     to the host's ApplyGlobalConfig (handshake and rule-set queries), and
//     to the Check (host side: version checks, dial, the raw file fetch the
//     SDK does for its fixer);
//   - GetFiles: the runner's fetch of every file, which the SDK parses on one
//     core, and the parse alone, re-measured afterwards on the same bytes;
//   - model: apigw.Load, the graph of the module (host calls inside counted
//     apart);
//   - each rule family: its rules' Check, net of the emits and host calls;
//   - emits: EmitIssue and EmitIssueWithFix (an RPC each, and the fix
//     function the SDK runs to learn whether the issue is fixable).
//
// Usage: profile-plugin -report DIR prints the median of each phase over
// the lines of DIR/phases.jsonl.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	hcljson "github.com/hashicorp/hcl/v2/json"
	"github.com/terraform-linters/tflint-plugin-sdk/plugin"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/rules"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// Phases is one Check's record, durations in milliseconds.
type Phases struct {
	ExecToMain      float64            `json:"exec_to_main_ms"`
	MainToConfig    float64            `json:"main_to_apply_global_config_ms"`
	ConfigToCheck   float64            `json:"apply_global_config_to_check_ms"`
	GetFiles        float64            `json:"get_files_ms"`
	Parse           float64            `json:"parse_ms"`
	Files           int                `json:"files"`
	Bytes           int                `json:"bytes"`
	Model           float64            `json:"model_ms"`
	Families        map[string]float64 `json:"family_ms"`
	Emit            float64            `json:"emit_ms"`
	Emits           int                `json:"emits"`
	EmitByFamily    map[string]int     `json:"emits_by_family"`
	HostByFamily    map[string]float64 `json:"host_calls_ms_by_family"`
	EvalByRule      map[string]int     `json:"evaluate_expr_by_rule"`
	RuleMs          map[string]float64 `json:"rule_ms"`
	Host            float64            `json:"other_host_calls_ms"`
	HostCalls       map[string]int     `json:"host_calls"`
	Check           float64            `json:"check_ms"`
	ExecToEnd       float64            `json:"exec_to_end_ms"`
	Rules           int                `json:"rules"`
	TotalAllocMiB   float64            `json:"total_alloc_mib"`
	HeapInuseMiB    float64            `json:"heap_inuse_mib_at_end"`
	PeakRSSMiB      float64            `json:"peak_rss_mib"`
	GCs             uint32             `json:"gcs"`
	GCPauseMs       float64            `json:"gc_pause_ms"`
	GOMAXPROCS      int                `json:"gomaxprocs"`
	EvaluateExprCnt int                `json:"evaluate_expr_calls"`
}

// clock holds what the wrappers measure; rules run one after another, so
// one current family is enough.
type clock struct {
	mu       sync.Mutex
	dir      string
	exec     time.Time
	main     time.Time
	config   time.Time
	check    time.Time
	checks   int
	family   string
	rule     string
	inHost   time.Duration // host calls and emits inside the current span
	p        Phases
	files    map[string]*hcl.File
	cpuOn    bool
	lastRule tflint.Rule
	ctx      context.Context // the pprof labels of the current span
}

var clk = &clock{}

func main() {
	report := flag.String("report", "", "print the median phases of DIR/phases.jsonl and exit")
	flag.Parse()
	if *report != "" {
		if err := printReport(*report); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	clk.main = time.Now()
	clk.exec = clk.main
	if ns, err := strconv.ParseInt(os.Getenv("APIGW403_EXEC_NS"), 10, 64); err == nil {
		clk.exec = time.Unix(0, ns)
	}
	clk.dir = os.Getenv("APIGW403_PROFILE_DIR")
	clk.startCPU()
	plugin.Serve(&plugin.ServeOpts{RuleSet: &timedRuleSet{RuleSet: rules.NewRuleSet()}})
}

func (c *clock) startCPU() {
	if c.dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(c.dir, fmt.Sprintf("cpu-%d.pprof", os.Getpid())))
	if err == nil && pprof.StartCPUProfile(f) == nil {
		c.cpuOn = true
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// timedRuleSet is the real rule set, its rules and runner wrapped.
type timedRuleSet struct {
	*rules.RuleSet
}

func (r *timedRuleSet) ApplyGlobalConfig(config *tflint.Config) error {
	clk.config = time.Now()
	if err := r.RuleSet.ApplyGlobalConfig(config); err != nil {
		return err
	}
	impl := r.BuiltinImpl()
	family := map[string]string{}
	for _, e := range rules.Registry() {
		family[e.New().Name()] = string(e.Family)
	}
	for i, rule := range impl.EnabledRules {
		impl.EnabledRules[i] = &timedRule{Rule: rule, family: family[rule.Name()]}
	}
	if n := len(impl.EnabledRules); n > 0 {
		clk.lastRule = impl.EnabledRules[n-1]
	}
	return nil
}

// NewRunner starts a Check: it builds the model right away, so that its
// cost is not charged to the first rule.
func (r *timedRuleSet) NewRunner(host tflint.Runner) (tflint.Runner, error) {
	c := clk
	c.check = time.Now()
	c.p = Phases{Families: map[string]float64{}, EmitByFamily: map[string]int{}, HostByFamily: map[string]float64{}, EvalByRule: map[string]int{}, RuleMs: map[string]float64{}, HostCalls: map[string]int{}, GOMAXPROCS: runtime.GOMAXPROCS(0)}
	c.p.ExecToMain = ms(c.main.Sub(c.exec))
	c.p.MainToConfig = ms(c.config.Sub(c.main))
	c.p.ConfigToCheck = ms(c.check.Sub(c.config))
	runner, err := r.RuleSet.NewRunner(&timedRunner{Runner: host})
	if err != nil {
		return nil, err
	}
	c.family, c.rule, c.inHost = "model", "model", 0
	start := time.Now()
	pprof.Do(context.Background(), pprof.Labels("phase", "model"), func(ctx context.Context) {
		c.ctx = ctx
		_, err = apigw.Load(runner)
	})
	c.p.Model = ms(time.Since(start) - c.inHost)
	if err != nil {
		return nil, err
	}
	if len(r.BuiltinImpl().EnabledRules) == 0 {
		c.finish()
	}
	return runner, nil
}

// timedRule times one rule's Check under its family's pprof label.
type timedRule struct {
	tflint.Rule
	family string
}

func (t *timedRule) Check(runner tflint.Runner) error {
	c := clk
	c.family, c.rule, c.inHost = t.family, t.Name(), 0
	start := time.Now()
	var err error
	pprof.Do(context.Background(), pprof.Labels("phase", "rules", "family", t.family), func(ctx context.Context) {
		c.ctx = ctx
		err = t.Rule.Check(runner)
	})
	c.p.Families[t.family] += ms(time.Since(start) - c.inHost)
	c.p.RuleMs[t.Name()] = ms(time.Since(start))
	c.p.Rules++
	if t == c.lastRule {
		c.finish()
	}
	return err
}

// finish writes the profiles and the phases of this Check.
func (c *clock) finish() {
	end := time.Now()
	c.p.Check = ms(end.Sub(c.check))
	c.p.ExecToEnd = ms(end.Sub(c.exec))
	if c.cpuOn {
		pprof.StopCPUProfile()
		c.cpuOn = false
	}
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	c.p.TotalAllocMiB = float64(m.TotalAlloc) / (1 << 20)
	c.p.HeapInuseMiB = float64(m.HeapInuse) / (1 << 20)
	c.p.GCs = m.NumGC
	c.p.GCPauseMs = float64(m.PauseTotalNs) / 1e6
	c.p.PeakRSSMiB = float64(peakRSSKB()) / 1024
	if c.dir != "" {
		// Before the re-measured parse below, and after a collection, so
		// that in-use space is what the Check keeps alive at its end.
		c.checks++
		runtime.GC()
		if f, err := os.Create(filepath.Join(c.dir, fmt.Sprintf("heap-%d-%d.pprof", os.Getpid(), c.checks))); err == nil {
			_ = pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}
	}
	// The parse alone, on the bytes GetFiles returned, outside the profile:
	// the fastest of three, as the CPU floor of GetFiles.
	for i := 0; i < 3; i++ {
		runtime.GC()
		start := time.Now()
		for name, f := range c.files {
			if f == nil {
				continue
			}
			if strings.HasSuffix(name, ".tf") {
				_, _ = hclsyntax.ParseConfig(f.Bytes, name, hcl.InitialPos)
			} else {
				_, _ = hcljson.Parse(f.Bytes, name)
			}
		}
		if d := ms(time.Since(start)); i == 0 || d < c.p.Parse {
			c.p.Parse = d
		}
	}
	if c.dir == "" {
		return
	}
	line, _ := json.Marshal(c.p)
	if f, err := os.OpenFile(filepath.Join(c.dir, "phases.jsonl"), os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644); err == nil {
		fmt.Fprintf(f, "%s\n", line)
		f.Close()
	}
}

func peakRSSKB() int {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return kb
		}
	}
	return 0
}
