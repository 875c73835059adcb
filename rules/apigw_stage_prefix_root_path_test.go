package rules

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

func noStageVar(fn, api, stages, vars string) string {
	return noRootPath(fn, api, stages, "src/main.py:4", vars, "/docs")
}

func noRootPath(fn, api, stages, at, vars, docs string) string {
	return fn + " serves " + api + " through an AWS_PROXY integration on stage " + stages + ", but " + at + " builds FastAPI(...) without root_path and the function's environment has none of " + vars + ": API Gateway strips /<stage> from the path the function sees, so Swagger UI at /<stage>" + docs + " asks for /openapi.json without the stage and gets 403 Forbidden"
}

const prefixAPI = `resource "aws_api_gateway_rest_api" "main" {
  name = "app"
}

resource "aws_api_gateway_integration" "root" {
  rest_api_id             = aws_api_gateway_rest_api.main.id
  resource_id             = aws_api_gateway_rest_api.main.root_resource_id
  http_method             = "ANY"
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.app.invoke_arn
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "prod"
}
`

const defaultVars = "API_STAGE, ROOT_PATH"

func TestApigwStagePrefixRootPath(t *testing.T) {
	runSourceCases(t, NewApigwStagePrefixRootPathRule(), fastAPISources, []ruleCase{
		{
			Name: "no environment: the block is added",
			Content: prefixAPI + `
resource "aws_lambda_function" "app" {
  function_name = "app"
  filename      = data.archive_file.app.output_path
  handler       = "main.handler"

  lifecycle {
    ignore_changes = [tags]
  }
}
`,
			Expected: helper.Issues{{Message: noStageVar("aws_lambda_function.app", "aws_api_gateway_rest_api.main", `"prod"`, defaultVars), Range: at(20, 1, 20, 37)}},
			Fixed: prefixAPI + `
resource "aws_lambda_function" "app" {
  function_name = "app"
  filename      = data.archive_file.app.output_path
  handler       = "main.handler"

  environment {
    variables = {
      API_STAGE = "prod"
    }
  }

  lifecycle {
    ignore_changes = [tags]
  }
}
`,
		},
		{
			Name: "existing variables: one more",
			Content: prefixAPI + `
resource "aws_lambda_function" "app" {
  function_name = "app"
  filename      = data.archive_file.app.output_path
  handler       = "main.handler"
  environment {
    variables = {
      LOG_LEVEL = "info"
    }
  }
}
`,
			Expected: helper.Issues{{Message: noStageVar("aws_lambda_function.app", "aws_api_gateway_rest_api.main", `"prod"`, defaultVars), Range: at(25, 5, 27, 6)}},
			Fixed: prefixAPI + `
resource "aws_lambda_function" "app" {
  function_name = "app"
  filename      = data.archive_file.app.output_path
  handler       = "main.handler"
  environment {
    variables = {
      LOG_LEVEL = "info"
      API_STAGE = "prod"
    }
  }
}
`,
		},
		{
			Name: "an environment without variables, a stage name from a variable",
			Content: `variable "stage" {
  type = string
}

resource "aws_api_gateway_rest_api" "main" {
  name = "app"
}

resource "aws_api_gateway_integration" "root" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  type        = "AWS_PROXY"
  uri         = aws_lambda_function.app.invoke_arn
}

resource "aws_api_gateway_stage" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = var.stage
}

resource "aws_lambda_function" "app" {
  function_name = "app"
  filename      = data.archive_file.app.output_path
  handler       = "main.handler"
  environment {}
}
`,
			Expected: helper.Issues{{Message: noStageVar("aws_lambda_function.app", "aws_api_gateway_rest_api.main", "var.stage", defaultVars), Range: at(24, 3, 24, 14)}},
			Fixed: `variable "stage" {
  type = string
}

resource "aws_api_gateway_rest_api" "main" {
  name = "app"
}

resource "aws_api_gateway_integration" "root" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  type        = "AWS_PROXY"
  uri         = aws_lambda_function.app.invoke_arn
}

resource "aws_api_gateway_stage" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = var.stage
}

resource "aws_lambda_function" "app" {
  function_name = "app"
  filename      = data.archive_file.app.output_path
  handler       = "main.handler"
  environment {
    variables = {
      API_STAGE = var.stage
    }
  }
}
`,
		},
		{
			Name:   "the option names the variables; the fix writes the first",
			Config: "rule \"apigw_stage_prefix_root_path\" {\n  enabled  = true\n  env_vars = [\"FASTAPI_ROOT_PATH\"]\n}\n",
			Content: prefixAPI + `
resource "aws_lambda_function" "app" {
  function_name = "app"
  filename      = data.archive_file.app.output_path
  handler       = "main.handler"
  environment {
    variables = { API_STAGE = "prod" }
  }
}
`,
			Expected: helper.Issues{{Message: noStageVar("aws_lambda_function.app", "aws_api_gateway_rest_api.main", `"prod"`, "FASTAPI_ROOT_PATH"), Range: at(25, 5, 25, 39)}},
			Fixed: prefixAPI + `
resource "aws_lambda_function" "app" {
  function_name = "app"
  filename      = data.archive_file.app.output_path
  handler       = "main.handler"
  environment {
    variables = {
      API_STAGE         = "prod"
      FASTAPI_ROOT_PATH = "prod"
    }
  }
}
`,
		},
		{
			Name: "configured variables, a custom domain, unknown environments: silent",
			Content: prefixAPI + `
resource "aws_lambda_function" "app" {
  function_name = "app"
  filename      = data.archive_file.app.output_path
  handler       = "main.handler"
  environment {
    variables = { "ROOT_PATH" = "/prod" }
  }
}

resource "aws_api_gateway_rest_api" "mapped" {
  name = "mapped"
}

resource "aws_api_gateway_integration" "mapped" {
  rest_api_id = aws_api_gateway_rest_api.mapped.id
  type        = "AWS_PROXY"
  uri         = aws_lambda_function.mapped.invoke_arn
}

resource "aws_api_gateway_stage" "mapped" {
  rest_api_id = aws_api_gateway_rest_api.mapped.id
  stage_name  = "v1"
}

resource "aws_api_gateway_base_path_mapping" "mapped" {
  api_id      = aws_api_gateway_rest_api.mapped.id
  stage_name  = aws_api_gateway_stage.mapped.stage_name
  domain_name = "api.example.com"
}

resource "aws_lambda_function" "mapped" {
  function_name = "mapped"
  filename      = data.archive_file.app.output_path
  handler       = "main.handler"
}

resource "aws_api_gateway_integration" "opaque" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  type        = "AWS_PROXY"
  uri         = aws_lambda_function.opaque.invoke_arn
}

resource "aws_lambda_function" "opaque" {
  function_name = "opaque"
  filename      = data.archive_file.app.output_path
  handler       = "main.handler"
  environment {
    variables = merge(var.common, { A = "b" })
  }
}

resource "aws_api_gateway_integration" "dynamic" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  type        = "AWS_PROXY"
  uri         = aws_lambda_function.dynamic.invoke_arn
}

resource "aws_lambda_function" "dynamic" {
  function_name = "dynamic"
  filename      = data.archive_file.app.output_path
  handler       = "main.handler"
  dynamic "environment" {
    for_each = var.env == null ? [] : [var.env]
    content {
      variables = environment.value
    }
  }
}

resource "aws_api_gateway_integration" "not_proxy" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  type        = "AWS"
  uri         = aws_lambda_function.not_proxy.invoke_arn
}

resource "aws_lambda_function" "not_proxy" {
  function_name = "not_proxy"
  filename      = data.archive_file.app.output_path
  handler       = "main.handler"
}

resource "aws_api_gateway_integration" "data" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  type        = "AWS_PROXY"
  uri         = data.aws_lambda_function.shared.invoke_arn
}
`,
		},
		{
			Name: "no stage in the module, or a mapping for an API from a variable: silent",
			Content: `resource "aws_api_gateway_rest_api" "main" {
  name = "app"
}

resource "aws_api_gateway_integration" "root" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  type        = "AWS_PROXY"
  uri         = aws_lambda_function.app.invoke_arn
}

resource "aws_lambda_function" "app" {
  function_name = "app"
  filename      = data.archive_file.app.output_path
  handler       = "main.handler"
}

resource "aws_api_gateway_rest_api" "other" {
  name = "other"
}

resource "aws_api_gateway_integration" "other" {
  rest_api_id = aws_api_gateway_rest_api.other.id
  type        = "AWS_PROXY"
  uri         = aws_lambda_function.other.invoke_arn
}

resource "aws_api_gateway_stage" "other" {
  rest_api_id = aws_api_gateway_rest_api.other.id
  stage_name  = "prod"
}

resource "aws_api_gateway_base_path_mapping" "somewhere" {
  api_id      = var.api_id
  domain_name = "api.example.com"
}

resource "aws_lambda_function" "other" {
  function_name = "other"
  filename      = data.archive_file.app.output_path
  handler       = "main.handler"
}
`,
		},
		{
			Name: "stages with different names, and a count function: reported without a fix",
			Content: prefixAPI + `
resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = "dev"
}

resource "aws_lambda_function" "app" {
  count         = 1
  function_name = "app"
  filename      = data.archive_file.app.output_path
  handler       = "main.handler"
}
`,
			Expected: helper.Issues{{Message: noStageVar("aws_lambda_function.app", "aws_api_gateway_rest_api.main", `"prod", "dev"`, defaultVars), Range: at(25, 1, 25, 37)}},
		},
		{
			Name:    "JSON syntax: reported without a fix",
			Content: prefixAPI,
			Files:   map[string]string{"fn.tf.json": `{"resource": {"aws_lambda_function": {"app": {"function_name": "app", "filename": "${data.archive_file.app.output_path}", "handler": "main.handler", "environment": {"variables": {"LOG": "x"}}}}}}`},
			Expected: helper.Issues{{Message: noStageVar("aws_lambda_function.app", "aws_api_gateway_rest_api.main", `"prod"`, defaultVars),
				Range: atFile("fn.tf.json", 1, 166, 1, 191)}},
		},
		{
			Name:    "an empty env_vars is an error",
			Config:  "rule \"apigw_stage_prefix_root_path\" {\n  enabled  = true\n  env_vars = []\n}\n",
			Content: prefixAPI,
			WantErr: "env_vars must name at least one environment variable",
		},
	})
}

