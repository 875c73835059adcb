package apigw

import (
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"

	"github.com/apigw403/tflint-ruleset-apigw403/internal/gentree"
)

// decode must give what hclext.PartialContent gives, for every schema the
// model reads and every block shape: nested blocks, dynamic blocks, blocks
// with too many or too few labels, arguments written as blocks.
func TestDecodeMatchesPartialContent(t *testing.T) {
	sources := map[string]string{"odd.tf": `
resource "aws_api_gateway_stage" "odd" {
  stage_name = "x"
  access_log_settings "extra" {
    format = "a"
  }
  access_log_settings {
    destination_arn = "b"
  }
  variables {
    a = 1
  }
  dynamic "canary_settings" {
    for_each = var.c
    content {
      percent_traffic = 1
    }
  }
}
resource "aws_cloudfront_distribution" "d" {
  origin {
    domain_name = "x"
    custom_origin_config {
      http_port = 80
    }
  }
  ordered_cache_behavior {
    path_pattern = "/a"
    forwarded_values {
      headers = ["Host"]
      cookies {
        forward = "none"
      }
    }
  }
}
`}
	for name, src := range gentree.Generate(gentree.Options{APIs: 3, Routes: 3, Seed: 1, Stale: 0.5, Extras: true, HTTPAPIs: 2, Around: true, Bodies: 0.5}) {
		if strings.HasSuffix(name, ".tf") {
			sources[name] = src
		}
	}
	names := make([]string, 0, len(sources))
	for name := range sources {
		names = append(names, name)
	}
	sort.Strings(names)
	checked := 0
	for _, name := range names {
		f, diags := hclsyntax.ParseConfig([]byte(sources[name]), name, hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatalf("%s: %s", name, diags)
		}
		for _, b := range f.Body.(*hclsyntax.Body).Blocks {
			if len(b.Labels) != 2 {
				continue
			}
			kind := b.Labels[0]
			if b.Type == "data" {
				kind = "data." + kind
			}
			schema, ok := schemas[kind]
			if !ok {
				continue
			}
			want, _ := hclext.PartialContent(b.Body, schema)
			got := decode(b.Body, schema)
			if !reflect.DeepEqual(normalized(got), normalized(want)) {
				t.Errorf("%s: %s.%s decoded differently", name, kind, b.Labels[1])
			}
			checked++
		}
	}
	if checked < 20 {
		t.Fatalf("only %d blocks checked", checked)
	}
}

// normalized treats an empty block list like none.
func normalized(c *hclext.BodyContent) *hclext.BodyContent {
	if c == nil {
		return nil
	}
	out := &hclext.BodyContent{Attributes: c.Attributes}
	for _, b := range c.Blocks {
		nb := *b
		nb.Body = normalized(b.Body)
		out.Blocks = append(out.Blocks, &nb)
	}
	return out
}
