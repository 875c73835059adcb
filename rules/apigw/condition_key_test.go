package apigw

import (
	"testing"
)

func TestConditionKeyRange(t *testing.T) {
	src := `
resource "aws_api_gateway_rest_api" "a" {
  policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "*"
      Condition = { IpAddress = { "aws:SourceIp" = ["10.0.0.0/8"] } }
    }]
  })
}
resource "aws_api_gateway_rest_api" "b" {
  policy = data.aws_iam_policy_document.b.json
}
data "aws_iam_policy_document" "b" {
  statement {
    actions   = ["execute-api:Invoke"]
    resources = ["*"]
    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["10.0.0.0/8"]
    }
  }
}
resource "aws_api_gateway_rest_api" "c" {
  policy = <<EOT
{"Statement": [{"Effect": "Allow", "Action": "execute-api:Invoke", "Resource": "*",
  "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}]}
EOT
}
`
	files := parseModule(t, map[string]string{"main.tf": src})
	g := Build(files, nil)
	for addr, want := range map[string]string{
		"aws_api_gateway_rest_api.a": `"aws:SourceIp"`,
		"aws_api_gateway_rest_api.b": `"aws:SourceIp"`,
		"aws_api_gateway_rest_api.c": "",
	} {
		docs, _ := g.Policies(g.Lookup(addr).API)
		if len(docs) != 1 || len(docs[0].Policy.Statements) != 1 || len(docs[0].Policy.Statements[0].Conditions) != 1 {
			t.Fatalf("%s: the policy is not read as one statement with one condition", addr)
		}
		rng, ok := g.ConditionKeyRange(docs[0].Policy.Statements[0].Conditions[0])
		got := ""
		if ok {
			got = string(rng.SliceBytes(files["main.tf"].Bytes))
		}
		if got != want {
			t.Errorf("%s: ConditionKeyRange covers %q, want %q", addr, got, want)
		}
	}
}