// The packed application every case's functions run, unless a case says otherwise.
var fastAPISources = map[string]string{
	"src/main.py": "from fastapi import FastAPI\nfrom mangum import Mangum\n\napp = FastAPI(title=\"orders\")\nhandler = Mangum(app)\n",
}

const archiveTF = `data "archive_file" "app" {
  type        = "zip"
  source_dir  = "${path.module}/src"
  output_path = "${path.module}/build/app.zip"
}
`

// wdRunner is the SDK's test runner with the folder tflint would have
// started in: the sources beside the module are read from there.
type wdRunner struct {
	*helper.Runner
	wd string
}

func (r wdRunner) GetOriginalwd() (string, error) { return r.wd, nil }

// runSourceCases runs ruleCases with archive.tf added to each module and
// sources written in the module's folder.
func runSourceCases(t *testing.T, rule tflint.Rule, sources map[string]string, cases []ruleCase) {
	t.Helper()
	wd := t.TempDir()
	for name, text := range sources {
		p := filepath.Join(wd, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run := func(t *testing.T, tc ruleCase, main string) *helper.Runner {
		files := moduleFiles(tc, main)
		files["archive.tf"] = archiveTF
		runner := helper.TestRunner(t, files)
		err := rule.Check(wdRunner{runner, wd})
		if tc.WantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.WantErr) {
				t.Fatalf("Check error = %v, want one containing %q", err, tc.WantErr)
			}
			return nil
		}
		if err != nil {
			t.Fatalf("Check: %s", err)
		}
		return runner
	}
	for _, tc := range cases {
		t.Run(tc.Name, func(t *testing.T) {
			runner := run(t, tc, tc.Content)
			if runner == nil {
				return
			}
			if tc.Expected == nil {
				tc.Expected = helper.Issues{}
			}
			for _, issue := range tc.Expected {
				issue.Rule = rule
			}
			helper.AssertIssues(t, tc.Expected, runner.Issues)
			want := map[string]string{}
			if tc.Fixed != "" {
				want["main.tf"] = tc.Fixed
			}
			helper.AssertChanges(t, want, runner.Changes())
			if tc.Fixed != "" {
				helper.AssertChanges(t, map[string]string{}, run(t, tc, tc.Fixed).Changes())
			}
		})
	}
}

