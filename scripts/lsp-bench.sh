#!/usr/bin/env bash
# One diagnostics round trip of `tflint --langserver` after an edit, with and
# without apigw403 (every rule on), on a generated tree of N APIs (default
# 200; a quarter body-defined, distributions and domains around): didChange
# of one file to its published diagnostics, median of RUNS (default 5) edits,
# the two servers side by side with the edits alternating (tools/lspbench).
# Usage: scripts/lsp-bench.sh [N]   (make lsp-bench APIS=N)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
go=${GO:-go}
tflint=${TFLINT:-$("$root/scripts/ensure-tflint.sh")}
around=true
[ "${AROUND:-1}" = 0 ] && around=false
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root" && "$go" build -o "$work/tflint-ruleset-apigw403" . && "$go" build -o "$work/lspbench" ./tools/lspbench)
(cd "$root" && "$work/lspbench" -tflint "$tflint" -plugin "$work/tflint-ruleset-apigw403" -apis "${1:-200}" \
	-runs "${RUNS:-5}" -bodies "${BODIES:-0.25}" -around="$around")
