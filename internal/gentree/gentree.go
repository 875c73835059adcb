// Package gentree generates large Terraform configurations of REST APIs, the
// input of the plugin's benchmarks and of scripts/bench.sh.
package gentree

import (
	"fmt"
	"math/rand"
	"strings"
)

// Options say what to generate.
type Options struct {
	APIs   int     // REST APIs, one file each (apiNNNN.tf)
	Routes int     // routes per API
	Seed   int64   // chooses which deployments are stale
	Stale  float64 // share of deployments written without triggers
	// Extras adds to each REST API a usage plan bound to its stage with an
	// API key, and a resource policy (extraNNNN.tf).
	Extras bool
	// HTTPAPIs adds HTTP APIs with Lambda routes and an auto-deploying
	// stage, one file each (httpNNNN.tf).
	HTTPAPIs int
	// Around adds, per ten REST APIs, a CloudFront distribution in front of
	// one of them and a custom domain with a base path mapping and a Route 53
	// alias record for another (aroundNNNN.tf), all written correctly.
	Around bool
	// Bodies is the share of REST APIs defined by an OpenAPI body instead
	// of resources (every 1/Bodies-th API), written correctly. The forms
	// rotate: jsonencode of an HCL object, templatefile() of a YAML spec in
	// specs/ with the invoke ARN bound, file() of a JSON spec in specs/.
	Bodies float64
}

// Files returns one file per REST API, named apiNNNN.tf: apis REST APIs with
// routes routes each. A share stale of the deployments (chosen with seed)
// have no triggers, so the rules have something to report.
func Files(apis, routes int, seed int64, stale float64) map[string]string {
	return Generate(Options{APIs: apis, Routes: routes, Seed: seed, Stale: stale})
}

// Generate returns the files of a configuration, by name.
func Generate(o Options) map[string]string {
	rng := rand.New(rand.NewSource(o.Seed))
	out := make(map[string]string, o.APIs*2+o.HTTPAPIs)
	bodies := 0
	for i := 0; i < o.APIs; i++ {
		api := fmt.Sprintf("api%04d", i)
		stale := rng.Float64() < o.Stale // drawn for every API, so the resource APIs keep their staleness
		if isBody(i, o.Bodies) {
			form := BodyForms[bodies%len(BodyForms)]
			bodies++
			for name, src := range BodyAPIFiles(api, o.Routes, form) {
				out[name] = src
			}
		} else {
			out[api+".tf"] = APIFile(api, o.Routes, stale)
		}
		if o.Extras {
			out[fmt.Sprintf("extra%04d.tf", i)] = ExtrasFile(api)
		}
		if o.Around && i%10 == 0 {
			domainAPI := api
			if i+5 < o.APIs {
				domainAPI = fmt.Sprintf("api%04d", i+5)
			}
			out[fmt.Sprintf("around%04d.tf", i)] = AroundFile(api, domainAPI)
		}
	}
	for i := 0; i < o.HTTPAPIs; i++ {
		name := fmt.Sprintf("http%04d", i)
		out[name+".tf"] = HTTPAPIFile(name, o.Routes)
	}
	if o.APIs > 0 {
		out["account.tf"] = AccountFile
	}
	return out
}

// AccountFile sets the account's CloudWatch role, as a root whose stages log
// does: the tree's findings are its deliberately stale deployments, not one
// notice per stage.
const AccountFile = `resource "aws_iam_role" "apigw_cloudwatch" {
  name = "apigw-cloudwatch"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "apigateway.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_api_gateway_account" "this" {
  cloudwatch_role_arn = aws_iam_role.apigw_cloudwatch.arn
}
`

// isBody says whether API i is one of the share defined by a body: the APIs
// where the running count of share*(i+1) steps up (share 0.25: 3, 7, 11...).
func isBody(i int, share float64) bool {
	if share <= 0 {
		return false
	}
	return int(share*float64(i+1)) > int(share*float64(i))
}

// ExtrasFile adds to a REST API (from APIFile) an API key, a usage plan
// bound to its stage, the usage plan key, and a resource policy.
func ExtrasFile(api string) string {
	return fmt.Sprintf(`resource "aws_api_gateway_api_key" %[1]q {
  name = %[1]q
}

resource "aws_api_gateway_usage_plan" %[1]q {
  name = %[1]q

  api_stages {
    api_id = aws_api_gateway_rest_api.%[1]s.id
    stage  = aws_api_gateway_stage.%[1]s.stage_name
  }

  throttle_settings {
    burst_limit = 100
    rate_limit  = 50
  }
}

resource "aws_api_gateway_usage_plan_key" %[1]q {
  key_id        = aws_api_gateway_api_key.%[1]s.id
  key_type      = "API_KEY"
  usage_plan_id = aws_api_gateway_usage_plan.%[1]s.id
}

resource "aws_api_gateway_rest_api_policy" %[1]q {
  rest_api_id = aws_api_gateway_rest_api.%[1]s.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "${aws_api_gateway_rest_api.%[1]s.execution_arn}/*"
    }]
  })
}
`, api)
}

