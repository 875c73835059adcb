package rules

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

// aroundHostileInputs are unusual shapes of what stands around an API:
// records, custom domains, truststores, private-API conditions. No rule may
// panic or fail on them, and any fix must leave valid HCL.
var aroundHostileInputs = map[string]string{
	"empty blocks": `
resource "aws_route53_record" "a" {
  alias {}
}
resource "aws_route53_record" "b" {}
resource "aws_api_gateway_domain_name" "a" {
  endpoint_configuration {}
  mutual_tls_authentication {}
}
resource "aws_apigatewayv2_domain_name" "a" {
  domain_name_configuration {}
  mutual_tls_authentication {}
}
resource "aws_s3_object" "a" {}
resource "aws_s3_bucket_object" "a" {}
resource "aws_s3_bucket" "a" {
  versioning {}
}
resource "aws_s3_bucket_versioning" "a" {
  versioning_configuration {}
}
resource "aws_vpc_endpoint" "a" {}
resource "aws_api_gateway_base_path_mapping" "a" {}
resource "aws_apigatewayv2_api_mapping" "a" {}
`,
	"dynamic blocks and duplicates": `
resource "aws_route53_record" "a" {
  type = "A"
  dynamic "alias" {
    for_each = var.aliases
    content {
      name    = alias.value.name
      zone_id = alias.value.zone
    }
  }
}
resource "aws_route53_record" "two" {
  type = "A"
  alias {
    name    = aws_api_gateway_domain_name.a.regional_domain_name
    zone_id = aws_api_gateway_domain_name.a.regional_zone_id
  }
  alias {
    name    = "x"
    zone_id = "y"
  }
}
resource "aws_api_gateway_domain_name" "a" {
  domain_name = "a.example.com"
  dynamic "endpoint_configuration" {
    for_each = [1]
    content { types = ["REGIONAL"] }
  }
  dynamic "mutual_tls_authentication" {
    for_each = [1]
    content { truststore_uri = "s3://${aws_s3_object.t.bucket}/${aws_s3_object.t.key}" }
  }
}
resource "aws_apigatewayv2_domain_name" "two" {
  domain_name = "two.example.com"
  mutual_tls_authentication { truststore_uri = "s3://b/k" }
  mutual_tls_authentication { truststore_uri = "s3://b/k" }
}
resource "aws_s3_object" "t" {
  bucket = aws_s3_bucket.b.id
  key    = "t.pem"
}
resource "aws_s3_bucket" "b" {
  bucket = "b"
  dynamic "versioning" {
    for_each = [1]
    content { enabled = true }
  }
}
resource "aws_s3_bucket_versioning" "b" {
  bucket = aws_s3_bucket.b.id
  dynamic "versioning_configuration" {
    for_each = [1]
    content { status = "Enabled" }
  }
}
`,
	"values of the wrong type": `
resource "aws_route53_record" "a" {
  type    = "CNAME"
  records = [null, 1, {}, ["a"], "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com"]
}
resource "aws_route53_record" "b" {
  type    = "CNAME"
  records = "a1b2c3d4e5.execute-api.us-east-1.amazonaws.com"
}
resource "aws_route53_record" "c" {
  type = ["A"]
  alias {
    name    = null
    zone_id = 12
  }
}
resource "aws_api_gateway_domain_name" "a" {
  domain_name = 1
  endpoint_configuration { types = "EDGE" }
  mutual_tls_authentication {
    truststore_uri     = "s3://"
    truststore_version = null
  }
}
resource "aws_api_gateway_domain_name" "b" {
  domain_name = ["x"]
  endpoint_configuration { types = [1, "EDGE"] }
  mutual_tls_authentication { truststore_uri = "s3:///" }
}
resource "aws_api_gateway_domain_name" "c" {
  endpoint_configuration { types = [] }
  mutual_tls_authentication { truststore_uri = 5 }
}
resource "aws_s3_object" "a" {
  bucket = 1
  key    = null
}
resource "aws_s3_bucket" "a" {
  bucket = null
  versioning { enabled = "yes" }
}
resource "aws_vpc_endpoint" "a" { service_name = "." }
resource "aws_vpc_endpoint" "b" { service_name = "com.amazonaws.${var.r}." }
resource "aws_api_gateway_rest_api" "p" {
  endpoint_configuration { types = ["PRIVATE"] }
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Principal = "*", Action = "execute-api:Invoke", Resource = "*",
        Condition = { IpAddress = { "aws:SourceIp" = null } } },
      { Effect = "Allow", Principal = "*", Action = "execute-api:Invoke", Resource = "*",
        Condition = { IpAddress = { "aws:SourceIp" = [["10.0.0.0/8"]] } } },
      { Effect = "Deny", Principal = "*", Action = "execute-api:Invoke", Resource = "*",
        Condition = { NotIpAddress = { "aws:SourceIp" = {} } } },
      { Effect = "Allow", Principal = "*", Action = "execute-api:Invoke", Resource = "*",
        Condition = { StringEquals = { "aws:SourceVpce" = [aws_vpc_endpoint.a.id, null] } } },
      { Effect = "Allow", Principal = "*", Action = "execute-api:Invoke", Resource = "*",
        Condition = { StringEquals = { "aws:SourceVpce" = aws_vpc_endpoint.b[*].id } } },
    ]
  })
}
`,
	"references in a cycle": `
resource "aws_s3_bucket_versioning" "a" {
  bucket = aws_s3_bucket_versioning.b.bucket
  versioning_configuration { status = "Enabled" }
}
resource "aws_s3_bucket_versioning" "b" {
  bucket = aws_s3_bucket_versioning.a.bucket
  versioning_configuration { status = "Enabled" }
}
resource "aws_s3_bucket_versioning" "self" {
  bucket = aws_s3_bucket_versioning.self.bucket
}
resource "aws_s3_object" "t" {
  bucket = aws_s3_bucket_versioning.a.bucket
  key    = "t.pem"
}
resource "aws_api_gateway_domain_name" "d" {
  domain_name = "d.example.com"
  mutual_tls_authentication { truststore_uri = "s3://x/t.pem" }
}
resource "aws_route53_record" "r" {
  name = aws_route53_record.r.fqdn
  alias {
    name    = aws_route53_record.r.fqdn
    zone_id = aws_route53_record.r.zone_id
  }
}
`,
	"invoke URLs in unusual places": `
resource "aws_api_gateway_deployment" "d" {
  rest_api_id = "x"
}
resource "aws_api_gateway_stage" "s" {
  rest_api_id   = "x"
  deployment_id = aws_api_gateway_deployment.d.id
  stage_name    = aws_api_gateway_deployment.d.invoke_url
}
provider "http" {
  url = aws_api_gateway_deployment.d.invoke_url
}
check "up" {
  data "http" "up" {
    url = aws_api_gateway_deployment.d.invoke_url
  }
  assert {
    condition     = data.http.up.status_code == 200
    error_message = "${aws_api_gateway_deployment.d.invoke_url} is down"
  }
}
output "both" {
  value = "${aws_api_gateway_deployment.d.invoke_url}${aws_api_gateway_deployment.d.invoke_url}"
}
output "splat" {
  value = aws_api_gateway_deployment.d[*].invoke_url
}
`,
}

