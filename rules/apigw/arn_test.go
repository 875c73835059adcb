package apigw

import (
	"errors"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// varHost evaluates var.exec_arn as its default, as tflint would; every
// other expression is unknown.
func varHost(expr hcl.Expression) (cty.Value, error) {
	if vars := expr.Variables(); len(vars) == 1 && TraversalText(vars[0]) == "var.exec_arn" {
		return cty.StringVal("arn:aws:execute-api:us-east-1:123456789012:abc"), nil
	}
	return cty.NilVal, errors.New("unknown value")
}

func TestSourcePattern(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
variable "exec_arn" {
  default = "arn:aws:execute-api:us-east-1:123456789012:abc"
}
resource "aws_api_gateway_rest_api" "a" {
  name = "a"
}
resource "aws_api_gateway_stage" "prod" {
  rest_api_id = aws_api_gateway_rest_api.a.id
  stage_name  = "prod"
}
resource "aws_lambda_permission" "p" {
  t1 = "${aws_api_gateway_rest_api.a.execution_arn}/*/GET/items"
  t2 = aws_api_gateway_rest_api.a.execution_arn
  t3 = "arn:aws:execute-api:${var.region}:${data.aws_caller_identity.c.account_id}:${aws_api_gateway_rest_api.a.id}/*/*"
  t4 = "${aws_api_gateway_stage.prod.execution_arn}/GET/*"
  t5 = "${var.exec_arn}/*/*"
  t6 = "${var.other}/*/*"
  t7 = format("%s/*/*", aws_api_gateway_rest_api.a.execution_arn)
  t8 = "${aws_api_gateway_rest_api.a.arn}/*/*"
}
`, "b.tf.json": `{"resource": {"aws_lambda_permission": {"j": {"source_arn": "${aws_api_gateway_rest_api.a.execution_arn}/*/POST/x"}}}}`}), varHost)
	p := g.Lookup("aws_lambda_permission.p").Syntax.Body.Attributes
	api := "{api:aws_api_gateway_rest_api.a}"
	exec := "arn:{some}:execute-api:{some}:{some}:" + api
	want := map[string]string{
		"t1": exec + "/*/GET/items",
		"t2": exec,
		"t3": "arn:aws:execute-api:*:*:" + api + "/*/*",
		"t4": exec + "/prod/GET/*",
		"t5": "arn:aws:execute-api:us-east-1:123456789012:abc/*/*",
		"t6": "*/*/*",
		"t7": "*",
		"t8": "*/*/*",
	}
	// ParsePattern-built text renders wildcards as *, so compare strings.
	for name, w := range want {
		got, ok := g.SourcePattern(p[name].Expr)
		if !ok || got.String() != w {
			t.Errorf("%s: pattern %q (%v), want %q", name, got, ok, w)
		}
	}
	j := g.Lookup("aws_lambda_permission.j").Block.Body.Attributes["source_arn"]
	if got, _ := g.SourcePattern(j.Expr); got.String() != exec+"/*/POST/x" {
		t.Errorf("JSON: pattern %q", got)
	}
}
