package apigw

import "testing"

func TestDomainMapped(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_rest_api" "mapped" { name = "a" }
resource "aws_api_gateway_rest_api" "via_stage" { name = "b" }
resource "aws_api_gateway_rest_api" "alone" { name = "c" }
resource "aws_api_gateway_rest_api" "to_module" { name = "d" }
resource "aws_apigatewayv2_api" "http" { name = "e" }
resource "aws_api_gateway_stage" "b" {
  rest_api_id = aws_api_gateway_rest_api.via_stage.id
  stage_name  = "b"
}
resource "aws_api_gateway_base_path_mapping" "a" {
  api_id      = aws_api_gateway_rest_api.mapped.id
  domain_name = aws_api_gateway_domain_name.d.domain_name
}
resource "aws_apigatewayv2_api_mapping" "b" {
  api_id      = aws_api_gateway_stage.b.rest_api_id
  domain_name = "x.example.com"
  stage       = "b"
}
resource "aws_apigatewayv2_api_mapping" "e" {
  api_id      = aws_apigatewayv2_api.http.id
  domain_name = "y.example.com"
  stage       = "$default"
}
module "domain" {
  source = "./domain"
  api_id = aws_api_gateway_rest_api.to_module.id
}
`}), nil)
	for addr, want := range map[string][2]bool{
		"aws_api_gateway_rest_api.mapped":    {true, true},
		"aws_api_gateway_rest_api.via_stage": {true, true},
		"aws_api_gateway_rest_api.alone":     {false, true},
		"aws_api_gateway_rest_api.to_module": {false, false},
		"aws_apigatewayv2_api.http":          {true, true},
	} {
		mapped, known := g.DomainMapped(g.Lookup(addr).API)
		if mapped != want[0] || known != want[1] {
			t.Errorf("%s: DomainMapped = %v, %v; want %v, %v", addr, mapped, known, want[0], want[1])
		}
	}

	unknown := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_rest_api" "a" { name = "a" }
resource "aws_api_gateway_base_path_mapping" "m" {
  api_id      = var.api_id
  domain_name = "x.example.com"
}
`}), nil)
	if mapped, known := unknown.DomainMapped(unknown.Lookup("aws_api_gateway_rest_api.a").API); mapped || known {
		t.Errorf("a mapping of var.api_id may map any API: got %v, %v", mapped, known)
	}
}

