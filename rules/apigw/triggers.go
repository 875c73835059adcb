package apigw

import (
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// Triggers is what a deployment's triggers expression hashes.
type Triggers struct {
	// Opaque is true when the triggers depend on something the model cannot
	// follow: variables, locals, module outputs, data sources, or functions
	// that read files or the clock. Nothing can be said about them then.
	Opaque bool
	// Refs are the resources the triggers reference.
	Refs []Ref
	// attrsOf indexes Refs by address: the attributes referenced of each
	// resource ("" for the whole resource).
	attrsOf map[string][]string
}

// pureFunctions only combine their arguments: a trigger built from them
// changes exactly when the references inside change.
var pureFunctions = map[string]bool{
	"sha1": true, "sha256": true, "sha512": true, "md5": true, "base64sha256": true, "base64sha512": true,
	"jsonencode": true, "yamlencode": true, "tostring": true, "tolist": true, "toset": true, "tomap": true,
	"join": true, "concat": true, "flatten": true, "values": true, "keys": true, "sort": true,
	"distinct": true, "merge": true, "compact": true, "format": true, "lower": true, "upper": true,
}

var callPattern = regexp.MustCompile(`([A-Za-z_][A-Za-z0-9_:]*)\s*\(`)

// ReadTriggers analyses a triggers expression.
func (g *Graph) ReadTriggers(expr hcl.Expression) Triggers {
	var t Triggers
	for _, call := range g.functionCalls(expr) {
		if !pureFunctions[call] {
			t.Opaque = true
		}
	}
	for _, trav := range expr.Variables() {
		if opaqueRoots[trav.RootName()] {
			t.Opaque = true
			continue
		}
		if ref, ok := ParseRef(trav); ok {
			t.Refs = append(t.Refs, ref)
			if t.attrsOf == nil {
				t.attrsOf = map[string][]string{}
			}
			t.attrsOf[ref.Address()] = append(t.attrsOf[ref.Address()], ref.Attr)
		}
	}
	return t
}

// opaqueRoots name values that may carry any reference: a trigger built
// from them may well cover the whole deployable set.
var opaqueRoots = map[string]bool{"var": true, "local": true, "module": true, "each": true}

// functionCalls lists the functions an expression calls. JSON expressions
// carry their calls inside ${...} template sequences, so those are scanned
// as text; plain JSON strings call nothing.
func (g *Graph) functionCalls(expr hcl.Expression) []string {
	if native, ok := expr.(hclsyntax.Expression); ok {
		var calls []string
		_ = hclsyntax.VisitAll(native, func(n hclsyntax.Node) hcl.Diagnostics {
			if c, ok := n.(*hclsyntax.FunctionCallExpr); ok {
				calls = append(calls, c.Name)
			}
			return nil
		})
		return calls
	}
	var calls []string
	for _, seq := range templateSequences(g.sourceText(expr.Range())) {
		for _, m := range callPattern.FindAllStringSubmatch(seq, -1) {
			calls = append(calls, m[1])
		}
	}
	return calls
}

// templateSequences returns the text inside each ${...} of a JSON value.
func templateSequences(src string) []string {
	var out []string
	for {
		start := strings.Index(src, "${")
		if start < 0 {
			return out
		}
		depth, end := 0, -1
		for i := start + 1; i < len(src) && end < 0; i++ {
			switch src[i] {
			case '{':
				depth++
			case '}':
				if depth--; depth == 0 {
					end = i
				}
			}
		}
		if end < 0 {
			return append(out, src[start+2:])
		}
		out = append(out, src[start+2:end])
		src = src[end+1:]
	}
}

// Covers reports whether the triggers reference a deployable.
func (t Triggers) Covers(d Deployable) bool {
	for _, attr := range t.attrsOf[d.Node.Address()] {
		switch {
		case attr == "":
			return true // the whole resource
		case d.Attr != "":
			if attr == d.Attr {
				return true
			}
		case d.Node.Type == RestAPIPolicy:
			// The policy resource's id is its API's id: only the document changes.
			if attr == "policy" {
				return true
			}
		default:
			return true
		}
	}
	return false
}

// fixedAPIAttributes never change while the API exists.
var fixedAPIAttributes = map[string]bool{
	"id": true, "root_resource_id": true, "execution_arn": true, "arn": true, "api_endpoint": true, "created_date": true,
}

// NeverChange reports whether the triggers can never change for this API:
// they hash only literals, the API's fixed attributes, or an API body or
// policy that is not set.
func (g *Graph) NeverChange(t Triggers, api *API) bool {
	if t.Opaque {
		return false
	}
	for _, ref := range t.Refs {
		if api.Node == nil || ref.Address() != api.Node.Address() {
			return false
		}
		switch {
		case fixedAPIAttributes[ref.Attr]:
		case (ref.Attr == "body" || ref.Attr == "policy") && !g.IsSet(api.Node.Attr(ref.Attr)):
		default:
			return false
		}
	}
	return true
}
