package apigw

import (
	"sort"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// Deployable is one thing whose change only goes live with a new deployment:
// a member resource of the API, or the API's own body or policy.
type Deployable struct {
	Node *Node
	// Attr is "body" or "policy" for the API's own attributes, "" for a member.
	Attr string
}

// Label names the deployable in messages.
func (d Deployable) Label() string {
	if d.Attr != "" {
		return d.Node.Address() + "." + d.Attr
	}
	return d.Node.Address()
}

// deployableV1 and deployableV2 are the resource types whose changes only go
// live with a new deployment: together with the API's body and policy they
// are what a deployment's triggers must hash.
var deployableV1 = []string{
	Resource, Method, Integration, MethodResponse, IntegrationResponse,
	Authorizer, GatewayResponse, Model, RequestValidator, RestAPIPolicy,
}

var deployableV2 = []string{
	V2Route, V2Integration, V2Authorizer, V2RouteResponse, V2IntegrationResponse, V2Model,
}

func isDeployable(typ string, version int) bool {
	set := deployableV1
	if version == 2 {
		set = deployableV2
	}
	for _, t := range set {
		if t == typ {
			return true
		}
	}
	return false
}

// Part is what a deployable publishes, by what callers see while its
// change is not deployed.
type Part int

const (
	// RoutePart: resources, methods, integrations, routes; an undeployed
	// one answers 403 Missing Authentication Token (REST).
	RoutePart Part = iota
	// PolicyPart: the resource policy, the API's or its own resource.
	PolicyPart
	// AuthorizerPart: a REST authorizer.
	AuthorizerPart
	// ResponsePart: method and integration responses, gateway responses,
	// models and validators, which keep their last deployed version.
	ResponsePart
)

// Part says what the deployable publishes.
func (d Deployable) Part() Part {
	switch {
	case d.Attr == "policy" || d.Node.Type == RestAPIPolicy:
		return PolicyPart
	case d.Node.Type == Authorizer:
		return AuthorizerPart
	case d.Attr == "" && (d.Node.Type == MethodResponse || d.Node.Type == IntegrationResponse ||
		d.Node.Type == GatewayResponse || d.Node.Type == Model || d.Node.Type == RequestValidator):
		return ResponsePart
	default:
		return RoutePart
	}
}

// HashMode says what a generated triggers list hashes for each member.
type HashMode string

const (
	// HashID hashes each member's id: it changes when a member is replaced.
	HashID HashMode = "id"
	// HashResource hashes each member whole: it also changes on in-place edits.
	HashResource HashMode = "resource"
)

// Entry renders the triggers list entry for the deployable.
func (d Deployable) Entry(mode HashMode) string {
	switch {
	case d.Attr != "":
		return d.Node.Reference(d.Attr)
	case d.Node.Type == RestAPIPolicy:
		// The policy resource's id is the API's id and never changes: hash
		// the document itself.
		return d.Node.Reference("policy")
	case mode == HashResource:
		return d.Node.Reference("")
	default:
		return d.Node.Reference("id")
	}
}

// Deployables returns the API's deployable set in file order.
func (g *Graph) Deployables(api *API) []Deployable {
	var out []Deployable
	if api.Node != nil {
		for _, attr := range []string{"body", "policy"} {
			if g.IsSet(api.Node.Attr(attr)) {
				out = append(out, Deployable{Node: api.Node, Attr: attr})
			}
		}
	}
	for _, m := range api.Members {
		out = append(out, Deployable{Node: m})
	}
	sort.SliceStable(out, func(i, j int) bool { return g.before(out[i].Node, out[j].Node) })
	return out
}

// before orders nodes as they stand in the module: by file, then position.
func (g *Graph) before(a, b *Node) bool {
	if a.Filename() != b.Filename() {
		return a.Filename() < b.Filename()
	}
	return a.Block.DefRange.Start.Byte < b.Block.DefRange.Start.Byte
}

// exprOf is an attribute's expression, or nil when the attribute is not set.
func exprOf(attr *hclext.Attribute) hcl.Expression {
	if attr == nil {
		return nil
	}
	return attr.Expr
}
