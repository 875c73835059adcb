#!/usr/bin/env bash
# Lints examples/ (a small, deliberately broken API Gateway configuration) with
# tflint v0.64.0 and the plugin built from this checkout, and prints the findings
# in tflint's default format.
#
# Needs only Go: tflint is installed with `go install` when missing
# (scripts/ensure-tflint.sh). The plugin is built into a temporary plugin folder
# handed to tflint through TFLINT_PLUGIN_DIR, so ~/.tflint.d is never used.
#
# Exit status: 0 when tflint ran (finding issues is the point of the example, so
# its exit code 2 counts as success), non-zero when tflint or the build failed.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
go=${GO:-go}

tflint=${TFLINT:-}
if [ -z "$tflint" ]; then
	tflint=$("$root/scripts/ensure-tflint.sh")
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/plugins"
(cd "$root" && "$go" build -o "$tmp/plugins/tflint-ruleset-apigw403" .)

echo "\$ tflint --chdir examples   # $("$tflint" --version | head -n 1), plugin apigw403 built from $root"
status=0
(cd "$root" && TFLINT_PLUGIN_DIR="$tmp/plugins" "$tflint" --chdir examples) || status=$?

case $status in
0) echo "tflint found no issue in examples/" ;;
2) status=0 ;; # issues found: the expected outcome
*) echo "example.sh: tflint failed with exit code $status" >&2 ;;
esac
exit "$status"
