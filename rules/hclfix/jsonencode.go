package hclfix

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

// JSONEncodedObject returns the object literal of a `jsonencode({...})`
// expression, the shape an item can be added to.
func JSONEncodedObject(expr hcl.Expression) (*hclsyntax.ObjectConsExpr, bool) {
	call, ok := expr.(*hclsyntax.FunctionCallExpr)
	if !ok || call.Name != "jsonencode" || len(call.Args) != 1 {
		return nil, false
	}
	obj, ok := call.Args[0].(*hclsyntax.ObjectConsExpr)
	return obj, ok
}

// MayHaveKey reports whether an object literal has an item with the key,
// or one whose key is not a literal (it may be that key).
func MayHaveKey(obj *hclsyntax.ObjectConsExpr, key string) bool {
	for _, item := range obj.Items {
		k, ok := partial.ObjectKey(item.KeyExpr)
		if !ok || k == key {
			return true
		}
	}
	return false
}