func TestNoRulePanicsAroundTheAPI(t *testing.T) {
	inputs := map[string]string{}
	for k, v := range aroundHostileInputs {
		inputs[k] = v
	}
	inputs["many domains, records and origins from for_each"] = manyDomains(10)
	for name, src := range inputs {
		t.Run(name, func(t *testing.T) {
			if _, diags := hclsyntax.ParseConfig([]byte(src), "main.tf", hcl.InitialPos); diags.HasErrors() {
				t.Fatalf("the input is not valid HCL: %s", diags)
			}
			for _, rule := range All() {
				runner := helper.TestRunner(t, map[string]string{"main.tf": src})
				if err := rule.(guardedRule).Rule.Check(runner); err != nil {
					t.Errorf("%s: %s", rule.Name(), err)
				}
				for file, fixed := range runner.Changes() {
					if _, diags := hclsyntax.ParseConfig(fixed, file, hcl.InitialPos); diags.HasErrors() {
						t.Errorf("%s wrote invalid HCL: %s", rule.Name(), diags)
					}
				}
			}
		})
	}
}

// manyDomains is n custom domains, each with a for_each record and a
// mapping, next to a wrong alias.
func manyDomains(n int) string {
	var b strings.Builder
	b.WriteString(`resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}
`)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `resource "aws_apigatewayv2_domain_name" "d%[1]d" {
  domain_name = "d%[1]d.example.com"
  domain_name_configuration {
    endpoint_type = "REGIONAL"
  }
}
resource "aws_apigatewayv2_api_mapping" "d%[1]d" {
  api_id      = aws_apigatewayv2_api.http.id
  domain_name = aws_apigatewayv2_domain_name.d%[1]d.id
  stage       = "$default"
}
resource "aws_route53_record" "d%[1]d" {
  for_each = toset(["A", "AAAA"])
  zone_id  = "Z1"
  name     = aws_apigatewayv2_domain_name.d%[1]d.domain_name
  type     = each.value
  alias {
    name                   = aws_apigatewayv2_domain_name.d%[1]d.domain_name
    zone_id                = aws_apigatewayv2_domain_name.d%[1]d.domain_name_configuration[0].hosted_zone_id
    evaluate_target_health = false
  }
}
`, i)
	}
	return b.String()
}
