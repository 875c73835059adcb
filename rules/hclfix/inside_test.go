package hclfix

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
)

func TestGatewayResponseInsertedAfterABlock(t *testing.T) {
	src := "resource \"aws_api_gateway_rest_api\" \"app\" {\n  name = \"app\"\n}\n"
	text := GatewayResponse{Name: "app_default_4xx", RestAPIID: "aws_api_gateway_rest_api.app.id", ResponseType: "DEFAULT_4XX", Origin: `"'*'"`}.Text()
	got := applyFix(t, src, func(f tflint.Fixer, _ []byte, blk *hclsyntax.Block) error {
		return InsertAfterBlock(f, blk, text)
	})
	want := src + `
resource "aws_api_gateway_gateway_response" "app_default_4xx" {
  rest_api_id   = aws_api_gateway_rest_api.app.id
  response_type = "DEFAULT_4XX"

  response_parameters = {
    "gatewayresponse.header.Access-Control-Allow-Origin" = "'*'"
  }
}
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestBlockAt(t *testing.T) {
	src := "resource \"a\" \"b\" {\n  inner {}\n  inner {\n    x = 1\n  }\n}\n"
	f, diags := hclsyntax.ParseConfig([]byte(src), "main.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	outer := f.Body.(*hclsyntax.Body).Blocks[0]
	second := outer.Body.Blocks[1]
	if got := BlockAt(outer.Body, second.TypeRange); got != second {
		t.Errorf("BlockAt found %v, want the second inner block", got)
	}
	if got := BlockAt(outer.Body, outer.TypeRange); got != nil {
		t.Errorf("BlockAt found %v for a range outside the body", got)
	}
	if got := BlockAt(nil, second.TypeRange); got != nil {
		t.Errorf("BlockAt(nil) = %v", got)
	}
}

func TestJSONEncodedObjectAndKeys(t *testing.T) {
	for _, tc := range []struct {
		src    string
		object bool
		has    bool
	}{
		{`jsonencode({ requestId = "x", errorType = "y" })`, true, true},
		{`jsonencode({ "errorType" = "y" })`, true, true},
		{`jsonencode({ requestId = "x" })`, true, false},
		{`jsonencode({ (local.key) = "x" })`, true, true}, // may be the key
		{`jsonencode(local.format)`, false, false},
		{`"$context.requestId"`, false, false},
	} {
		expr, diags := hclsyntax.ParseExpression([]byte(tc.src), "main.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		obj, ok := JSONEncodedObject(expr)
		if ok != tc.object {
			t.Errorf("%s: JSONEncodedObject ok = %v", tc.src, ok)
			continue
		}
		if ok && MayHaveKey(obj, "errorType") != tc.has {
			t.Errorf("%s: MayHaveKey = %v", tc.src, !tc.has)
		}
	}
}
