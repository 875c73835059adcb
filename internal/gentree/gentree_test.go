package gentree

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"go.yaml.in/yaml/v3"
)

// TestGenerateBodies: a quarter of the APIs are body-defined, the three forms
// in turn, every .tf file parses and every spec parses as its format.
func TestGenerateBodies(t *testing.T) {
	files := Generate(Options{APIs: 40, Routes: 10, Seed: 1, Stale: 0.1, Around: true, Bodies: 0.25})
	forms := map[string]int{}
	for name, src := range files {
		switch {
		case strings.HasSuffix(name, ".tf"):
			if _, diags := hclsyntax.ParseConfig([]byte(src), name, hcl.InitialPos); diags.HasErrors() {
				t.Fatalf("%s: %v", name, diags)
			}
			for _, f := range []string{"jsonencode({", "templatefile(", "file("} {
				if strings.Contains(src, "body = "+f) {
					forms[f]++
				}
			}
			if strings.Contains(src, "body = ") && strings.Contains(src, "aws_api_gateway_method\"") {
				t.Errorf("%s: a body API with method resources", name)
			}
		case strings.HasSuffix(name, ".yaml"):
			var v any
			if err := yaml.Unmarshal([]byte(src), &v); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		case strings.HasSuffix(name, ".json"):
			var v any
			if err := json.Unmarshal([]byte(src), &v); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		default:
			t.Errorf("unexpected file %s", name)
		}
	}
	if forms["jsonencode({"]+forms["templatefile("]+forms["file("] != 10 {
		t.Errorf("body APIs by form %v, want 10 of 40", forms)
	}
	for f, n := range forms {
		if n < 3 {
			t.Errorf("form %s: %d APIs, want at least 3 (%v)", f, n, forms)
		}
	}
	if strings.Contains(files["api0003.tf"], "aws_api_gateway_resource") {
		t.Error("api0003 should be body-defined")
	}
	if !strings.Contains(files["api0002.tf"], "aws_api_gateway_resource") {
		t.Error("api0002 should be resource-defined")
	}
}

// TestGenerateKeepsStaleness: adding bodies does not change which resource
// APIs are stale.
func TestGenerateKeepsStaleness(t *testing.T) {
	plain := Generate(Options{APIs: 40, Routes: 2, Seed: 1, Stale: 0.3})
	mixed := Generate(Options{APIs: 40, Routes: 2, Seed: 1, Stale: 0.3, Bodies: 0.25})
	for name, src := range mixed {
		if strings.Contains(src, "aws_api_gateway_resource") && src != plain[name] {
			t.Errorf("%s differs once bodies are added", name)
		}
	}
}