// AroundFile puts a CloudFront distribution in front of cdnAPI's stage
// (host from the stage's invoke_url, origin_path naming the stage, every
// method allowed, AllViewerExceptHostHeader) and gives domainAPI a regional
// custom domain, its base path mapping and a Route 53 alias to the domain's
// regional name. Both APIs come from APIFile.
func AroundFile(cdnAPI, domainAPI string) string {
	return fmt.Sprintf(`resource "aws_cloudfront_distribution" %[1]q {
  enabled = true

  origin {
    origin_id   = %[1]q
    domain_name = split("/", aws_api_gateway_stage.%[1]s.invoke_url)[2]
    origin_path = "/${aws_api_gateway_stage.%[1]s.stage_name}"

    custom_origin_config {
      http_port              = 80
      https_port             = 443
      origin_protocol_policy = "https-only"
      origin_ssl_protocols   = ["TLSv1.2"]
    }
  }

  default_cache_behavior {
    target_origin_id         = %[1]q
    viewer_protocol_policy   = "redirect-to-https"
    allowed_methods          = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
    origin_request_policy_id = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

resource "aws_api_gateway_domain_name" %[2]q {
  domain_name              = "%[2]s.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/%[2]s"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_base_path_mapping" %[2]q {
  api_id      = aws_api_gateway_rest_api.%[2]s.id
  stage_name  = aws_api_gateway_stage.%[2]s.stage_name
  domain_name = aws_api_gateway_domain_name.%[2]s.domain_name
}

resource "aws_route53_record" %[2]q {
  zone_id = "Z0123456789ABCDEFGHIJ"
  name    = aws_api_gateway_domain_name.%[2]s.domain_name
  type    = "A"

  alias {
    name                   = aws_api_gateway_domain_name.%[2]s.regional_domain_name
    zone_id                = aws_api_gateway_domain_name.%[2]s.regional_zone_id
    evaluate_target_health = false
  }
}
`, cdnAPI, domainAPI)
}

// HTTPAPIFile is one HTTP API with routes to a Lambda function and an
// auto-deploying stage.
func HTTPAPIFile(name string, routes int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "resource \"aws_apigatewayv2_api\" %q {\n  name          = %q\n  protocol_type = \"HTTP\"\n}\n\n", name, name)
	b.WriteString(lambdaText(name, "aws_apigatewayv2_api"))
	fmt.Fprintf(&b, `resource "aws_apigatewayv2_integration" %[1]q {
  api_id                 = aws_apigatewayv2_api.%[1]s.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.%[1]s.invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_stage" %[1]q {
  api_id      = aws_apigatewayv2_api.%[1]s.id
  name        = "$default"
  auto_deploy = true
}

`, name)
	for r := 0; r < routes; r++ {
		fmt.Fprintf(&b, `resource "aws_apigatewayv2_route" "%[1]s_r%02[2]d" {
  api_id    = aws_apigatewayv2_api.%[1]s.id
  route_key = "GET /r%[2]d"
  target    = "integrations/${aws_apigatewayv2_integration.%[1]s.id}"
}

`, name, r)
	}
	return b.String()
}

// APIFile is one REST API with its routes (resource, method, Lambda proxy
// integration), a Lambda function and permission, a deployment (with
// triggers unless stale), a stage and method settings.
func APIFile(api string, routes int, stale bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "resource \"aws_api_gateway_rest_api\" %q {\n  name = %q\n}\n\n", api, api)
	b.WriteString(lambdaText(api, "aws_api_gateway_rest_api"))
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
	b.WriteString(stageText(api))
	return b.String()
}

// stageText is the stage "prod" of the API's deployment and its method
// settings (execution logs on).
func stageText(api string) string {
	return fmt.Sprintf(`resource "aws_api_gateway_stage" %[1]q {
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
}

// lambdaText is a Lambda function named name and the permission that lets
// the API of type apiType and the same name invoke it on every route.
func lambdaText(name, apiType string) string {
	return fmt.Sprintf(`resource "aws_lambda_function" %[1]q {
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
  source_arn    = "${%[2]s.%[1]s.execution_arn}/*/*"
}

`, name, apiType)
}
