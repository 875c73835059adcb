package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func noStageVar(fn, api, stages, vars string) string {
	return fn + " serves " + api + " through an AWS_PROXY integration on stage " + stages + ", but its environment has none of " + vars + ": API Gateway strips /<stage> from the path the function sees, so frameworks such as FastAPI link /openapi.json without it and Swagger UI at /<stage>/docs gets 403 Forbidden for it"
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
	runRuleCases(t, NewApigwStagePrefixRootPathRule(), []ruleCase{
		{
			Name: "no environment: the block is added",
			Content: prefixAPI + `
resource "aws_lambda_function" "app" {
  function_name = "app"

  lifecycle {
    ignore_changes = [tags]
  }
}
`,
			Expected: helper.Issues{{Message: noStageVar("aws_lambda_function.app", "aws_api_gateway_rest_api.main", `"prod"`, defaultVars), Range: at(20, 1, 20, 37)}},
			Fixed: prefixAPI + `
resource "aws_lambda_function" "app" {
  function_name = "app"

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
  environment {
    variables = {
      LOG_LEVEL = "info"
    }
  }
}
`,
			Expected: helper.Issues{{Message: noStageVar("aws_lambda_function.app", "aws_api_gateway_rest_api.main", `"prod"`, defaultVars), Range: at(23, 5, 25, 6)}},
			Fixed: prefixAPI + `
resource "aws_lambda_function" "app" {
  function_name = "app"
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
  environment {}
}
`,
			Expected: helper.Issues{{Message: noStageVar("aws_lambda_function.app", "aws_api_gateway_rest_api.main", "var.stage", defaultVars), Range: at(22, 3, 22, 14)}},
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
  environment {
    variables = { API_STAGE = "prod" }
  }
}
`,
			Expected: helper.Issues{{Message: noStageVar("aws_lambda_function.app", "aws_api_gateway_rest_api.main", `"prod"`, "FASTAPI_ROOT_PATH"), Range: at(23, 5, 23, 39)}},
			Fixed: prefixAPI + `
resource "aws_lambda_function" "app" {
  function_name = "app"
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
}

resource "aws_api_gateway_integration" "opaque" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  type        = "AWS_PROXY"
  uri         = aws_lambda_function.opaque.invoke_arn
}

resource "aws_lambda_function" "opaque" {
  function_name = "opaque"
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
}
`,
			Expected: helper.Issues{{Message: noStageVar("aws_lambda_function.app", "aws_api_gateway_rest_api.main", `"prod", "dev"`, defaultVars), Range: at(25, 1, 25, 37)}},
		},
		{
			Name:    "JSON syntax: reported without a fix",
			Content: prefixAPI,
			Files:   map[string]string{"fn.tf.json": `{"resource": {"aws_lambda_function": {"app": {"function_name": "app", "environment": {"variables": {"LOG": "x"}}}}}}`},
			Expected: helper.Issues{{Message: noStageVar("aws_lambda_function.app", "aws_api_gateway_rest_api.main", `"prod"`, defaultVars),
				Range: atFile("fn.tf.json", 1, 87, 1, 112)}},
		},
		{
			Name:    "an empty env_vars is an error",
			Config:  "rule \"apigw_stage_prefix_root_path\" {\n  enabled  = true\n  env_vars = []\n}\n",
			Content: prefixAPI,
			WantErr: "env_vars must name at least one environment variable",
		},
	})
}
