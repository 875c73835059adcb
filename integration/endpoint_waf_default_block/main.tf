# apigw_waf_default_block through the real tflint: count stages and
# associations, an ACL from a local, rules from a dynamic block.

locals {
  shared_acl_arn = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/shared/abc"
  allowed_ips    = ["203.0.113.0/24"]
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_stage" "env" {
  count         = 2
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = aws_api_gateway_deployment.orders.id
  stage_name    = "env${count.index}"
}

resource "aws_api_gateway_method_settings" "env" {
  count       = length(aws_api_gateway_stage.env)
  rest_api_id = aws_api_gateway_rest_api.orders.id
  stage_name  = aws_api_gateway_stage.env[count.index].stage_name
  method_path = "*/*"

  settings {
    logging_level = "ERROR"
  }
}

# Reported: blocks by default, only a managed rule group.
resource "aws_wafv2_web_acl" "strict" {
  name  = "strict"
  scope = "REGIONAL"

  default_action {
    block {}
  }

  rule {
    name     = "known-bad-inputs"
    priority = 1

    override_action {
      none {}
    }

    statement {
      managed_rule_group_statement {
        name        = "AWSManagedRulesKnownBadInputsRuleSet"
        vendor_name = "AWS"
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = false
      metric_name                = "known-bad-inputs"
      sampled_requests_enabled   = false
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = false
    metric_name                = "strict"
    sampled_requests_enabled   = false
  }
}

resource "aws_wafv2_web_acl_association" "strict" {
  count        = length(aws_api_gateway_stage.env)
  resource_arn = aws_api_gateway_stage.env[count.index].arn
  web_acl_arn  = aws_wafv2_web_acl.strict.arn
}

# Not reported: the allowing rules come from a dynamic block.
resource "aws_wafv2_web_acl" "partners" {
  name  = "partners"
  scope = "REGIONAL"

  default_action {
    block {}
  }

  dynamic "rule" {
    for_each = local.allowed_ips
    content {
      name     = "allow-${rule.key}"
      priority = rule.key

      action {
        allow {}
      }

      statement {
        ip_set_reference_statement {
          arn = aws_wafv2_ip_set.partners.arn
        }
      }

      visibility_config {
        cloudwatch_metrics_enabled = false
        metric_name                = "allow-${rule.key}"
        sampled_requests_enabled   = false
      }
    }
  }

  visibility_config {
    cloudwatch_metrics_enabled = false
    metric_name                = "partners"
    sampled_requests_enabled   = false
  }
}

resource "aws_wafv2_web_acl_association" "partners" {
  resource_arn = aws_api_gateway_stage.env[0].arn
  web_acl_arn  = aws_wafv2_web_acl.partners.arn
}

# Not reported: the ACL is only known by its ARN.
resource "aws_wafv2_web_acl_association" "shared" {
  resource_arn = aws_api_gateway_stage.env[1].arn
  web_acl_arn  = local.shared_acl_arn
}
