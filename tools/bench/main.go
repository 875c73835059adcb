// Command bench times tflint alone against tflint with apigw403 (every rule
// on, off-by-default ones included) on generated trees, and prints one
// Markdown table: median wall time of each, their ratio, the growth per
// size step, tflint's and the plugin's peak memory. scripts/bench.sh (make
// bench) builds the plugin and runs it.
//
// Each iteration runs both configurations back to back on the same tree,
// alternating which goes first, so load changes on a shared machine hit
// both alike. Peak memory: tflint's own is its VmHWM read from /proc every
// few milliseconds while it runs (its rusage would count the plugin, its
// child); the plugin's is the rusage of the plugin process, recorded by
// GNU time in the wrapper tflint starts instead of the binary.
//
//	go run ./tools/bench -tflint $(which tflint) -plugin ./tflint-ruleset-apigw403 50 200 800
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/apigw403/tflint-ruleset-apigw403/internal/gentree"
	"github.com/apigw403/tflint-ruleset-apigw403/rules"
)

type config struct {
	tflint, plugin string
	runs, warmup   int
	work           string
	tree           gentree.Options
	treeFlags      string
}

// sample is one run of tflint.
type sample struct {
	wall      time.Duration
	tflintKB  int // tflint's own peak RSS
	pluginKB  int // the plugin's peak RSS (0 without the plugin)
	issues    int
	apigwHits int
}

// row is one size's result.
type row struct {
	apis, files        int
	bare, plugin       []sample
	bareMed, pluginMed time.Duration
	paired             float64
}

func main() {
	var c config
	flag.StringVar(&c.tflint, "tflint", "tflint", "tflint binary")
	flag.StringVar(&c.plugin, "plugin", "", "the apigw403 plugin binary (required)")
	flag.IntVar(&c.runs, "runs", 5, "timed runs of each configuration per size (median)")
	flag.IntVar(&c.warmup, "warmup", 1, "untimed runs of each configuration before the timed ones")
	flag.StringVar(&c.work, "work", "", "folder for the trees (default: a temporary folder, removed)")
	flag.IntVar(&c.tree.Routes, "routes", 10, "routes per API")
	flag.Int64Var(&c.tree.Seed, "seed", 1, "generator seed")
	flag.Float64Var(&c.tree.Stale, "stale", 0.1, "share of resource-defined deployments without triggers")
	flag.BoolVar(&c.tree.Extras, "extras", false, "usage plans, keys and policies for each REST API")
	flag.IntVar(&c.tree.HTTPAPIs, "http", 0, "HTTP APIs to add")
	flag.BoolVar(&c.tree.Around, "around", true, "a CloudFront distribution and a custom domain per ten APIs")
	flag.Float64Var(&c.tree.Bodies, "bodies", 0.25, "share of REST APIs defined by an OpenAPI body")
	flag.Parse()
	if c.plugin == "" {
		log.Fatal("bench: -plugin is required")
	}
	if _, err := exec.LookPath("/usr/bin/time"); err != nil {
		log.Fatal("bench: needs GNU time (/usr/bin/time, Debian package \"time\")")
	}
	sizes := []int{50, 200, 800}
	if flag.NArg() > 0 {
		sizes = nil
		for _, a := range flag.Args() {
			for _, f := range strings.Fields(strings.ReplaceAll(a, ",", " ")) {
				n, err := strconv.Atoi(f)
				if err != nil || n <= 0 {
					log.Fatalf("bench: size %q is not a positive number", f)
				}
				sizes = append(sizes, n)
			}
		}
	}
	c.treeFlags = fmt.Sprintf("-routes %d -stale %g -seed %d -around=%t -bodies %g -extras=%t -http %d",
		c.tree.Routes, c.tree.Stale, c.tree.Seed, c.tree.Around, c.tree.Bodies, c.tree.Extras, c.tree.HTTPAPIs)
	if c.work == "" {
		dir, err := os.MkdirTemp("", "apigw403-bench-")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(dir)
		c.work = dir
	}
	for _, p := range []*string{&c.tflint, &c.plugin} {
		abs, err := exec.LookPath(*p)
		if err != nil {
			log.Fatal(err)
		}
		if *p, err = filepath.Abs(abs); err != nil {
			log.Fatal(err)
		}
	}
	if err := c.installWrapper(); err != nil {
		log.Fatal(err)
	}

	loadBefore := loadAverage()
	started := time.Now()
	var rows []row
	for _, n := range sizes {
		r, err := c.measure(n)
		if err != nil {
			log.Fatalf("bench: %d APIs: %v", n, err)
		}
		rows = append(rows, r)
		fmt.Fprintf(os.Stderr, "bench: %d APIs done (%s so far)\n", n, time.Since(started).Round(time.Second))
	}
	c.print(rows, loadBefore, loadAverage())
}

