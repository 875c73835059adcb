package apigw

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
)

// The AWS managed origin request policies whose effect on Host the model knows.
const (
	ManagedAllViewer              = "216adef6-5c7f-47e4-b989-5492eafa07d3"
	ManagedAllViewerExceptHost    = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
	managedAllViewerAndCloudFront = "33f36d7e-f396-46d9-90e0-52428a34d9dc"
)

// managedPolicyHost says, per managed policy name and id, whether it
// forwards the viewer's Host header.
var managedPolicyHost = map[string]bool{
	ManagedAllViewer:                                      true,
	managedAllViewerAndCloudFront:                         true,
	ManagedAllViewerExceptHost:                            false,
	"Managed-AllViewer":                                   true,
	"Managed-AllViewerAndCloudFrontHeaders-2022-06":       true,
	"Managed-AllViewerExceptHostHeader":                   false,
	"59781a5b-3903-41f3-afcb-af62929ccde1":                false, // CORS-CustomOrigin
	"Managed-CORS-CustomOrigin":                           false,
	"acba4595-bd28-49b8-b9fe-13317c0390fa":                false, // UserAgentRefererHeaders
	"Managed-UserAgentRefererHeaders":                     false,
	"88a5eaf4-2fd4-4709-b370-b4c650ea3fcf":                false, // CORS-S3Origin
	"Managed-CORS-S3Origin":                               false,
	"775133bc-15f2-49f9-abea-afb2e0bf67d2":                false, // Elemental-MediaTailor-PersonalizedManifests
	"Managed-Elemental-MediaTailor-PersonalizedManifests": false,
}

// CloudFrontAllMethods is the widest allowed_methods CloudFront accepts.
var CloudFrontAllMethods = []string{"DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"}

// CloudFront is one distribution as the rules read it.
type CloudFront struct {
	Node    *Node
	Origins []*Origin
	// Behaviors holds the default cache behaviour first, then the ordered
	// ones in order.
	Behaviors []*Behavior
	// DynamicOrigins and DynamicBehaviors are true when dynamic blocks
	// build origins or ordered behaviours the model cannot see.
	DynamicOrigins, DynamicBehaviors bool
}

// Origin is one origin block.
type Origin struct {
	Block *hclext.Block
	// ID is the origin_id; "" when it is not known.
	ID string
	// Host is what the origin's domain_name is.
	Host Host
}

// Behavior is one cache behaviour block.
type Behavior struct {
	Block   *hclext.Block
	Default bool
	// Origin is the origin the behaviour targets; nil when not known.
	Origin *Origin
	// Pattern is an ordered behaviour's path_pattern when it is known.
	Pattern string
}

// Label names the behaviour in messages.
func (b *Behavior) Label() string {
	if b.Default {
		return "default cache behaviour"
	}
	if b.Pattern != "" {
		return fmt.Sprintf("ordered cache behaviour %q", b.Pattern)
	}
	return "ordered cache behaviour"
}

// Distributions returns the module's CloudFront distributions, read once.
func (g *Graph) Distributions() []*CloudFront {
	return g.distributions.get(func() []*CloudFront {
		var out []*CloudFront
		for _, n := range g.byType[Distribution] {
			out = append(out, g.readDistribution(n))
		}
		return out
	})
}

func (g *Graph) readDistribution(n *Node) *CloudFront {
	d := &CloudFront{Node: n,
		DynamicOrigins:   hasDynamic(n.Block.Body, "origin"),
		DynamicBehaviors: hasDynamic(n.Block.Body, "ordered_cache_behavior") || hasDynamic(n.Block.Body, "default_cache_behavior"),
	}
	ids := map[string]int{}
	for _, b := range n.Blocks("origin") {
		o := &Origin{Block: b}
		if id, ok := g.String(b.Body.Attributes["origin_id"]); ok {
			o.ID = id
			ids[id]++
		}
		if attr := b.Body.Attributes["domain_name"]; attr != nil {
			o.Host = g.HostOf(attr.Expr)
		}
		d.Origins = append(d.Origins, o)
	}
	for i, typ := range []string{"default_cache_behavior", "ordered_cache_behavior"} {
		for _, b := range n.Blocks(typ) {
			beh := &Behavior{Block: b, Default: i == 0}
			if !beh.Default {
				beh.Pattern, _ = g.String(b.Body.Attributes["path_pattern"])
			}
			if id, ok := g.String(b.Body.Attributes["target_origin_id"]); ok && ids[id] == 1 && !d.DynamicOrigins {
				for _, o := range d.Origins {
					if o.ID == id {
						beh.Origin = o
					}
				}
			}
			d.Behaviors = append(d.Behaviors, beh)
		}
	}
	return d
}