const prefixedFunction = prefixAPI + `
resource "aws_lambda_function" "app" {
  function_name = "app"
  filename      = data.archive_file.app.output_path
  handler       = "main.handler"
}
`

func TestApigwStagePrefixRootPathEvidence(t *testing.T) {
	rule := NewApigwStagePrefixRootPathRule()
	silent := []ruleCase{{Name: "silent", Content: prefixedFunction}}
	for name, sources := range map[string]map[string]string{
		"a plain handler":          {"src/main.py": "import json\n\ndef handler(event, context):\n    return {\"statusCode\": 200, \"body\": json.dumps({\"ok\": True})}\n"},
		"root_path from the stage": {"src/main.py": "import os\nfrom fastapi import FastAPI\nfrom mangum import Mangum\n\nSTAGE = os.getenv(\"API_STAGE\", \"\").strip()\napp = FastAPI(root_path=f\"/{STAGE}\" if STAGE else \"\")\nhandler = Mangum(app)\n"},
		"docs turned off":          {"src/main.py": "from fastapi import FastAPI\nfrom mangum import Mangum\napp = FastAPI(docs_url=None, redoc_url=None)\nhandler = Mangum(app)\n"},
		"Mangum's base path":       {"src/main.py": "from fastapi import FastAPI\nfrom mangum import Mangum\napp = FastAPI()\nhandler = Mangum(app, api_gateway_base_path=\"/prod\")\n"},
		"no sources in the folder": {},
		"the app in another module than the handler's": {
			"src/main.py":  "def handler(event, context):\n    return {\"statusCode\": 200}\n",
			"src/admin.py": "from fastapi import FastAPI\napp = FastAPI()\n",
		},
	} {
		t.Run(name, func(t *testing.T) { runSourceCases(t, rule, sources, silent) })
	}
	t.Run("a handler from a variable", func(t *testing.T) {
		fn := func(decl string) string {
			return prefixAPI + `
variable "handler" {
` + decl + `
}

resource "aws_lambda_function" "app" {
  function_name = "app"
  filename      = data.archive_file.app.output_path
  handler       = var.handler
}
`
		}
		runSourceCases(t, rule, fastAPISources, []ruleCase{
			{Name: "with a default: reported", Content: fn("  type    = string\n  default = \"main.handler\""),
				Expected: helper.Issues{{Message: noStageVar("aws_lambda_function.app", "aws_api_gateway_rest_api.main", `"prod"`, defaultVars), Range: at(25, 1, 25, 37)}},
				Fixed: prefixAPI + `
variable "handler" {
  type    = string
  default = "main.handler"
}

resource "aws_lambda_function" "app" {
  function_name = "app"
  filename      = data.archive_file.app.output_path
  handler       = var.handler

  environment {
    variables = {
      API_STAGE = "prod"
    }
  }
}
`},
			{Name: "without a default: unknown, silent", Content: fn("  type = string")},
		})
	})
	t.Run("the app imported by the handler, a docs page elsewhere", func(t *testing.T) {
		runSourceCases(t, rule, map[string]string{
			"src/main.py":         "from mangum import Mangum\nfrom api.app import app\n\nhandler = Mangum(app)\n",
			"src/api/__init__.py": "",
			"src/api/app.py":      "import fastapi\n\napp = fastapi.FastAPI(\n    title=\"orders\",\n    docs_url=\"/swagger\",\n)\n",
		}, []ruleCase{{
			Name:     "reported",
			Content:  prefixedFunction,
			Expected: helper.Issues{{Message: noRootPath("aws_lambda_function.app", "aws_api_gateway_rest_api.main", `"prod"`, "src/api/app.py:3", defaultVars, "/swagger"), Range: at(20, 1, 20, 37)}},
			Fixed: prefixAPI + `
resource "aws_lambda_function" "app" {
  function_name = "app"
  filename      = data.archive_file.app.output_path
  handler       = "main.handler"

  environment {
    variables = {
      API_STAGE = "prod"
    }
  }
}
`,
		}})
	})
}
