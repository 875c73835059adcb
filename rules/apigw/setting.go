package apigw

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/openapi"
)

// Setting is one argument of a view, named the way its source spells it
// (authorization for a REST method, authorization_type for a route), with
// the questions rules ask of a value: is it set, what does the
// configuration prove it is, and where is it written. A view read from an
// OpenAPI body answers the same questions from the spec's value and range.
type Setting struct {
	// Name is the argument as its source spells it, for messages.
	Name string
	attr *hclext.Attribute
	g    *Graph
	at   Source
	// inBody: the setting is read from an OpenAPI body's field, not attr;
	// upper: its text is compared in upper case (aws_proxy is AWS_PROXY).
	inBody, upper bool
	field         openapi.Field
}

func setting(g *Graph, src Source, n *Node, name string) Setting {
	return Setting{Name: name, attr: n.Attr(name), g: g, at: src}
}

// Written reports whether the argument is written at all, null included.
func (s Setting) Written() bool {
	if s.inBody {
		return s.field.Set
	}
	return s.attr != nil
}

// IsSet reports whether the argument is written and not a literal null.
func (s Setting) IsSet() bool {
	if s.inBody {
		return s.field.Set && (s.field.Node == nil || s.field.Node.Kind != openapi.KindNull)
	}
	return s.g.IsSet(s.attr)
}

// SurelySet reports whether the argument is set to something other than
// null for sure (see Graph.SurelySet).
func (s Setting) SurelySet() bool {
	if s.inBody {
		return s.IsSet() && (s.field.Node == nil || s.field.Node.Known())
	}
	return s.g.SurelySet(s.attr)
}

// String returns the value when the configuration proves it is a string.
func (s Setting) String() (string, bool) {
	if s.inBody {
		if !s.IsSet() {
			return "", false
		}
		text, ok := s.g.resolved(s.field.Str).Known()
		if s.upper {
			text = strings.ToUpper(text)
		}
		return text, ok
	}
	return s.g.String(s.attr)
}

// BoolOr returns the value, or dflt when unset or null; known is false
// when it cannot be proven.
func (s Setting) BoolOr(dflt bool) (val, known bool) {
	if s.inBody {
		if !s.IsSet() {
			return dflt, true
		}
		return s.field.Bool()
	}
	return s.g.BoolOr(s.attr, dflt)
}

// Int returns the value when the configuration proves it is a whole number.
func (s Setting) Int() (int64, bool) {
	if s.inBody {
		if !s.IsSet() {
			return 0, false
		}
		n, ok := s.field.Int()
		return int64(n), ok
	}
	return s.g.Int(s.attr)
}

// Range is where the argument is written; the view's range when it is not
// (or when it is written in a spec file, which tflint cannot show).
func (s Setting) Range() hcl.Range {
	if s.inBody {
		if s.field.Pos.Editable() {
			return s.field.Pos.Range
		}
		return s.at.Range
	}
	if s.attr == nil {
		return s.at.Range
	}
	return s.attr.Range
}

// Expr is the argument's expression; nil when it is not written. In a
// body, it is the expression the value is (an HCL body's reference, a
// template variable's binding), or a template of its parts.
func (s Setting) Expr() hcl.Expression {
	if s.inBody {
		return fieldExpr(s.field, s.Range())
	}
	return exprOf(s.attr)
}

// CanEdit reports whether a fix may replace the value where it is written:
// an argument of a block a fix may edit, or a value of an HCL body (a
// jsonencode or yamlencode object), never a spec file or JSON syntax.
func (s Setting) CanEdit() bool {
	if s.inBody {
		return s.field.Pos.Editable() && !inTFJSON(s.field.Pos.Range)
	}
	return s.at.CanEdit()
}

// ValueRange is the range of the value a fix replaces: the argument's
// expression, or the HCL body's value.
func (s Setting) ValueRange() hcl.Range {
	if s.inBody {
		return s.field.Pos.Range
	}
	if s.attr == nil {
		return s.at.Range
	}
	return s.attr.Expr.Range()
}

// FromBody reports whether the setting is read from an OpenAPI body.
func (s Setting) FromBody() bool { return s.inBody }

// Target returns the block of the module the argument references, when it
// references exactly one.
func (s Setting) Target() *Node { return s.g.Resolve(s.Expr()) }

// Where names the value in a body for messages: "openapi.yaml:12,
// disableExecuteApiEndpoint"; the name alone for a resource's argument.
func (s Setting) Where() string {
	if p := s.field.Pos.String(); s.inBody && p != "" {
		return p + ", " + s.Name
	}
	return s.Name
}