// BehaviorsFor returns the behaviours that target an origin.
func (d *CloudFront) BehaviorsFor(o *Origin) []*Behavior {
	var out []*Behavior
	for _, b := range d.Behaviors {
		if b.Origin == o {
			out = append(out, b)
		}
	}
	return out
}

// HostForwarding says how a behaviour forwards the viewer's Host header.
type HostForwarding struct {
	Forwards bool
	// Via names the setting in messages: "the managed AllViewer origin
	// request policy", `forwarded_values headers ["*"]`.
	Via string
	// PolicyID is the behaviour's origin_request_policy_id when a managed
	// policy forwards Host: swapping it is the fix.
	PolicyID *hclext.Attribute
	// Headers is the header list that names Host (a policy's headers items
	// or forwarded_values headers): dropping Host from it is the fix. Nil
	// when the list is "*" or the policy forwards every header.
	Headers *hclext.Attribute
	// Policy is the origin request policy of this configuration involved, if any.
	Policy *Node
}

// ForwardsHost tells whether a behaviour forwards the viewer's Host header
// to its origin; known is false when the policy or header list cannot be read.
func (g *Graph) ForwardsHost(b *Behavior) (fw HostForwarding, known bool) {
	body := b.Block.Body
	if hasDynamic(body, "forwarded_values") {
		return fw, false
	}
	for _, fv := range body.Blocks.OfType("forwarded_values") {
		headers := fv.Body.Attributes["headers"]
		list, ok := g.stringList(headers)
		if !ok {
			return fw, false
		}
		for _, h := range list {
			switch {
			case h == "*":
				return HostForwarding{Forwards: true, Via: `forwarded_values headers ["*"]`}, true
			case strings.EqualFold(h, "host"):
				return HostForwarding{Forwards: true, Via: fmt.Sprintf("forwarded_values headers naming %q", h), Headers: headers}, true
			}
		}
	}
	attr := body.Attributes["origin_request_policy_id"]
	if !g.IsSet(attr) {
		return fw, true
	}
	if id, ok := g.String(attr); ok {
		forwards, known := managedPolicyHost[id]
		name := "AllViewer"
		if id == managedAllViewerAndCloudFront {
			name = "AllViewerAndCloudFrontHeaders-2022-06"
		}
		return HostForwarding{Forwards: forwards, Via: "the managed " + name + " origin request policy", PolicyID: attr}, known
	}
	p := g.Resolve(attr.Expr)
	if p == nil || p.Expansion != 0 {
		return fw, false
	}
	switch p.Kind() {
	case OriginRequestPolicyD:
		key, ok := g.String(p.Attr("name"))
		if !ok {
			key, ok = g.String(p.Attr("id"))
		}
		forwards, known := managedPolicyHost[key]
		if !ok || !known {
			return fw, false
		}
		return HostForwarding{Forwards: forwards, Via: fmt.Sprintf("the managed origin request policy %s (%s)", key, p.Address()), PolicyID: attr, Policy: p}, true
	case OriginRequestPolicy:
		return g.policyForwardsHost(p)
	}
	return fw, false
}

func (g *Graph) policyForwardsHost(p *Node) (fw HostForwarding, known bool) {
	if hasDynamic(p.Block.Body, "headers_config") {
		return fw, false
	}
	cfgs := p.Blocks("headers_config")
	if len(cfgs) != 1 || hasDynamic(cfgs[0].Body, "headers") {
		return fw, false
	}
	behavior, ok := g.String(cfgs[0].Body.Attributes["header_behavior"])
	if !ok {
		return fw, false
	}
	var items *hclext.Attribute
	var list []string
	if hs := cfgs[0].Body.Blocks.OfType("headers"); len(hs) == 1 {
		items = hs[0].Body.Attributes["items"]
		if list, ok = g.stringList(items); !ok {
			return fw, false
		}
	}
	named := false
	for _, h := range list {
		named = named || strings.EqualFold(h, "host")
	}
	fw = HostForwarding{Policy: p}
	switch behavior {
	case "none":
		return fw, true
	case "allViewer", "allViewerAndWhitelistCloudFront":
		fw.Forwards, fw.Via = true, fmt.Sprintf("%s (header_behavior %q)", p.Address(), behavior)
	case "whitelist":
		fw.Forwards, fw.Via, fw.Headers = named, fmt.Sprintf("%s (a whitelist naming Host)", p.Address()), items
	case "allExcept":
		fw.Forwards, fw.Via = !named, fmt.Sprintf("%s (header_behavior \"allExcept\" without Host)", p.Address())
	default:
		return fw, false
	}
	return fw, true
}

