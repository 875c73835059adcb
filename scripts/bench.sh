#!/usr/bin/env bash
# Times tflint v0.64.0 with no plugins against tflint with apigw403 (every rule
# on) on generated trees of several sizes, and prints wall time, peak memory
# and their ratios. Usage: scripts/bench.sh [sizes...] (default: 50 200 800).
# RUNS (default 5) runs per row; the median wall time is reported.
# GENTREE_FLAGS adds generator flags, e.g. "-extras -http 50" for usage plans,
# keys, policies and HTTP APIs on top of the REST APIs.
# AROUND=0 leaves out the CloudFront distributions and custom domains the tree
# has by default (one of each per ten APIs, gentree -around).
# Needs GNU time (/usr/bin/time, Debian package "time").
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
go=${GO:-go}
runs=${RUNS:-5}
around_flag=""
[ "${AROUND:-1}" = 0 ] || around_flag="-around"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(50 200 800)
[ -x /usr/bin/time ] || { echo "bench.sh: needs GNU time: apt-get install time" >&2; exit 1; }
tflint=${TFLINT:-$("$root/scripts/ensure-tflint.sh")}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/plugins" "$work/bin"
(cd "$root" && "$go" build -o "$work/bin/tflint-ruleset-apigw403" .)
# The plugin runs under GNU time too, so its own peak memory is measured.
cat > "$work/plugins/tflint-ruleset-apigw403" <<WRAP
#!/bin/sh
exec /usr/bin/time -f %M -a -o "$work/plugin-rss" "$work/bin/tflint-ruleset-apigw403" "\$@"
WRAP
chmod +x "$work/plugins/tflint-ruleset-apigw403"

# median of numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

# run DIR: prints "median_seconds max_rss_kb"
run() {
	local dir=$1 times=() rss=0
	for _ in $(seq "$runs"); do
		(cd "$dir" && TFLINT_PLUGIN_DIR="$work/plugins" HOME="$work" \
			/usr/bin/time -f "%e %M" -o "$work/t" "$tflint" --format json --force >/dev/null) || true
		read -r sec kb < "$work/t"
		times+=("$sec")
		[ "$kb" -gt "$rss" ] && rss=$kb
	done
	printf '%s %s\n' "$(printf '%s\n' "${times[@]}" | median)" "$rss"
}

printf '%-6s %-7s %12s %12s %7s %14s %16s\n' APIs files "no plugin s" "apigw403 s" ratio "tflint MiB" "plugin MiB"
prev=""
for n in "${sizes[@]}"; do
	tree="$work/tree$n"
	# shellcheck disable=SC2086 # GENTREE_FLAGS is a list of flags
	"$go" run "$root/tools/gentree" -apis "$n" -routes 10 $around_flag ${GENTREE_FLAGS:-} -out "$tree/bare" >/dev/null
	cp -r "$tree/bare" "$tree/plugin"
	printf 'plugin "terraform" {\n  enabled = false\n}\n' > "$tree/bare/.tflint.hcl"
	printf 'plugin "terraform" {\n  enabled = false\n}\n\nplugin "apigw403" {\n  enabled = true\n}\n' > "$tree/plugin/.tflint.hcl"
	read -r base base_kb < <(run "$tree/bare")
	: > "$work/plugin-rss"
	read -r with with_kb < <(run "$tree/plugin")
	plugin_kb=$(sort -n "$work/plugin-rss" | tail -n 1)
	printf '%-6s %-7s %12s %12s %6.2fx %14.0f %16.0f\n' "$n" "$(ls "$tree/bare" | wc -l)" "$base" "$with" \
		"$(awk -v a="$with" -v b="$base" 'BEGIN {print a/b}')" "$(awk -v k="$with_kb" 'BEGIN {print k/1024}')" \
		"$(awk -v k="${plugin_kb:-0}" 'BEGIN {print k/1024}')"
	if [ -n "$prev" ]; then
		read -r pn pwith <<<"$prev"
		echo "       growth ${pn} -> ${n} APIs: $(awk -v a="$with" -v b="$pwith" -v x="$n" -v y="$pn" 'BEGIN {printf "%.2fx time for %.1fx APIs", a/b, x/y}')"
	fi
	prev="$n $with"
done
