package apigw

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/arn"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

// ARN is an execute-api ARN pattern or subject (package arn): a Lambda
// permission's source_arn is a pattern, the ARN API Gateway presents when
// it invokes a function a subject.
type ARN = arn.ARN

// ARNKey names the API in ARNs: definite when it is a resource of the
// module, so that another key is another API.
func (api *API) ARNKey() (string, bool) { return api.Key, api.Node != nil }

// template reads a string expression, each interpolation a hole with its
// expression: the one template reader, given the source for JSON syntax.
func (g *Graph) template(expr hcl.Expression) (partial.String, bool) {
	return partial.Template{Source: g.sourceText}.Read(expr)
}

// holeTraversal is the reference an interpolation is, when it is one.
func holeTraversal(p partial.Part) hcl.Traversal {
	switch e := p.Expr.(type) {
	case *hclsyntax.ScopeTraversalExpr:
		return e.Traversal
	case *hclsyntax.RelativeTraversalExpr:
		// aws_lambda_function.fn[each.key].invoke_arn: a reference whose
		// index is not a literal. Read it as the resource's attribute, with
		// an unknown index.
		if idx, ok := e.Source.(*hclsyntax.IndexExpr); ok {
			if col, ok := idx.Collection.(*hclsyntax.ScopeTraversalExpr); ok {
				trav := append(hcl.Traversal{}, col.Traversal...)
				trav = append(trav, hcl.TraverseIndex{Key: cty.DynamicVal, SrcRange: idx.Key.Range()})
				return append(trav, e.Traversal...)
			}
		}
	}
	return nil
}

// singleTraversal is the reference a string is exactly, when it is one.
func singleTraversal(s partial.String) hcl.Traversal {
	if len(s.Parts) == 1 && s.Parts[0].Hole {
		return holeTraversal(s.Parts[0])
	}
	return nil
}

// resolved reads the holes the module fixes without resources (a
// variable's default, say) as literal text.
func (g *Graph) resolved(s partial.String) partial.String {
	out := partial.String{Range: s.Range}
	for _, p := range s.Parts {
		if text, ok := g.holeText(p); ok {
			p = partial.Part{Lit: text}
		}
		out = out.Append(partial.String{Parts: []partial.Part{p}})
	}
	return out
}

// partText is a part's text: literal text, or the value of a hole that
// references no resource.
func (g *Graph) partText(p partial.Part) (string, bool) {
	if !p.Hole {
		return p.Lit, true
	}
	return g.holeText(p)
}

// holeText is the value of a hole that references no resource.
func (g *Graph) holeText(p partial.Part) (string, bool) {
	if !p.Hole || p.Expr == nil || len(RefsIn(p.Expr)) > 0 {
		return "", false
	}
	v, ok := g.eval.value(p.Expr)
	if !ok || v.IsNull() || v.Type() != cty.String {
		return "", false
	}
	return v.AsString(), true
}

// SourcePattern reads a Lambda permission's source_arn as a pattern.
// References to an API's execution_arn or id, and to a stage's
// execution_arn, become that API's ARN; anything the model cannot know
// becomes a wildcard, so an unknown value never proves a gap. ok is false
// when the expression is not a string at all.
func (g *Graph) SourcePattern(expr hcl.Expression) (ARN, bool) {
	s, ok := g.template(expr)
	if !ok {
		if v, known := g.eval.value(expr); known && !v.IsNull() && v.Type() == cty.String {
			return arn.ParsePattern(v.AsString()), true
		}
		return ARN{}.Star(), true
	}
	return arn.PatternOf(g.resolved(s), g.referencePattern), true
}

func (g *Graph) referencePattern(a ARN, p partial.Part) ARN {
	ref, ok := ParseRef(holeTraversal(p))
	if !ok || ref.Data {
		return a.Star()
	}
	n := g.byAddr[ref.Address()]
	if n == nil || n.API == nil || n.API.External {
		return a.Star()
	}
	switch {
	case (n.Type == RestAPI || n.Type == V2API) && ref.Attr == "execution_arn":
		return a.ExecutionARN(n.API)
	case (n.Type == RestAPI || n.Type == V2API) && ref.Attr == "id":
		return a.API(n.API)
	case (n.Type == Stage || n.Type == Deployment) && ref.Attr == "execution_arn":
		a = a.ExecutionARN(n.API).Text("/")
		if name, ok := g.String(n.Attr("stage_name")); ok {
			return a.Text(name)
		}
		return a.Star()
	case n.Type == V2Stage && ref.Attr == "execution_arn":
		a = a.ExecutionARN(n.API).Text("/")
		if name, ok := g.String(n.Attr("name")); ok {
			return a.Text(name)
		}
		return a.Star()
	}
	return a.Star()
}
