package apigw

import (
	"math/big"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// Throttle is a block of throttling limits that stops every request: an
// HTTP/WebSocket stage's default_route_settings or route_settings, REST
// method settings' settings, or a usage plan's throttle_settings.
type Throttle struct {
	Node  *Node
	Block *hclext.Block
	// Label names the block in messages: `default_route_settings`,
	// `route_settings "GET /items"`, `settings`, `throttle_settings`.
	Label string
	// Unset are the limits an HTTP/WebSocket stage's block leaves out or
	// sets to null: the AWS provider sends them as 0.
	Unset []string
	// Zero are the limits set to a literal 0.
	Zero []*hclext.Attribute
}

// Limit names of the blocks that hold throttling limits.
const (
	StageBurstLimit = "throttling_burst_limit"
	StageRateLimit  = "throttling_rate_limit"
	planBurstLimit  = "burst_limit"
	planRateLimit   = "rate_limit"
)

// ZeroThrottles returns the throttling blocks of a resource whose limits
// are 0, written or sent by the provider for limits left out. Limits from
// variables, locals or other resources are not judged, nor blocks a
// dynamic block generates.
func (g *Graph) ZeroThrottles(n *Node) []Throttle {
	var out []Throttle
	check := func(typ string, unsetIsZero bool, names ...string) {
		for _, b := range n.Blocks(typ) {
			t := Throttle{Node: n, Block: b, Label: typ}
			if typ == "route_settings" {
				if key, ok := g.String(b.Body.Attributes["route_key"]); ok {
					t.Label += ` "` + key + `"`
				}
			}
			for _, name := range names {
				attr := b.Body.Attributes[name]
				switch {
				case !g.IsSet(attr):
					if unsetIsZero {
						t.Unset = append(t.Unset, name)
					}
				case isLiteralZero(g, attr):
					t.Zero = append(t.Zero, attr)
				}
			}
			if len(t.Unset) > 0 || len(t.Zero) > 0 {
				out = append(out, t)
			}
		}
	}
	switch n.Type {
	case V2Stage:
		check("default_route_settings", true, StageBurstLimit, StageRateLimit)
		check("route_settings", true, StageBurstLimit, StageRateLimit)
	case MethodSettings:
		check("settings", false, StageBurstLimit, StageRateLimit)
	case UsagePlan:
		check("throttle_settings", false, planBurstLimit, planRateLimit)
	}
	return out
}

// isLiteralZero reports whether an attribute is written as 0 (or "0"): a
// value from a variable may be set otherwise where the module is applied.
func isLiteralZero(g *Graph, attr *hclext.Attribute) bool {
	if len(variables(attr.Expr)) > 0 {
		return false
	}
	v, known := g.Value(attr)
	if !known || v.IsNull() {
		return false
	}
	switch v.Type() {
	case cty.Number:
		return v.AsBigFloat().Sign() == 0
	case cty.String:
		f, _, err := big.ParseFloat(strings.TrimSpace(v.AsString()), 10, 64, big.ToNearestEven)
		return err == nil && f.Sign() == 0
	}
	return false
}
