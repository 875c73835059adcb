// Package gentree generates large Terraform configurations of REST APIs, the
// input of the plugin's benchmarks and of scripts/bench.sh.
package gentree

import (
	"fmt"
	"math/rand"
	"strings"
)

// Files returns one file per API, named apiNNNN.tf: apis REST APIs with
// routes routes each. A share stale of the deployments (chosen with seed)
// have no triggers, so the rules have something to report.
func Files(apis, routes int, seed int64, stale float64) map[string]string {
	rng := rand.New(rand.NewSource(seed))
	out := make(map[string]string, apis)
	for i := 0; i < apis; i++ {
		out[fmt.Sprintf("api%04d.tf", i)] = APIFile(fmt.Sprintf("api%04d", i), routes, rng.Float64() < stale)
	}
	return out
}

// APIFile is one REST API with its routes (resource, method, Lambda proxy
// integration), a Lambda function and permission, a deployment (with
// triggers unless stale), a stage and method settings.
func APIFile(api string, routes int, stale bool) string {
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
