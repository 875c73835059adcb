package apigw

import "testing"

func TestAttributeUses(t *testing.T) {
	g := Build(parseModule(t, map[string]string{
		"main.tf": `
resource "aws_api_gateway_deployment" "d" { rest_api_id = "x" }
resource "aws_api_gateway_deployment" "many" {
  count       = 2
  rest_api_id = "x"
}
resource "aws_lambda_function" "f" {
  environment {
    variables = { URL = "${aws_api_gateway_deployment.d.invoke_url}/x" }
  }
}
output "first" { value = aws_api_gateway_deployment.many[0].invoke_url }
output "id" { value = aws_api_gateway_deployment.d.id }
output "missing" { value = aws_api_gateway_deployment.gone.invoke_url }
`,
		"outputs.tf": `
locals { url = aws_api_gateway_deployment.d.invoke_url }
module "m" {
  source = "./m"
  url    = [for s in ["a"] : "${aws_api_gateway_deployment.d.invoke_url}/${s}"]
}
`,
		"other.tf.json": `{"output": {"u": {"value": "${aws_api_gateway_deployment.d.invoke_url}"}}}`,
	}), nil)
	uses := g.AttributeUses(Deployment, "invoke_url")
	var got []string
	for _, u := range uses {
		got = append(got, u.Node.Address()+"@"+u.Range.Filename)
		if u.Indexed != (u.Node.Name == "many") {
			t.Errorf("%s at %s: Indexed = %v", u.Node.Address(), u.Range, u.Indexed)
		}
	}
	want := []string{
		"aws_api_gateway_deployment.d@main.tf",
		"aws_api_gateway_deployment.many@main.tf",
		"aws_api_gateway_deployment.d@outputs.tf",
		"aws_api_gateway_deployment.d@outputs.tf",
	}
	if len(got) != len(want) {
		t.Fatalf("AttributeUses = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("use %d = %s, want %s", i, got[i], want[i])
		}
	}
	if none := g.AttributeUses(Stage, "invoke_url"); len(none) != 0 {
		t.Errorf("no stage in the module, got %d uses", len(none))
	}
}
