package hclfix

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
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
		k, ok := literalKey(item.KeyExpr)
		if !ok || k == key {
			return true
		}
	}
	return false
}

func literalKey(expr hclsyntax.Expression) (string, bool) {
	if k, ok := expr.(*hclsyntax.ObjectConsKeyExpr); ok {
		if !k.ForceNonLiteral {
			if kw := hcl.ExprAsKeyword(k.Wrapped); kw != "" {
				return kw, true
			}
		}
		expr = k.Wrapped
	}
	if len(expr.Variables()) > 0 {
		return "", false
	}
	v, diags := expr.Value(nil)
	if diags.HasErrors() || v.IsNull() || !v.IsKnown() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}