// AllowedMethods returns a behaviour's allowed_methods; known is false
// when they are not fixed by the configuration.
func (g *Graph) AllowedMethods(b *Behavior) (methods []string, known bool) {
	return g.stringList(b.Block.Body.Attributes["allowed_methods"])
}

// PathPattern returns an ordered behaviour's path_pattern when it is known.
func (g *Graph) PathPattern(b *Behavior) (string, bool) {
	if b.Default {
		return "", false
	}
	return g.String(b.Block.Body.Attributes["path_pattern"])
}

// OriginPath returns an origin's origin_path ("" when unset); known is
// false when it is not fixed by the configuration.
func (g *Graph) OriginPath(o *Origin) (string, bool) {
	attr := o.Block.Body.Attributes["origin_path"]
	if !g.IsSet(attr) {
		return "", true
	}
	return g.String(attr)
}

// ServedMethods returns the HTTP methods the configuration proves an API
// serves; all is true when it serves every method (an ANY method, a
// $default or ANY route). Methods whose verb is not known are left out.
func (g *Graph) ServedMethods(api *API) (methods []string, all bool) {
	seen := map[string]bool{}
	add := func(m string) {
		if m = strings.ToUpper(m); !seen[m] {
			seen[m] = true
			methods = append(methods, m)
		}
	}
	if api.Version == 1 {
		for _, m := range api.Methods() {
			if g.NeverExists(m.Node) {
				continue
			}
			if verb, ok := m.Verb(); ok {
				if strings.EqualFold(verb, "ANY") {
					return nil, true
				}
				add(verb)
			}
		}
		return methods, false
	}
	for _, r := range api.Routes() {
		key, ok := r.RouteKey().String()
		if !ok || g.NeverExists(r.Node) {
			continue
		}
		verb, _, _ := strings.Cut(key, " ")
		if key == "$default" || strings.EqualFold(verb, "ANY") {
			return nil, true
		}
		if !strings.HasPrefix(key, "$") { // WebSocket route keys
			add(verb)
		}
	}
	return methods, false
}

// stringList reads a list of strings fixed by the configuration.
func (g *Graph) stringList(attr *hclext.Attribute) ([]string, bool) {
	if attr == nil {
		return nil, true
	}
	v, ok := g.Value(attr)
	if !ok || v.IsNull() || !(v.Type().IsListType() || v.Type().IsSetType() || v.Type().IsTupleType()) {
		return nil, ok && v.IsNull()
	}
	var out []string
	for _, e := range v.AsValueSlice() {
		if e.IsNull() || e.Type() != cty.String {
			return nil, false
		}
		out = append(out, e.AsString())
	}
	return out, true
}

// SyntaxBlock finds the native block a decoded nested block was read
// from, for fixes; nil in JSON files.
func SyntaxBlock(parent *Node, b *hclext.Block) *hclsyntax.Block {
	if parent.Syntax == nil {
		return nil
	}
	return findBlock(parent.Syntax.Body, b.DefRange)
}

func findBlock(body *hclsyntax.Body, rng hcl.Range) *hclsyntax.Block {
	for _, blk := range body.Blocks {
		if blk.DefRange() == rng {
			return blk
		}
		if found := findBlock(blk.Body, rng); found != nil {
			return found
		}
	}
	return nil
}

// APIOrigins returns the origins that are an API's default execute-api host.
func (d *CloudFront) APIOrigins() []*Origin {
	var out []*Origin
	for _, o := range d.Origins {
		if o.Host.Kind == HostExecuteAPI {
			out = append(out, o)
		}
	}
	return out
}

// Label names the origin's host in messages.
func (o *Origin) Label() string {
	if o.Host.API != nil {
		return o.Host.API.Key + "'s execute-api host"
	}
	return "an execute-api host"
}
