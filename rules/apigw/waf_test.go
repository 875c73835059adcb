package apigw

import "testing"

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
