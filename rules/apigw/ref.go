package apigw

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// Ref is a reference to a resource or data source found in an expression,
// such as aws_api_gateway_rest_api.main.id or data.aws_iam_policy_document.p.json.
type Ref struct {
	Data bool   // a data source (data.TYPE.NAME)
	Type string // resource type
	Name string // resource name
	Attr string // first attribute after the name and any index; "" for the whole object
}

// Address is the resource's address without index: TYPE.NAME or data.TYPE.NAME.
func (r Ref) Address() string {
	if r.Data {
		return "data." + r.Type + "." + r.Name
	}
	return r.Type + "." + r.Name
}

// notResources are the root names Terraform reserves: a traversal starting
// with one of them is never a managed resource.
var notResources = map[string]bool{
	"var": true, "local": true, "module": true, "path": true, "terraform": true,
	"each": true, "count": true, "self": true,
}

// ParseRef reads a traversal as a resource or data-source reference.
func ParseRef(t hcl.Traversal) (Ref, bool) {
	if len(t) < 2 || t.IsRelative() {
		return Ref{}, false
	}
	root := t.RootName()
	if notResources[root] {
		return Ref{}, false
	}
	rest := t[1:]
	ref := Ref{}
	if root == "data" {
		if len(t) < 3 {
			return Ref{}, false
		}
		typ, ok := t[1].(hcl.TraverseAttr)
		if !ok {
			return Ref{}, false
		}
		ref.Data, ref.Type, rest = true, typ.Name, t[2:]
	} else {
		ref.Type = root
	}
	name, ok := rest[0].(hcl.TraverseAttr)
	if !ok {
		return Ref{}, false
	}
	ref.Name = name.Name
	for _, step := range rest[1:] {
		if attr, ok := step.(hcl.TraverseAttr); ok {
			ref.Attr = attr.Name
			break
		}
	}
	return ref, true
}

// RefsIn returns every resource and data-source reference in an expression.
func RefsIn(expr hcl.Expression) []Ref {
	if expr == nil {
		return nil
	}
	var refs []Ref
	for _, t := range variables(expr) {
		if r, ok := ParseRef(t); ok {
			refs = append(refs, r)
		}
	}
	return refs
}

// resourceRefs returns an expression's references to managed resources;
// external is true when it also references a data source.
func resourceRefs(expr hcl.Expression) (refs []Ref, external bool) {
	all := RefsIn(expr)
	refs = all[:0] // RefsIn's slice is fresh: filter it in place
	for _, ref := range all {
		if ref.Data {
			external = true
			continue
		}
		refs = append(refs, ref)
	}
	return refs, external
}

// TraversalText renders a traversal the way it is written, for grouping
// resources by an API id that comes from a variable, a local or a module.
func TraversalText(t hcl.Traversal) string {
	var b strings.Builder
	for i, step := range t {
		switch s := step.(type) {
		case hcl.TraverseRoot:
			b.WriteString(s.Name)
		case hcl.TraverseAttr:
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.Name)
		case hcl.TraverseIndex:
			b.WriteString("[")
			switch {
			case !s.Key.IsKnown() || s.Key.IsNull():
			case s.Key.Type() == cty.String:
				b.WriteString(`"` + s.Key.AsString() + `"`)
			case s.Key.Type() == cty.Number:
				b.WriteString(s.Key.AsBigFloat().String())
			}
			b.WriteString("]")
		case hcl.TraverseSplat:
			b.WriteString("[*]")
		}
	}
	return b.String()
}

// variables is expr.Variables() without walking the expression in the
// common cases: a literal has none, and a bare reference is its own only
// variable. The model asks for the variables of every argument it reads.
func variables(expr hcl.Expression) []hcl.Traversal {
	if st, ok := expr.(*hclsyntax.ScopeTraversalExpr); ok {
		return []hcl.Traversal{st.Traversal}
	}
	if _, ok := literal(expr); ok {
		return nil
	}
	return expr.Variables()
}
