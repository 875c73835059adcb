package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func wafBlocks(acl, stages string) string {
	return acl + ` blocks by default and no rule allows: every call to ` + stages + ` answers 403 Forbidden {"message":"Forbidden"}`
}

const wafStages = `resource "aws_api_gateway_stage" "prod" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "prod"
}

resource "aws_api_gateway_stage" "dev" {
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = "dev"
}
`

func TestApigwWafDefaultBlock(t *testing.T) {
	runRuleCases(t, NewApigwWafDefaultBlockRule(), []ruleCase{
		{
			Name: "default block with managed rule groups and counting rules only",
			Content: wafStages + `
resource "aws_wafv2_web_acl" "api" {
  name  = "api"
  scope = "REGIONAL"

  default_action {
    block {}
  }

  rule {
    name     = "common"
    priority = 1

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesCommonRuleSet"
        vendor_name = "AWS"
      }
    }
  }

  rule {
    name     = "watch"
    priority = 2

    action {
      count {}
    }
  }
}

resource "aws_wafv2_web_acl_association" "prod" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = aws_wafv2_web_acl.api.arn
}

resource "aws_wafv2_web_acl_association" "dev" {
  resource_arn = aws_api_gateway_stage.dev.arn
  web_acl_arn  = aws_wafv2_web_acl.api.arn
}
`,
			Expected: helper.Issues{{Message: wafBlocks("aws_wafv2_web_acl.api", "aws_api_gateway_stage.prod, aws_api_gateway_stage.dev"), Range: at(15, 3, 15, 17)}},
		},
		{
			Name: "left alone: an allow rule, default allow, a rule group reference, an unassociated ACL",
			Content: wafStages + `
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
      rule_group_reference_statement {
        arn = aws_wafv2_rule_group.partners.arn
      }
    }
  }
}

resource "aws_wafv2_web_acl" "unused" {
  default_action {
    block {}
  }
}

resource "aws_wafv2_web_acl_association" "a" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = aws_wafv2_web_acl.allow_rule.arn
}

resource "aws_wafv2_web_acl_association" "b" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = aws_wafv2_web_acl.default_allow.arn
}

resource "aws_wafv2_web_acl_association" "c" {
  resource_arn = aws_api_gateway_stage.dev.arn
  web_acl_arn  = aws_wafv2_web_acl.group.arn
}
`,
		},
		{
			Name: "ACL from a data source or a variable, rules from a dynamic block, stage from a variable",
			Content: wafStages + `
resource "aws_wafv2_web_acl" "dynamic" {
  default_action {
    block {}
  }

  dynamic "rule" {
    for_each = var.rules
    content {
      name = rule.value.name
    }
  }
}

resource "aws_wafv2_web_acl" "blocking" {
  default_action {
    block {}
  }
}

resource "aws_wafv2_web_acl_association" "a" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = data.aws_wafv2_web_acl.shared.arn
}

resource "aws_wafv2_web_acl_association" "b" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = var.web_acl_arn
}

resource "aws_wafv2_web_acl_association" "c" {
  resource_arn = aws_api_gateway_stage.dev.arn
  web_acl_arn  = aws_wafv2_web_acl.dynamic.arn
}

resource "aws_wafv2_web_acl_association" "d" {
  resource_arn = var.stage_arn
  web_acl_arn  = aws_wafv2_web_acl.blocking.arn
}
`,
		},
		{
			Name:    "JSON syntax",
			Content: wafStages,
			Files: map[string]string{"waf.tf.json": `{
  "resource": {
    "aws_wafv2_web_acl": {
      "api": {
        "default_action": {"block": {}}
      }
    },
    "aws_wafv2_web_acl_association": {
      "prod": {
        "resource_arn": "${aws_api_gateway_stage.prod.arn}",
        "web_acl_arn": "${aws_wafv2_web_acl.api.arn}"
      }
    }
  }
}`},
			Expected: helper.Issues{{Message: wafBlocks("aws_wafv2_web_acl.api", "aws_api_gateway_stage.prod"), Range: atFile("waf.tf.json", 5, 27, 5, 28)}},
		},
	})
}
