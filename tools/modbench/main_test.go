package main

import (
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
)

func TestGenerateWritesValidConfiguration(t *testing.T) {
	files := generate(50, 2)
	p := hclparse.NewParser()
	for name, src := range files {
		if _, diags := p.ParseHCL([]byte(src), name); diags.HasErrors() {
			t.Errorf("%s does not parse: %s", name, diags)
		}
	}
	f, _ := p.ParseHCL([]byte(files["main.tf"]), "main.tf")
	content, _, _ := f.Body.PartialContent(&hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{{Type: "module", LabelNames: []string{"name"}}}})
	if len(content.Blocks) != 50 {
		t.Errorf("main.tf has %d module calls, want 50", len(content.Blocks))
	}
	if !strings.Contains(files["main.tf"], `endpoint_type = "PRIVATE"`) || !strings.Contains(files["main.tf"], `verb          = "GET"`) {
		t.Error("main.tf has no call the rules report")
	}
}
