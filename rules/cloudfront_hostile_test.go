package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"

	"github.com/apigw403/tflint-ruleset-apigw403/internal/gentree"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// hostileDistribution has dynamic origins and behaviours, ten origins (one
// of them an API), duplicate and odd-typed ids, for_each behaviours and
// policies that cannot be read.
func hostileDistribution() string {
	var origins strings.Builder
	for i := 0; i < 10; i++ {
		fmt.Fprintf(&origins, `  origin {
    origin_id   = "o%[1]d"
    domain_name = "${aws_api_gateway_rest_api.a.id}.execute-api.${var.region}.amazonaws.com"
    origin_path = %[2]s
  }
`, i, []string{`""`, `"/prod"`, `var.path`, `null`, `5`, `"/"`, `"//x"`, `"/*"`, `["x"]`, `"/prod/extra"`}[i])
	}
	return `
resource "aws_api_gateway_rest_api" "a" {
  name = "a"
}
resource "aws_api_gateway_method" "a" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  http_method = "POST"
}
resource "aws_api_gateway_stage" "a" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  stage_name  = "prod"
}
resource "aws_cloudfront_origin_request_policy" "dyn" {
  headers_config {
    header_behavior = "whitelist"
    dynamic "headers" {
      for_each = var.h
      content {
        items = headers.value
      }
    }
  }
}
resource "aws_cloudfront_origin_request_policy" "odd" {
  headers_config {
    header_behavior = 7
    headers {
      items = { a = 1 }
    }
  }
  headers_config {}
}
data "aws_cloudfront_origin_request_policy" "v" {
  name = var.name
}
resource "aws_cloudfront_distribution" "empty" {}
resource "aws_cloudfront_distribution" "each" {
  for_each = var.dists
  dynamic "origin" {
    for_each = each.value.origins
    content {
      origin_id   = origin.key
      domain_name = origin.value
    }
  }
  default_cache_behavior {
    target_origin_id = each.key
    allowed_methods  = each.value.methods
  }
  dynamic "ordered_cache_behavior" {
    for_each = each.value.behaviors
    content {
      path_pattern     = ordered_cache_behavior.key
      target_origin_id = ordered_cache_behavior.value
    }
  }
}
resource "aws_cloudfront_distribution" "ten" {
  aliases = var.aliases
` + origins.String() + `  origin {
    origin_id = "o1"
  }
  origin {
    origin_id   = 5
    domain_name = 5
  }
  default_cache_behavior {
    target_origin_id         = "o0"
    allowed_methods          = "GET"
    origin_request_policy_id = aws_cloudfront_origin_request_policy.dyn.id
    dynamic "forwarded_values" {
      for_each = var.fv
      content {
        headers = ["Host"]
      }
    }
  }
  ordered_cache_behavior {
    path_pattern             = 5
    target_origin_id         = "o2"
    allowed_methods          = [null, 5, "GET"]
    origin_request_policy_id = aws_cloudfront_origin_request_policy.odd.id
    forwarded_values {
      headers = { Host = true }
    }
    forwarded_values {
      headers = ["Host", "*"]
    }
  }
  ordered_cache_behavior {
    path_pattern             = ""
    target_origin_id         = "o3"
    allowed_methods          = []
    origin_request_policy_id = data.aws_cloudfront_origin_request_policy.v.id
  }
` + strings.Repeat(`  ordered_cache_behavior {
    path_pattern             = "/x/*"
    target_origin_id         = "o4"
    allowed_methods          = ["GET", "HEAD"]
    origin_request_policy_id = "216adef6-5c7f-47e4-b989-5492eafa07d3"
  }
`, 3) + `  ordered_cache_behavior {
    for_each         = var.x
    path_pattern     = "/" 
    target_origin_id = "o9"
    forwarded_values {
      headers = ["Host"]
    }
  }
}
`
}

func TestCloudFrontRulesOnHostileInput(t *testing.T) {
	inputs := map[string]map[string]string{
		"hcl": {"main.tf": hostileDistribution()},
		"json": {"main.tf.json": `{"resource": {"aws_cloudfront_distribution": {"j": {
			"origin": [{"origin_id": "a", "domain_name": "abcde12345.execute-api.eu-west-1.amazonaws.com"}, {"origin_id": 1}],
			"default_cache_behavior": {"target_origin_id": "a", "allowed_methods": ["GET"], "forwarded_values": {"headers": ["Host"]}},
			"ordered_cache_behavior": [{"path_pattern": "/x/*", "target_origin_id": "a", "origin_request_policy_id": "216adef6-5c7f-47e4-b989-5492eafa07d3"}]
		}}}}`},
	}
	for name, files := range inputs {
		t.Run(name, func(t *testing.T) {
			for _, rule := range Around.Rules() {
				runner := helper.TestRunner(t, files)
				if err := rule.Check(runner); err != nil {
					t.Errorf("%s: %s", rule.Name(), err)
				}
				for file, fixed := range runner.Changes() {
					if strings.HasSuffix(file, ".json") {
						t.Errorf("%s fixed a JSON file", rule.Name())
					}
					if _, diags := hclsyntax.ParseConfig(fixed, file, hcl.InitialPos); diags.HasErrors() {
						t.Errorf("%s wrote invalid HCL: %s", rule.Name(), diags)
					}
				}
				t.Logf("%s: %d issues", rule.Name(), len(runner.Issues))
			}
		})
	}
}

// The benchmark tree's distributions and custom domains are written
// correctly: the CloudFront rules find nothing in them.
func TestGeneratedAroundTreeIsClean(t *testing.T) {
	files := gentree.Generate(gentree.Options{APIs: 20, Routes: 2, Around: true})
	runner := helper.TestRunner(t, files)
	for _, rule := range Around.Rules() {
		if err := rule.Check(runner); err != nil {
			t.Fatal(err)
		}
	}
	if len(runner.Issues) != 0 {
		t.Fatalf("issues on the generated tree: %v", runner.Issues)
	}
	g := apigw.Build(parsedFiles(t, files), nil)
	ds := g.Distributions()
	if len(ds) != 2 || len(ds[0].APIOrigins()) != 1 || ds[0].Origins[0].Host.API == nil {
		t.Fatalf("the generated distributions front their APIs: %+v", ds)
	}
}

func parsedFiles(t *testing.T, files map[string]string) map[string]*hcl.File {
	t.Helper()
	out := map[string]*hcl.File{}
	for name, src := range files {
		f, diags := hclsyntax.ParseConfig([]byte(src), name, hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		out[name] = f
	}
	return out
}
