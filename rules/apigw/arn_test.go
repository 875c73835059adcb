package apigw

import (
	"errors"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

func TestARNMatching(t *testing.T) {
	api := &API{Key: "aws_api_gateway_rest_api.a", Node: &Node{}}
	other := &API{Key: "aws_api_gateway_rest_api.b", Node: &Node{}}
	byVariable := &API{Key: "var.api_id"}
	exec := func(a *API) ARN { return ARN{}.ExecutionARN(a) }
	call := func(a *API, rest ARN) ARN { return append(exec(a), rest...) }

	cases := []struct {
		name    string
		pattern ARN
		subject ARN
		want    bool
	}{
		{"execution_arn/*/* covers a method", append(exec(api), ParsePattern("/*/*")...), call(api, ARN{}.Text("/prod/GET/items")), true},
		{"execution_arn/* covers a method: * spans /", append(exec(api), ParsePattern("/*")...), call(api, ARN{}.Text("/prod/GET/items/a/b")), true},
		{"execution_arn alone covers nothing", exec(api), call(api, ARN{}.Text("/prod/GET/items")), false},
		{"another API's execution_arn", append(exec(other), ParsePattern("/*/*")...), call(api, ARN{}.Text("/prod/GET/items")), false},
		{"an API known by a variable may be this one", append(exec(api), ParsePattern("/*/*")...), call(byVariable, ARN{}.Text("/prod/GET/items")), true},
		{"one method only", append(exec(api), ParsePattern("/*/GET/items")...), call(api, ARN{}.Text("/prod/POST/items")), false},
		{"the same method", append(exec(api), ParsePattern("/*/GET/items")...), call(api, ARN{}.Text("/prod/GET/items")), true},
		{"a sub-path is not the path", append(exec(api), ParsePattern("/*/GET/items")...), call(api, ARN{}.Text("/prod/GET/items/x")), false},
		{"wildcard path parameter covers every value", append(exec(api), ParsePattern("/*/GET/items/*")...), call(api, ARN{}.Text("/prod/GET/items/").Every()), true},
		{"a literal value does not cover every value", append(exec(api), ParsePattern("/*/GET/items/42")...), call(api, ARN{}.Text("/prod/GET/items/").Every()), false},
		{"? covers one character, not every value", append(exec(api), ParsePattern("/*/GET/items/?")...), call(api, ARN{}.Text("/prod/GET/items/").Every()), false},
		{"? matches one character", append(exec(api), ParsePattern("/pro?/GET/x")...), call(api, ARN{}.Text("/prod/GET/x")), true},
		{"a stage the model does not know may be the literal one", append(exec(api), ParsePattern("/prod/GET/x")...), call(api, ARN{}.Text("/").Some().Text("/GET/x")), true},
		{"an unknown value stays inside its segment", append(exec(api), ParsePattern("/prod/extra/GET/x")...), call(api, ARN{}.Text("/").Some().Text("/GET/x")), false},
		{"the wrong stage", append(exec(api), ParsePattern("/dev/GET/x")...), call(api, ARN{}.Text("/prod/GET/x")), false},
		{"a literal ARN with region, account and id", ParsePattern("arn:aws:execute-api:us-east-1:123456789012:abc123/*/GET/x"), call(api, ARN{}.Text("/prod/GET/x")), true},
		{"a literal ARN for the wrong service", ParsePattern("arn:aws:lambda:us-east-1:123456789012:abc123/*/GET/x"), call(api, ARN{}.Text("/prod/GET/x")), false},
		{"a literal ARN with the wrong path", ParsePattern("arn:aws:execute-api:us-east-1:123456789012:abc123/*/GET/y"), call(api, ARN{}.Text("/prod/GET/x")), false},
		{"everything", ParsePattern("*"), call(api, ARN{}.Text("/prod/GET/items/").Every()), true},
		{"arn:aws:execute-api:*", ParsePattern("arn:aws:execute-api:*"), call(api, ARN{}.Text("/prod/GET/x")), true},
		{"an id reference with a literal prefix", ARN{}.Text("arn:aws:execute-api:").Star().Text(":").Star().Text(":").API(api).Text("/").Star().Text("/").Star(), call(api, ARN{}.Text("/prod/GET/x")), true},
		{"the root path", append(exec(api), ParsePattern("/*/GET/")...), call(api, ARN{}.Text("/prod/GET/")), true},
		{"the root path under a trailing *", append(exec(api), ParsePattern("/*/GET/*")...), call(api, ARN{}.Text("/prod/GET/")), true},
		{"an authorizer under */*", append(exec(api), ParsePattern("/*/*")...), call(api, ARN{}.Text("/authorizers/").Some()), true},
		{"an authorizer under a method's ARN", append(exec(api), ParsePattern("/*/GET/items")...), call(api, ARN{}.Text("/authorizers/").Some()), false},
		{"an authorizer under authorizers/*", append(exec(api), ParsePattern("/authorizers/*")...), call(api, ARN{}.Text("/authorizers/").Some()), true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.pattern.Matches(tc.subject); got != tc.want {
				t.Errorf("%s matches %s = %v, want %v", tc.pattern, tc.subject, got, tc.want)
			}
		})
	}
}

func TestARNMatchingIsLinearEnough(t *testing.T) {
	// Many stars must not blow up: the matcher memoizes.
	pattern := ParsePattern("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b")
	subject := ARN{}.Text("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
	if pattern.Matches(subject) {
		t.Error("matched without a b")
	}
}

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
