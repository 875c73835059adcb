package hclfix

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
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
