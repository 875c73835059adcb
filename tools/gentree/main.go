// Command gentree writes a large Terraform configuration of REST APIs for
// measuring the plugin: N files, one API each, with M routes (resource,
// method, Lambda proxy integration), a Lambda function and permission, a
// deployment with triggers, a stage and method settings. A fraction of the
// deployments has no triggers, so the rules have something to report.
//
//	go run ./tools/gentree -apis 200 -routes 10 -out /tmp/tree
package main

import (
	"flag"
	"fmt"
	"log"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	apis := flag.Int("apis", 200, "number of REST APIs, one file each")
	routes := flag.Int("routes", 10, "routes per API")
	out := flag.String("out", "", "folder to write (created; existing .tf files are replaced)")
	seed := flag.Int64("seed", 1, "seed for which deployments lack triggers")
	stale := flag.Float64("stale", 0.1, "share of deployments written without triggers")
	flag.Parse()
	if *out == "" {
		log.Fatal("gentree: -out is required")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	rng := rand.New(rand.NewSource(*seed))
	for i := 0; i < *apis; i++ {
		src := apiFile(fmt.Sprintf("api%04d", i), *routes, rng.Float64() < *stale)
		if err := os.WriteFile(filepath.Join(*out, fmt.Sprintf("api%04d.tf", i)), []byte(src), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	config := "plugin \"terraform\" {\n  enabled = false\n}\n"
	if err := os.WriteFile(filepath.Join(*out, ".tflint.hcl"), []byte(config), 0o644); err != nil {
		log.Fatal(err)
	}
}

func apiFile(api string, routes int, stale bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "resource \"aws_api_gateway_rest_api\" %q {\n  name = %q\n}\n\n", api, api)
	fmt.Fprintf(&b, `resource "aws_lambda_function" %[1]q {
  function_name = %[1]q
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "app.handler"
  runtime       = "python3.12"
  filename      = "app.zip"
}

resource "aws_lambda_permission" %[1]q {
  statement_id  = "AllowAPIGateway"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.%[1]s.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_api_gateway_rest_api.%[1]s.execution_arn}/*/*"
}

`, api)
	var members []string
	for r := 0; r < routes; r++ {
		route := fmt.Sprintf("%s_r%02d", api, r)
		fmt.Fprintf(&b, `resource "aws_api_gateway_resource" %[2]q {
  rest_api_id = aws_api_gateway_rest_api.%[1]s.id
  parent_id   = aws_api_gateway_rest_api.%[1]s.root_resource_id
  path_part   = "r%[3]d"
}

resource "aws_api_gateway_method" %[2]q {
  rest_api_id   = aws_api_gateway_rest_api.%[1]s.id
  resource_id   = aws_api_gateway_resource.%[2]s.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" %[2]q {
  rest_api_id             = aws_api_gateway_rest_api.%[1]s.id
  resource_id             = aws_api_gateway_resource.%[2]s.id
  http_method             = aws_api_gateway_method.%[2]s.http_method
  type                    = "AWS_PROXY"
  integration_http_method = "POST"
  uri                     = aws_lambda_function.%[1]s.invoke_arn
}

`, api, route, r)
		for _, t := range []string{"resource", "method", "integration"} {
			members = append(members, fmt.Sprintf("      aws_api_gateway_%s.%s.id,\n", t, route))
		}
	}
	fmt.Fprintf(&b, "resource \"aws_api_gateway_deployment\" %q {\n  rest_api_id = aws_api_gateway_rest_api.%s.id\n", api, api)
	if !stale {
		b.WriteString("\n  triggers = {\n    redeployment = sha1(jsonencode([\n" + strings.Join(members, "") + "    ]))\n  }\n")
	}
	b.WriteString("\n  lifecycle {\n    create_before_destroy = true\n  }\n}\n\n")
	fmt.Fprintf(&b, `resource "aws_api_gateway_stage" %[1]q {
  rest_api_id   = aws_api_gateway_rest_api.%[1]s.id
  deployment_id = aws_api_gateway_deployment.%[1]s.id
  stage_name    = "prod"
}

resource "aws_api_gateway_method_settings" %[1]q {
  rest_api_id = aws_api_gateway_rest_api.%[1]s.id
  stage_name  = aws_api_gateway_stage.%[1]s.stage_name
  method_path = "*/*"

  settings {
    logging_level   = "INFO"
    metrics_enabled = true
  }
}
`, api)
	return b.String()
}
