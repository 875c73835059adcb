#!/usr/bin/env bash
# Where the plugin's time goes on a generated tree of N APIs (default 200;
# 10 routes, a quarter body-defined, distributions and domains around).
# Usage: scripts/profile.sh [N]  (make profile APIS=N)
# RUNS (default 3) runs of each measurement; PROFILE_OUT keeps the profiles
# (default: a new temporary folder, printed at the end).
#
# 1. The host's view, with the shipped plugin binary: wall time of tflint
#    alone, with the plugin loaded but every rule off, and with every rule
#    on, alternating, median of RUNS.
# 2. The plugin's view, with tools/profile-plugin (the same rule set with a
#    stopwatch and pprof): start, GetFiles, model, each family, emits, and a
#    CPU and heap pprof of the plugin process; then pprof's top functions and
#    its split of CPU samples by phase and family label.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
go=${GO:-go}
n=${1:-200}
runs=${RUNS:-3}
tflint=${TFLINT:-$("$root/scripts/ensure-tflint.sh")}
out=${PROFILE_OUT:-$(mktemp -d -t apigw403-profile-XXXX)}
mkdir -p "$out"
rm -f "$out"/phases.jsonl "$out"/cpu-*.pprof "$out"/heap-*.pprof

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/real" "$work/prof" "$work/bin"
(cd "$root" && "$go" build -o "$work/real/tflint-ruleset-apigw403" . &&
	"$go" build -o "$work/bin/profile-plugin" ./tools/profile-plugin &&
	"$go" build -o "$work/bin/gentree" ./tools/gentree &&
	"$go" run ./tools/ruleconfig -bare > "$work/bare.hcl" &&
	"$go" run ./tools/ruleconfig -none > "$work/none.hcl" &&
	"$go" run ./tools/ruleconfig > "$work/all.hcl")
cat > "$work/prof/tflint-ruleset-apigw403" <<WRAP
#!/bin/sh
APIGW403_EXEC_NS=\$(date +%s%N) APIGW403_PROFILE_DIR="$out" exec "$work/bin/profile-plugin" "\$@"
WRAP
chmod +x "$work/prof/tflint-ruleset-apigw403"
around=-around
[ "${AROUND:-1}" = 0 ] && around=""
# shellcheck disable=SC2086 # GENTREE_FLAGS is a list of flags
"$work/bin/gentree" -apis "$n" -routes 10 $around -bodies "${BODIES:-0.25}" ${GENTREE_FLAGS:-} -out "$work/tree"

# lint PLUGINDIR CONFIG: prints the wall seconds of one tflint run
lint() {
	local start end
	start=$EPOCHREALTIME
	(cd "$work/tree" && TFLINT_PLUGIN_DIR="$1" HOME="$work" "$tflint" --config "$2" --format json --force > "$work/out.json")
	end=$EPOCHREALTIME
	grep -q '"errors":\[\]' "$work/out.json" || { echo "profile.sh: tflint failed:" >&2; cat "$work/out.json" >&2; exit 1; }
	awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f\n", b-a}'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

lint "$work/real" "$work/all.hcl" > /dev/null # warm-up
bare=() none=() all=()
for i in $(seq "$runs"); do
	if [ $((i % 2)) = 1 ]; then
		bare+=("$(lint "$work/real" "$work/bare.hcl")"); none+=("$(lint "$work/real" "$work/none.hcl")"); all+=("$(lint "$work/real" "$work/all.hcl")")
	else
		all+=("$(lint "$work/real" "$work/all.hcl")"); none+=("$(lint "$work/real" "$work/none.hcl")"); bare+=("$(lint "$work/real" "$work/bare.hcl")")
	fi
done
mb=$(printf '%s\n' "${bare[@]}" | median)
mn=$(printf '%s\n' "${none[@]}" | median)
ma=$(printf '%s\n' "${all[@]}" | median)
for _ in $(seq "$runs"); do lint "$work/prof" "$work/all.hcl" > /dev/null; done

echo "apigw403 $(cd "$root" && git describe --always --dirty), $n APIs ($(ls "$work/tree"/*.tf | wc -l) .tf files), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg), $runs runs"
echo
echo "host view (shipped binary, wall time, median):"
echo
echo "| run | s | ratio to tflint alone |"
echo "|---|---:|---:|"
awk -v b="$mb" -v n="$mn" -v a="$ma" 'BEGIN {
	printf "| tflint alone | %.3f | 1.00x |\n", b
	printf "| + apigw403 loaded, every rule off | %.3f | %.2fx |\n", n, n/b
	printf "| + apigw403, every rule on | %.3f | %.2fx |\n", a, a/b
	printf "\nthe plugin adds %.3f s: %.3f s to load and serve nothing, %.3f s for the Check\n", a-b, n-b, a-n }'
echo
"$work/bin/profile-plugin" -report "$out"
cpu=$(ls -t "$out"/cpu-*.pprof | head -n 1)
echo
echo "CPU samples by label ($cpu):"
"$go" tool pprof -tags "$cpu" 2>/dev/null | sed -n '1,40p'
echo
echo "top functions (cumulative):"
"$go" tool pprof -top -cum -nodecount=30 "$cpu" 2>/dev/null | sed -n '1,40p'
echo
echo "profiles in $out: go tool pprof -http=: $cpu; heap (allocs): $(ls -t "$out"/heap-*.pprof | head -n 1)"
