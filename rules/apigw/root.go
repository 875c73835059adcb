package apigw

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
)

var rootHeaders = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "provider", LabelNames: []string{"name"}},
	{Type: "terraform"},
}}

var terraformHeaders = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "backend", LabelNames: []string{"type"}},
	{Type: "cloud"},
}}

// DeployableRoot reports whether the module's folder is one that is applied
// on its own: it configures the aws provider, or a backend (or HCP
// Terraform's cloud block) for its state. A module folder meant to be
// called has neither, so what it leaves out its caller may supply.
func (g *Graph) DeployableRoot() bool {
	return g.deployableRoot.get(g.findRootBlocks)
}

func (g *Graph) findRootBlocks() bool {
	names := make([]string, 0, len(g.files))
	for name := range g.files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		f := g.files[name]
		if f == nil || f.Body == nil {
			continue
		}
		content, _, _ := f.Body.PartialContent(rootHeaders)
		if content == nil {
			continue
		}
		for _, b := range content.Blocks {
			switch b.Type {
			case "provider":
				if b.Labels[0] == "aws" {
					return true
				}
			case "terraform":
				inner, _, _ := b.Body.PartialContent(terraformHeaders)
				if inner != nil && len(inner.Blocks) > 0 {
					return true
				}
			}
		}
	}
	return false
}
