package integration

// Findings through module calls (docs/modules.md): the calls_* case folders hold
// the expected output of a plain run; these tests run the same folders with other
// flags, and configurations whose modules do not all load.

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// callCases are the case folders whose findings come through module calls.
var callCases = []string{"calls_private_api", "calls_route_module"}

// TestModuleCallsOff: with --call-module-type=none tflint checks no module
// call, so nothing is reported through one.
func TestModuleCallsOff(t *testing.T) {
	t.Parallel()
	for _, name := range callCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			out := lintJSON(t, copyCase(t, name), "--call-module-type=none")
			if got := moduleIssues(out); len(got) != 0 {
				t.Errorf("--call-module-type=none reports %+v, want nothing", got)
			}
			if len(out.Errors) != 0 {
				t.Errorf("errors: %+v", out.Errors)
			}
		})
	}
}

// TestModuleCallsSerialRunners: the module-call checks run concurrently in one
// plugin process; run one after another they must report the same.
func TestModuleCallsSerialRunners(t *testing.T) {
	t.Parallel()
	dir := copyCase(t, "calls_route_module")
	parallel := normalize(lintJSON(t, dir), dir)
	serial := normalize(lintJSON(t, dir, "--no-parallel-runners"), dir)
	if diff := cmp.Diff(parallel, serial); diff != "" {
		t.Errorf("--no-parallel-runners reports otherwise (-parallel +serial):\n%s", diff)
	}
	if len(moduleIssues(parallel)) == 0 {
		t.Error("calls_route_module reports nothing")
	}
}

// TestModuleCallsRecursive: --recursive lints the module folders as roots of
// their own, where the caller's values are unknown (their defaults apply);
// the root folder still reports through its calls, once.
func TestModuleCallsRecursive(t *testing.T) {
	t.Parallel()
	dir := copyCase(t, "calls_private_api")
	config, err := filepath.Abs(filepath.Join(dir, ".tflint.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	out := lintJSON(t, dir, "--recursive", "--config", config)
	if len(out.Errors) != 0 {
		t.Errorf("errors: %+v", out.Errors)
	}
	var found []Issue
	for _, is := range moduleIssues(out) {
		if is.Rule.Name == "apigw_private_api_policy" {
			found = append(found, is)
		}
	}
	if len(found) != 1 || filepath.ToSlash(found[0].Range.Filename) != "main.tf" || found[0].Range.Start.Line != 11 {
		t.Errorf("--recursive reports apigw_private_api_policy %+v, want once, at main.tf:11 (module.internal_api's endpoint_type)", found)
	}
}

// TestModulesThatDoNotLoad: registry and git modules that were never
// installed are skipped by tflint with the default --call-module-type=local,
// an empty module folder has nothing to check, and nested calls with count
// and for_each run (one PRIVATE through its caller, with a policy tflint
// cannot read: unknown, so silence); none of it makes the plugin fail or
// report. A local
// module whose folder is missing is tflint's own error, before any plugin
// runs: the output is the same with the plugin and without.
func TestModulesThatDoNotLoad(t *testing.T) {
	t.Parallel()
	files := map[string]string{
		".tflint.hcl": "plugin \"apigw403\" {\n  enabled = true\n}\n\nplugin \"terraform\" {\n  enabled = false\n}\n",
		"main.tf": `module "registry" {
  source        = "terraform-aws-modules/apigateway-v2/aws"
  version       = "5.0.0"
  name          = "api"
}

module "git" {
  source        = "git::https://example.com/api.git?ref=v1"
  endpoint_type = "PRIVATE"
}

module "empty" {
  source = "./modules/empty"
}

module "outer" {
  source   = "./modules/outer"
  for_each = toset(["a", "b"])
  name     = each.key
}
`,
		"no-plugin.hcl":           "plugin \"terraform\" {\n  enabled = false\n}\n",
		"modules/empty/README.md": "No Terraform here.\n",
		"modules/outer/main.tf": `variable "name" {
  type = string
}

module "inner" {
  source = "../inner"
  count  = 2
  name   = "${var.name}-${count.index}"
}
`,
		"modules/inner/main.tf": `variable "name" {
  type = string
}

resource "aws_api_gateway_rest_api" "this" {
  name = var.name

  endpoint_configuration {
    types = [var.name == "a-0" ? "PRIVATE" : "REGIONAL"]
  }
}

resource "aws_api_gateway_rest_api_policy" "this" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  policy      = file("${path.module}/missing-policy.json")
}
`,
	}
	dir := t.TempDir()
	for name, src := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	checkClean := func(t *testing.T, out Output, stderr []byte) {
		t.Helper()
		if got := moduleIssues(out); len(got) != 0 {
			t.Errorf("reports %+v, want nothing", got)
		}
		if strings.Contains(string(stderr), "panic") {
			t.Errorf("stderr mentions a panic:\n%s", stderr)
		}
	}

	t.Run("skipped, empty and nested modules", func(t *testing.T) {
		stdout, stderr, code := runTflint(t, dir, "--format", "json", "--force")
		out, err := decodeOutput(stdout)
		if err != nil || code != 0 {
			t.Fatalf("tflint exited %d (%v)\nstdout:\n%s\nstderr:\n%s", code, err, stdout, stderr)
		}
		checkClean(t, out, stderr)
		if len(out.Errors) != 0 {
			t.Errorf("errors: %+v", out.Errors)
		}
	})

	t.Run("a missing local module folder", func(t *testing.T) {
		missing := t.TempDir()
		main := "module \"missing\" {\n  source        = \"./modules/missing\"\n  endpoint_type = \"PRIVATE\"\n}\n"
		if err := os.WriteFile(filepath.Join(missing, "main.tf"), []byte(main), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(missing, ".tflint.hcl"), []byte(files[".tflint.hcl"]), 0o644); err != nil {
			t.Fatal(err)
		}
		stdout, stderr, _ := runTflint(t, missing, "--format", "json", "--force")
		with, err := decodeOutput(stdout)
		if err != nil {
			t.Fatalf("output is not JSON: %v\n%s\n%s", err, stdout, stderr)
		}
		checkClean(t, with, stderr)
		if len(with.Errors) != 1 || !strings.Contains(with.Errors[0].Summary, `"missing" module is not found`) {
			t.Errorf("errors %+v, want tflint's own \"missing\" module is not found", with.Errors)
		}
		without := lintJSON(t, missing, "--config", filepath.Join(dir, "no-plugin.hcl"))
		if diff := cmp.Diff(normalize(without, missing).Errors, normalize(with, missing).Errors); diff != "" {
			t.Errorf("the plugin changes tflint's errors (-without +with):\n%s", diff)
		}
	})
}