// installWrapper puts in work/plugins an executable tflint starts as the
// plugin: GNU time running the real binary, writing its peak RSS.
func (c *config) installWrapper() error {
	dir := filepath.Join(c.work, "plugins")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	script := fmt.Sprintf("#!/bin/sh\nexec /usr/bin/time -f %%M -a -o %q %q \"$@\"\n", c.pluginRSSFile(), c.plugin)
	return os.WriteFile(filepath.Join(dir, "tflint-ruleset-apigw403"), []byte(script), 0o755)
}

func (c *config) pluginRSSFile() string { return filepath.Join(c.work, "plugin-rss") }

// writeTree writes the tree of n APIs twice, bare/ and plugin/, differing
// only in .tflint.hcl.
func (c *config) writeTree(n int) (bare, plugin string, files int, err error) {
	o := c.tree
	o.APIs = n
	srcs := gentree.Generate(o)
	root := filepath.Join(c.work, fmt.Sprintf("tree%d", n))
	bare, plugin = filepath.Join(root, "bare"), filepath.Join(root, "plugin")
	for _, dir := range []string{bare, plugin} {
		for name, src := range srcs {
			path := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return "", "", 0, err
			}
			if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
				return "", "", 0, err
			}
		}
	}
	if err := os.WriteFile(filepath.Join(bare, ".tflint.hcl"), []byte(Config(false)), 0o644); err != nil {
		return "", "", 0, err
	}
	if err := os.WriteFile(filepath.Join(plugin, ".tflint.hcl"), []byte(Config(true)), 0o644); err != nil {
		return "", "", 0, err
	}
	for name := range srcs {
		if strings.HasSuffix(name, ".tf") {
			files++
		}
	}
	return bare, plugin, files, nil
}

// Config is the .tflint.hcl of a run: the bundled terraform ruleset off,
// and with the plugin, every apigw403 rule enabled by name.
func Config(withPlugin bool) string {
	var b strings.Builder
	b.WriteString("plugin \"terraform\" {\n  enabled = false\n}\n")
	if !withPlugin {
		return b.String()
	}
	b.WriteString("\nplugin \"apigw403\" {\n  enabled = true\n}\n")
	for _, e := range rules.Registry() {
		fmt.Fprintf(&b, "\nrule %q {\n  enabled = true\n}\n", e.New().Name())
	}
	return b.String()
}

func (c *config) measure(n int) (row, error) {
	bare, plugin, files, err := c.writeTree(n)
	if err != nil {
		return row{}, err
	}
	r := row{apis: n, files: files}
	for i := 0; i < c.warmup; i++ {
		if _, err := c.run(bare, false); err != nil {
			return r, err
		}
		if _, err := c.run(plugin, true); err != nil {
			return r, err
		}
	}
	var ratios []float64
	for i := 0; i < c.runs; i++ {
		var b, p sample
		if i%2 == 0 {
			if b, err = c.run(bare, false); err == nil {
				p, err = c.run(plugin, true)
			}
		} else {
			if p, err = c.run(plugin, true); err == nil {
				b, err = c.run(bare, false)
			}
		}
		if err != nil {
			return r, err
		}
		r.bare = append(r.bare, b)
		r.plugin = append(r.plugin, p)
		ratios = append(ratios, p.wall.Seconds()/b.wall.Seconds())
	}
	r.bareMed, r.pluginMed = medianWall(r.bare), medianWall(r.plugin)
	r.paired = median(ratios)
	return r, nil
}