func TestPrivateDNSExecuteAPI(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
data "aws_vpc_endpoint_service" "api" { service = "execute-api" }
resource "aws_vpc_endpoint" "literal" {
  service_name        = "com.amazonaws.eu-west-1.execute-api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
resource "aws_vpc_endpoint" "template" {
  service_name        = "com.amazonaws.${var.region}.execute-api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
resource "aws_vpc_endpoint" "data" {
  service_name        = data.aws_vpc_endpoint_service.api.service_name
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
resource "aws_vpc_endpoint" "no_dns" {
  service_name      = "com.amazonaws.eu-west-1.execute-api"
  vpc_endpoint_type = "Interface"
}
resource "aws_vpc_endpoint" "dns_var" {
  service_name        = "com.amazonaws.eu-west-1.execute-api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = var.dns
}
resource "aws_vpc_endpoint" "s3" {
  service_name        = "com.amazonaws.eu-west-1.s3"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
resource "aws_vpc_endpoint" "service_var" {
  service_name        = var.service
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
`}), nil)
	want := map[string]bool{"literal": true, "template": true, "data": true}
	for _, n := range g.Resources(VPCEndpoint) {
		if got := g.PrivateDNSExecuteAPI(n); got != want[n.Name] {
			t.Errorf("%s: PrivateDNSExecuteAPI = %v", n.Address(), got)
		}
	}
}

func TestIsPublic(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_rest_api" "edge" { name = "a" }
resource "aws_api_gateway_rest_api" "regional" {
  endpoint_configuration { types = ["REGIONAL"] }
}
resource "aws_api_gateway_rest_api" "private" {
  endpoint_configuration { types = ["PRIVATE"] }
}
resource "aws_api_gateway_rest_api" "var" {
  endpoint_configuration { types = var.types }
}
resource "aws_api_gateway_rest_api" "dyn" {
  dynamic "endpoint_configuration" {
    for_each = [1]
    content { types = ["PRIVATE"] }
  }
}
resource "aws_apigatewayv2_api" "http" { name = "h" }
`}), nil)
	want := map[string]bool{"edge": true, "regional": true, "http": true}
	for _, api := range g.APIs() {
		if got := g.IsPublic(api.Node); got != want[api.Node.Name] {
			t.Errorf("%s: IsPublic = %v", api.Key, got)
		}
	}
}

func TestBlocksEverything(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_wafv2_web_acl" "block_all" {
  default_action {
    block {}
  }
  rule {
    name = "managed"
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesCommonRuleSet"
        vendor_name = "AWS"
        rule_action_override {
          name = "SizeRestrictions_BODY"
          action_to_use {
            count {}
          }
        }
      }
    }
  }
  rule {
    name = "counting"
    action {
      count {}
    }
  }
}
resource "aws_wafv2_web_acl" "allow_rule" {
  default_action {
    block {}
  }
  rule {
    name = "office"
    action {
      allow {}
    }
  }
}
resource "aws_wafv2_web_acl" "default_allow" {
  default_action {
    allow {}
  }
}
resource "aws_wafv2_web_acl" "group" {
  default_action {
    block {}
  }
  rule {
    override_action {
      none {}
    }
    statement {
      rule_group_reference_statement { arn = aws_wafv2_rule_group.g.arn }
    }
  }
}
resource "aws_wafv2_web_acl" "override_allow" {
  default_action {
    block {}
  }
  rule {
    override_action {
      none {}
    }
    statement {
      managed_rule_group_statement {
        name        = "x"
        vendor_name = "AWS"
        rule_action_override {
          name = "y"
          action_to_use {
            allow {}
          }
        }
      }
    }
  }
}
resource "aws_wafv2_web_acl" "dynamic_rules" {
  default_action {
    block {}
  }
  dynamic "rule" {
    for_each = var.rules
    content {}
  }
}
resource "aws_wafv2_web_acl_association" "a" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = aws_wafv2_web_acl.block_all.arn
}
resource "aws_wafv2_web_acl_association" "data" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = data.aws_wafv2_web_acl.shared.arn
}
resource "aws_api_gateway_stage" "prod" {
  rest_api_id = "abc"
  stage_name  = "prod"
}
`}), nil)
	for _, n := range g.Resources(WebACL) {
		if got := g.BlocksEverything(n); got != (n.Name == "block_all") {
			t.Errorf("%s: BlocksEverything = %v", n.Address(), got)
		}
	}
	assocs := g.WAFAssociations()
	if len(assocs) != 1 || assocs[0].ACL.Name != "block_all" || assocs[0].Stage.Name != "prod" {
		t.Errorf("WAFAssociations = %+v, want the one of block_all on prod", assocs)
	}
}

func TestSettingsOf(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_rest_api" "a" { name = "a" }
resource "aws_api_gateway_rest_api" "b" { name = "b" }
resource "aws_api_gateway_stage" "prod" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  stage_name  = "prod"
}
resource "aws_api_gateway_stage" "dev" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  stage_name  = "dev"
}
resource "aws_api_gateway_stage" "other" {
  rest_api_id = aws_api_gateway_rest_api.b.id
  stage_name  = "prod"
}
resource "aws_api_gateway_method_settings" "by_ref" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  method_path = "*/*"
  settings {
    logging_level = "INFO"
  }
}
resource "aws_api_gateway_method_settings" "by_name" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  stage_name  = "prod"
  method_path = "items/GET"
  settings {
    logging_level      = "ERROR"
    data_trace_enabled = true
  }
}
resource "aws_api_gateway_method_settings" "by_var" {
  rest_api_id = aws_api_gateway_rest_api.b.id
  stage_name  = var.stage
  method_path = "*/*"
}
`}), nil)
	check := func(stage string, want []string, unsure bool) {
		t.Helper()
		got := g.SettingsOf(g.Lookup("aws_api_gateway_stage." + stage))
		if !equal(addresses(got.Settings), want) || got.Unsure != unsure {
			t.Errorf("SettingsOf(%s) = %v, unsure %v; want %v, %v", stage, addresses(got.Settings), got.Unsure, want, unsure)
		}
	}
	check("prod", []string{"aws_api_gateway_method_settings.by_ref", "aws_api_gateway_method_settings.by_name"}, false)
	check("dev", nil, false)
	check("other", nil, true)

	for name, want := range map[string][2]bool{"by_ref": {true, true}, "by_name": {false, true}, "by_var": {false, true}} {
		on, known := g.LogsEveryMethod(g.Lookup("aws_api_gateway_method_settings." + name))
		if on != want[0] || known != want[1] {
			t.Errorf("%s: LogsEveryMethod = %v, %v", name, on, known)
		}
	}
	if n := len(g.DataTraceAttrs(g.Lookup("aws_api_gateway_method_settings.by_name"))); n != 1 {
		t.Errorf("DataTraceAttrs found %d attributes, want 1", n)
	}
	if g.CloudWatchRoleSet() {
		t.Error("CloudWatchRoleSet without an aws_api_gateway_account")
	}
}

func TestNeverExists(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_stage" "zero" { count = 0 }
resource "aws_api_gateway_stage" "empty" { for_each = {} }
resource "aws_api_gateway_stage" "two" { count = 2 }
resource "aws_api_gateway_stage" "var" { count = var.n }
resource "aws_api_gateway_stage" "one" {}
`}), nil)
	for _, n := range g.Resources(Stage) {
		if got, want := g.NeverExists(n), n.Name == "zero" || n.Name == "empty"; got != want {
			t.Errorf("%s: NeverExists = %v", n.Address(), got)
		}
	}
}
