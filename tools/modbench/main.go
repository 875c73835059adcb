// Command modbench writes a root module with N calls to local modules, for
// measuring what reporting through module calls costs (docs/modules.md): a
// REST API module (API, a Lambda proxy route, deployment, stage, method
// settings, and -nested more routes through a route module) called N times,
// every third call PRIVATE without a policy and every fifth with a non-POST
// integration verb, so the rules have something to report.
//
// It writes two configurations: .tflint.hcl enables the plugin,
// without-plugin.hcl enables no ruleset at all.
//
//	go run ./tools/modbench -calls 50 -out /tmp/modbench
//	cd /tmp/modbench && /usr/bin/time -f %e tflint --format json --force
//	cd /tmp/modbench && /usr/bin/time -f %e tflint --format json --force --config without-plugin.hcl
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	calls := flag.Int("calls", 50, "number of module calls in the root")
	nested := flag.Int("nested", 0, "route module calls inside each API module (tflint checks each as a module call too)")
	out := flag.String("out", "", "folder to write (created; files of the same names are replaced)")
	flag.Parse()
	if *out == "" {
		log.Fatal("modbench: -out is required")
	}
	for name, src := range generate(*calls, *nested) {
		path := filepath.Join(*out, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

const withPlugin = `plugin "apigw403" {
  enabled = true
}

plugin "terraform" {
  enabled = false
}
`

const withoutPlugin = `plugin "terraform" {
  enabled = false
}
`

func generate(calls, nested int) map[string]string {
	var root strings.Builder
	for i := range calls {
		endpoint, verb := "REGIONAL", "POST"
		if i%3 == 0 {
			endpoint = "PRIVATE"
		}
		if i%5 == 0 {
			verb = "GET"
		}
		fmt.Fprintf(&root, `module "api_%d" {
  source        = "./modules/api"
  name          = "api-%d"
  endpoint_type = %q
  verb          = %q
  nested        = %d
}

`, i, i, endpoint, verb, nested)
	}
	return map[string]string{
		"main.tf":                  root.String(),
		".tflint.hcl":              withPlugin,
		"without-plugin.hcl":       withoutPlugin,
		"modules/api/main.tf":      apiModule,
		"modules/route/main.tf":    routeModule,
		"modules/api/variables.tf": apiVariables,
	}
}

const apiVariables = `variable "name" {
  type = string
}

variable "endpoint_type" {
  type    = string
  default = "REGIONAL"
}

variable "verb" {
  type    = string
  default = "POST"
}

variable "nested" {
  type    = number
  default = 0
}
`

const apiModule = `resource "aws_api_gateway_rest_api" "this" {
  name = var.name

  endpoint_configuration {
    types = [var.endpoint_type]
  }
}

resource "aws_lambda_function" "this" {
  function_name = var.name
  role          = "arn:aws:iam::123456789012:role/${var.name}"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "app.zip"
}

resource "aws_lambda_permission" "this" {
  statement_id  = "apigateway"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.this.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.this.execution_arn}/*/*"
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  parent_id   = aws_api_gateway_rest_api.this.root_resource_id
  path_part   = "items"
}

resource "aws_api_gateway_method" "items" {
  rest_api_id   = aws_api_gateway_rest_api.this.id
  resource_id   = aws_api_gateway_resource.items.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "items" {
  rest_api_id             = aws_api_gateway_rest_api.this.id
  resource_id             = aws_api_gateway_resource.items.id
  http_method             = aws_api_gateway_method.items.http_method
  type                    = "AWS_PROXY"
  integration_http_method = var.verb
  uri                     = aws_lambda_function.this.invoke_arn
}

module "route" {
  source = "../route"
  count  = var.nested

  rest_api_id             = aws_api_gateway_rest_api.this.id
  parent_id               = aws_api_gateway_rest_api.this.root_resource_id
  path_part               = "r${count.index}"
  integration_http_method = var.verb
  function_arn            = aws_lambda_function.this.arn
}

resource "aws_api_gateway_deployment" "this" {
  rest_api_id = aws_api_gateway_rest_api.this.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.items.id,
      aws_api_gateway_method.items.id,
      aws_api_gateway_integration.items.id,
      module.route[*].ids,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "this" {
  rest_api_id   = aws_api_gateway_rest_api.this.id
  deployment_id = aws_api_gateway_deployment.this.id
  stage_name    = "v1"
}

resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.this.stage_name
  method_path = "*/*"

  settings {
    logging_level   = "INFO"
    metrics_enabled = true
  }
}
`

const routeModule = `variable "rest_api_id" {
  type = string
}

variable "parent_id" {
  type = string
}

variable "path_part" {
  type = string
}

variable "integration_http_method" {
  type    = string
  default = "POST"
}

variable "function_arn" {
  type = string
}

resource "aws_api_gateway_resource" "this" {
  rest_api_id = var.rest_api_id
  parent_id   = var.parent_id
  path_part   = var.path_part
}

resource "aws_api_gateway_method" "this" {
  rest_api_id   = var.rest_api_id
  resource_id   = aws_api_gateway_resource.this.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "this" {
  rest_api_id             = var.rest_api_id
  resource_id             = aws_api_gateway_resource.this.id
  http_method             = aws_api_gateway_method.this.http_method
  type                    = "AWS_PROXY"
  integration_http_method = var.integration_http_method
  uri                     = "arn:aws:apigateway:eu-west-1:lambda:path/2015-03-31/functions/${var.function_arn}/invocations"
}

output "ids" {
  value = [aws_api_gateway_resource.this.id, aws_api_gateway_method.this.id, aws_api_gateway_integration.this.id]
}
`
