package apigw

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// decode is hclext.PartialContent for a block's body: the arguments and
// nested blocks its schema names, diagnostics dropped (they are tflint's to
// report). A native-syntax body straight from the parser is read directly,
// which gives the same content without the intermediate hcl.BodyContent and
// the "remaining body" copies HCL builds at every level; the model decodes
// every block of the module, so those copies were a fifth of its memory.
func decode(body hcl.Body, schema *hclext.BodySchema) *hclext.BodyContent {
	native, ok := body.(*hclsyntax.Body)
	if !ok {
		content, _ := hclext.PartialContent(body, schema)
		if content == nil {
			content = &hclext.BodyContent{}
		}
		return content
	}
	return decodeNative(native, schema)
}

func decodeNative(body *hclsyntax.Body, schema *hclext.BodySchema) *hclext.BodyContent {
	if body == nil {
		return &hclext.BodyContent{}
	}
	if schema == nil {
		schema = &hclext.BodySchema{}
	}
	out := &hclext.BodyContent{Attributes: hclext.Attributes{}}
	if schema.Mode == hclext.SchemaJustAttributesMode {
		for name, a := range body.Attributes {
			out.Attributes[name] = attribute(a)
		}
		return out
	}
	for _, s := range schema.Attributes {
		if a, ok := body.Attributes[s.Name]; ok {
			out.Attributes[s.Name] = attribute(a)
		}
	}
	if len(schema.Blocks) == 0 {
		return out
	}
	for _, b := range body.Blocks {
		s := blockSchema(schema, b.Type)
		// A block with the wrong number of labels is left out, as HCL does.
		if s == nil || len(b.Labels) != len(s.LabelNames) {
			continue
		}
		out.Blocks = append(out.Blocks, &hclext.Block{
			Type:        b.Type,
			Labels:      b.Labels,
			Body:        decodeNative(b.Body, s.Body),
			DefRange:    b.DefRange(),
			TypeRange:   b.TypeRange,
			LabelRanges: b.LabelRanges,
		})
	}
	return out
}

func attribute(a *hclsyntax.Attribute) *hclext.Attribute {
	return &hclext.Attribute{Name: a.Name, Expr: a.Expr, Range: a.SrcRange, NameRange: a.NameRange}
}

// blockSchema is the schema of a nested block type; the last one wins when
// a type is listed twice, as in HCL.
func blockSchema(schema *hclext.BodySchema, typ string) *hclext.BlockSchema {
	var found *hclext.BlockSchema
	for i := range schema.Blocks {
		if schema.Blocks[i].Type == typ {
			found = &schema.Blocks[i]
		}
	}
	return found
}
