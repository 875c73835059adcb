package hclfix

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

func TestBlockCopy(t *testing.T) {
	src := []byte(`resource "aws_api_gateway_method" "proxy" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  resource_id = aws_api_gateway_resource.proxy.id

  request_parameters = {
    "method.request.path.proxy" = true
  }
}
`)
	f, diags := hclsyntax.ParseConfig(src, "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	blk := f.Body.(*hclsyntax.Body).Blocks[0]
	got, ok := BlockCopy{
		Name:    "proxy_root",
		Replace: map[string]string{"resource_id": "aws_api_gateway_rest_api.main.root_resource_id", "missing": "x"},
		Drop:    []string{"request_parameters", "absent"},
	}.Copy(src, blk)
	want := `resource "aws_api_gateway_method" "proxy_root" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  resource_id = aws_api_gateway_rest_api.main.root_resource_id
}`
	if !ok || got != want {
		t.Errorf("copy = %q (%v), want %q", got, ok, want)
	}
	if _, ok := (BlockCopy{Name: "x"}).Copy(src, nil); ok {
		t.Error("copied a nil block")
	}
}

func TestAppendToObject(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{"empty", "resource \"a\" \"b\" {\n  v = {}\n}\n", "resource \"a\" \"b\" {\n  v = {\n    K = \"x\"\n  }\n}\n"},
		{"one line", "resource \"a\" \"b\" {\n  v = { A = 1, B = 2 }\n}\n", "resource \"a\" \"b\" {\n  v = {\n    A = 1, B = 2\n    K = \"x\"\n  }\n}\n"},
		{"one line, trailing comma", "resource \"a\" \"b\" {\n  v = { A = 1, }\n}\n", "resource \"a\" \"b\" {\n  v = {\n    A = 1,\n    K = \"x\"\n  }\n}\n"},
		{"multi line", "resource \"a\" \"b\" {\n  v = {\n    LONGER = 1\n  }\n}\n", "resource \"a\" \"b\" {\n  v = {\n    LONGER = 1\n    K      = \"x\"\n  }\n}\n"},
		{"closing brace after an item", "resource \"a\" \"b\" {\n  v = {\n    A = 1 }\n}\n", "resource \"a\" \"b\" {\n  v = {\n    A = 1\n    K = \"x\"\n  }\n}\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := applyFix(t, tc.src, func(f tflint.Fixer, src []byte, blk *hclsyntax.Block) error {
				return AppendToObject(f, src, blk.Body.Attributes["v"].Expr.(*hclsyntax.ObjectConsExpr), `K = "x"`)
			})
			if got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
