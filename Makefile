# Developer entry points. `make test` is the test command: actionlint on every workflow
# file, gofmt check, go vet, then
# every Go test, including the integration tests that run the real tflint v0.64.0
# (installed by `make tflint` when missing) with the plugin built from this tree.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c

GO ?= go
BINARY := tflint-ruleset-apigw403
TFLINT_VERSION := 0.64.0
GORELEASER := github.com/goreleaser/goreleaser/v2@v2.15.1
ACTIONLINT := github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
# Every GitHub Actions workflow file in the repository, for actionlint.
WORKFLOWS := $(wildcard examples/github-actions/*.yml .github/workflows/*.yml .github/workflows/*.yaml)
# Where `go install` puts tflint: GOBIN, else the first GOPATH entry's bin.
GOBIN_DIR := $(shell d="$$($(GO) env GOBIN)"; if [ -n "$$d" ]; then echo "$$d"; else p="$$($(GO) env GOPATH)"; echo "$${p%%:*}/bin"; fi)
PLUGIN_DIR := $(HOME)/.tflint.d/plugins
# The version comes from the git tag (v1.2.3 -> 1.2.3); between tags or in a dirty
# tree git describe adds a suffix and the docs links point at main; outside a git
# checkout the build says "dev".
VERSION ?= $(shell git describe --tags --match 'v[0-9]*' --dirty 2>/dev/null | sed 's/^v//')
LDFLAGS := -X github.com/apigw403/tflint-ruleset-apigw403/project.Version=$(or $(VERSION),dev)

.PHONY: build install tflint actionlint test example bench profile lsp-bench fuzz newrule release-check release-snapshot clean

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BINARY) .

# Manual install: enable with `plugin "apigw403" { enabled = true }` (no source/version).
install: build
	mkdir -p $(PLUGIN_DIR)
	cp $(BINARY) $(PLUGIN_DIR)/$(BINARY)

# Installs tflint v$(TFLINT_VERSION) into $(GOBIN_DIR) unless a v$(TFLINT_VERSION) is
# already there (or, when nothing is there, on PATH).
tflint:
	@echo "tflint: $$(scripts/ensure-tflint.sh)"

# Checks every workflow file as GitHub would before running it (schema, contexts,
# expressions); installs actionlint v1.7.12 into $(GOBIN_DIR) when it is missing.
actionlint:
	@test -x "$(GOBIN_DIR)/actionlint" && "$(GOBIN_DIR)/actionlint" -version | head -n 1 | grep -qx 'v1.7.12' \
		|| GOBIN="$(GOBIN_DIR)" $(GO) install $(ACTIONLINT)
	"$(GOBIN_DIR)/actionlint" $(WORKFLOWS)

# -count=1: the integration tests build the plugin and run tflint in subprocesses,
# which Go's test cache cannot see, so cached results could hide a change.
test: tflint actionlint
	@unformatted="$$(gofmt -l .)"; \
	if [ -n "$$unformatted" ]; then echo "gofmt -l: these files need gofmt -w:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	PATH="$(GOBIN_DIR):$$PATH" $(GO) test -count=1 ./...

example: tflint build
	scripts/example.sh

# Wall time and peak memory of tflint with and without the plugin (every rule
# on), alternating, median of RUNS (default 5), on generated trees of 50, 200
# and 800 APIs with 10 routes, a quarter body-defined; SIZES="200 800 3200" to
# choose. One Markdown table (tools/bench).
bench: tflint
	scripts/bench.sh $(SIZES)

# CPU and heap pprof of the plugin process on a generated tree of APIS APIs
# (default 200) and the time of each phase: start, GetFiles, model, each rule
# family, emits (tools/profile-plugin); profiles kept in PROFILE_OUT.
APIS ?= 200
profile: tflint
	scripts/profile.sh $(APIS)

# One diagnostics round trip of tflint --langserver after a didChange on a
# 200-API tree, with and without the plugin, median of RUNS (tools/lspbench).
lsp-bench: tflint
	scripts/lsp-bench.sh $(APIS)

# Every fuzz target for FUZZTIME each (default 30s): all rules with their
# fixes on arbitrary HCL, the JSON policy reader, the OpenAPI body reader, the
# execute-api ARN reader and the Python source reader. New crashers land in
# testdata/fuzz/ and then run as ordinary tests.
FUZZTIME ?= 30s
fuzz:
	$(GO) test -run XXX -fuzz '^FuzzRules$$' -fuzztime $(FUZZTIME) ./rules
	$(GO) test -run XXX -fuzz '^FuzzParseJSON$$' -fuzztime $(FUZZTIME) ./rules/policy
	$(GO) test -run XXX -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./rules/openapi
	$(GO) test -run XXX -fuzz '^FuzzParseResource$$' -fuzztime $(FUZZTIME) ./rules/arn
	$(GO) test -run XXX -fuzz '^FuzzReadPyModule$$' -fuzztime $(FUZZTIME) ./rules/apigw

# The skeleton of a new rule: make newrule NAME=apigw_x FAMILY=key [ARGS="-fixable -severity ERROR"]
newrule:
	$(GO) run ./tools/newrule $(ARGS) $(NAME) $(FAMILY)

release-check:
	$(GO) run $(GORELEASER) check

# The release archives and checksums.txt in dist/, without publishing anything.
# The first run compiles goreleaser (minutes); check the result with
#   go test ./integration -run TestReleaseSnapshot -v
release-snapshot:
	$(GO) run $(GORELEASER) release --snapshot --clean --skip=publish

clean:
	rm -f $(BINARY)
	rm -rf dist
