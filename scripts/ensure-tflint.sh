#!/usr/bin/env bash
# Prints the path of a tflint v0.64.0 (the version this plugin is built and tested
# for), installing it with `go install` when there is none.
#
# Looks at $(go env GOBIN) (or the first $(go env GOPATH)/bin) first, then PATH, in
# the order `make test` puts them on PATH. A tflint of another version in the Go bin
# directory is replaced. Progress goes to stderr; stdout is only the path.
set -euo pipefail

want=0.64.0
go=${GO:-go}

version_of() {
	"$1" --version 2>/dev/null | sed -n 's/^TFLint version \([^ ]*\).*/\1/p' | head -n 1 || true
}

gobin=$("$go" env GOBIN)
if [ -z "$gobin" ]; then
	gopath=$("$go" env GOPATH)
	gobin=${gopath%%:*}/bin
fi
candidate=$gobin/tflint

if [ -x "$candidate" ]; then
	if [ "$(version_of "$candidate")" = "$want" ]; then
		echo "$candidate"
		exit 0
	fi
	echo "ensure-tflint: $candidate is tflint $(version_of "$candidate"), not $want: reinstalling" >&2
elif onpath=$(command -v tflint 2>/dev/null) && [ "$(version_of "$onpath")" = "$want" ]; then
	echo "$onpath"
	exit 0
fi

echo "ensure-tflint: installing tflint v$want into $gobin (go install)" >&2
"$go" install "github.com/terraform-linters/tflint@v$want" >&2
if [ "$(version_of "$candidate")" != "$want" ]; then
	echo "ensure-tflint: $candidate does not report version $want after go install" >&2
	exit 1
fi
echo "$candidate"
