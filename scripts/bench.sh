#!/usr/bin/env bash
# Times tflint v0.64.0 alone against tflint with apigw403 (every rule on,
# off-by-default ones included) on generated trees, alternating the two in
# each iteration, and prints one Markdown table: median wall times, ratio,
# growth per 4x APIs, tflint's and the plugin's peak memory (tools/bench).
# Usage: scripts/bench.sh [sizes...]   (default: 50 200 800; SIZES="3200" via make)
# RUNS (default 5) timed runs of each configuration per size; WARMUP (default 1).
# The tree: REST APIs with 10 routes, a quarter defined by an OpenAPI body
# (BODIES=0.25; 0 for none), a CloudFront distribution and a custom domain
# per ten APIs (AROUND=0 to leave them out). GENTREE_FLAGS adds generator
# flags, e.g. "-extras -http 50" for usage plans, keys, policies and HTTP APIs.
# Needs GNU time (/usr/bin/time, Debian package "time") for the plugin's peak.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
go=${GO:-go}
[ -x /usr/bin/time ] || { echo "bench.sh: needs GNU time: apt-get install time" >&2; exit 1; }
tflint=${TFLINT:-$("$root/scripts/ensure-tflint.sh")}
around=true
[ "${AROUND:-1}" = 0 ] && around=false

# shellcheck disable=SC2086 # SIZES is a list
[ $# -gt 0 ] || set -- ${SIZES:-}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && "$go" build -o "$work/tflint-ruleset-apigw403" . && "$go" build -o "$work/bench" ./tools/bench)
# shellcheck disable=SC2086 # GENTREE_FLAGS is a list of flags
(cd "$root" && "$work/bench" -tflint "$tflint" -plugin "$work/tflint-ruleset-apigw403" -work "$work" \
	-runs "${RUNS:-5}" -warmup "${WARMUP:-1}" -bodies "${BODIES:-0.25}" -around="$around" ${GENTREE_FLAGS:-} "$@")
