package apigw

import (
	"testing"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/policy"
)

func TestRoleUsesAndTrust(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_integration" "direct" {
  credentials = aws_iam_role.a.arn
}
resource "aws_api_gateway_authorizer" "wrapped" {
  authorizer_credentials = "${aws_iam_role.b.arn}"
}
resource "aws_apigatewayv2_integration" "name_not_arn" {
  credentials_arn = aws_iam_role.a.name
}
resource "aws_apigatewayv2_authorizer" "data" {
  authorizer_credentials_arn = data.aws_iam_role.x.arn
}
resource "aws_apigatewayv2_integration" "variable" {
  credentials_arn = var.role
}
resource "aws_iam_role" "a" {
  assume_role_policy = jsonencode({
    Statement = [
      { Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "apigateway.amazonaws.com" } },
      { Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = ["lambda.amazonaws.com"] } },
    ]
  })
}
resource "aws_iam_role" "b" {
  assume_role_policy = data.aws_iam_policy_document.b.json
}
data "aws_iam_policy_document" "b" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = ["1"]
    }
  }
}
`}), nil)
	uses := g.RoleUses()
	if len(uses) != 2 || uses[0].Node.Name != "direct" || uses[0].Role.Name != "a" || uses[1].Node.Name != "wrapped" || uses[1].Role.Name != "b" {
		t.Fatalf("uses: %+v", uses)
	}
	a, b := g.TrustOf(uses[0].Role), g.TrustOf(uses[1].Role)
	if got := a.Policy.AssumableBy(APIGatewayService); got != policy.Yes {
		t.Errorf("a: %v", got)
	}
	if _, ok := g.TrustedServices(a); ok {
		t.Error("a has two service statements: no single place to extend")
	}
	if b.Document == nil || b.Policy.AssumableBy(APIGatewayService) != policy.No {
		t.Errorf("b: document %v, %v", b.Document, b.Policy.AssumableBy(APIGatewayService))
	}
	if _, ok := g.TrustedServices(b); ok {
		t.Error("b's statement has a condition: not extended")
	}
}