// run runs tflint once in dir and measures it.
func (c *config) run(dir string, withPlugin bool) (sample, error) {
	if err := os.WriteFile(c.pluginRSSFile(), nil, 0o644); err != nil {
		return sample{}, err
	}
	cmd := exec.Command(c.tflint, "--format", "json", "--force")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TFLINT_PLUGIN_DIR="+filepath.Join(c.work, "plugins"), "HOME="+c.work, "TFLINT_LOG=")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Start(); err != nil {
		return sample{}, err
	}
	peak := make(chan int)
	stop := make(chan struct{})
	go watchHWM(cmd.Process.Pid, stop, peak)
	err := cmd.Wait()
	wall := time.Since(start)
	close(stop)
	s := sample{wall: wall, tflintKB: <-peak}
	if err != nil {
		return s, fmt.Errorf("tflint in %s: %v\n%s", dir, err, stderr.String())
	}
	var out struct {
		Issues []struct {
			Rule struct{ Name string } `json:"rule"`
		} `json:"issues"`
		Errors []json.RawMessage `json:"errors"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		return s, fmt.Errorf("tflint output in %s: %v", dir, err)
	}
	if len(out.Errors) > 0 {
		return s, fmt.Errorf("tflint in %s reported errors: %s", dir, out.Errors)
	}
	s.issues = len(out.Issues)
	for _, is := range out.Issues {
		if strings.HasPrefix(is.Rule.Name, "apigw_") {
			s.apigwHits++
		}
	}
	if withPlugin {
		data, err := os.ReadFile(c.pluginRSSFile())
		if err != nil {
			return s, err
		}
		for _, f := range strings.Fields(string(data)) {
			if kb, err := strconv.Atoi(f); err == nil && kb > s.pluginKB {
				s.pluginKB = kb
			}
		}
		if s.pluginKB == 0 {
			return s, fmt.Errorf("the plugin did not run in %s (no peak memory recorded)", dir)
		}
	}
	return s, nil
}

// watchHWM reads the VmHWM of pid until stop closes and sends the last
// value seen, in KiB.
func watchHWM(pid int, stop <-chan struct{}, peak chan<- int) {
	path := fmt.Sprintf("/proc/%d/status", pid)
	last := 0
	tick := time.NewTicker(3 * time.Millisecond)
	defer tick.Stop()
	for {
		if kb := readHWM(path); kb > last {
			last = kb
		}
		select {
		case <-stop:
			peak <- last
			return
		case <-tick.C:
		}
	}
}

func readHWM(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")))
			return kb
		}
	}
	return 0
}

func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	return strings.Join(strings.Fields(string(data))[:3], " ")
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func medianWall(ss []sample) time.Duration {
	xs := make([]float64, len(ss))
	for i, s := range ss {
		xs[i] = float64(s.wall)
	}
	return time.Duration(median(xs))
}

func maxOf(ss []sample, f func(sample) int) int {
	m := 0
	for _, s := range ss {
		m = max(m, f(s))
	}
	return m
}

func (c *config) print(rows []row, loadBefore, loadAfter string) {
	version, _ := exec.Command(c.tflint, "--version").Output()
	commit, _ := exec.Command("git", "describe", "--always", "--dirty").Output()
	fmt.Printf("apigw403 %s, %s, %d CPUs, load average %s before, %s after; %d runs a row (median), %d warm-up\n",
		strings.TrimSpace(string(commit)), firstLine(string(version)), runtime.NumCPU(), loadBefore, loadAfter, c.runs, c.warmup)
	fmt.Printf("tree: gentree %s; every apigw403 rule on (%d), terraform ruleset off; tflint --format json --force\n\n", c.treeFlags, len(rules.Registry()))
	fmt.Println("| APIs | .tf files | tflint s | +apigw403 s | ratio | paired ratio | growth tflint | growth +apigw403 | tflint MiB alone | tflint MiB | plugin MiB | issues |")
	fmt.Println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
	for i, r := range rows {
		gBare, gPlugin := "", ""
		if i > 0 {
			prev := rows[i-1]
			step := fmt.Sprintf(" (%gx APIs)", float64(r.apis)/float64(prev.apis))
			if r.apis == 4*prev.apis {
				step = ""
			}
			gBare = fmt.Sprintf("%.2fx%s", r.bareMed.Seconds()/prev.bareMed.Seconds(), step)
			gPlugin = fmt.Sprintf("%.2fx%s", r.pluginMed.Seconds()/prev.pluginMed.Seconds(), step)
		}
		fmt.Printf("| %d | %d | %.2f | %.2f | %.2fx | %.2fx | %s | %s | %.0f | %.0f | %.0f | %d |\n",
			r.apis, r.files, r.bareMed.Seconds(), r.pluginMed.Seconds(), r.pluginMed.Seconds()/r.bareMed.Seconds(), r.paired,
			gBare, gPlugin,
			mib(maxOf(r.bare, func(s sample) int { return s.tflintKB })),
			mib(maxOf(r.plugin, func(s sample) int { return s.tflintKB })),
			mib(maxOf(r.plugin, func(s sample) int { return s.pluginKB })),
			r.plugin[len(r.plugin)-1].apigwHits)
	}
	fmt.Println()
	fmt.Println("ratio: median +apigw403 / median tflint; paired ratio: median of each iteration's own ratio (steadier under load);")
	fmt.Println("growth: median time over the previous row's (per 4x APIs unless noted); MiB: peak RSS, max over runs (tflint MiB: tflint's own in the plugin runs).")
}

func mib(kb int) float64 { return float64(kb) / 1024 }

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}
