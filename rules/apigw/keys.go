package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// Binding is one api_stages block of a usage plan: the plan's keys are
// accepted on one stage of one REST API.
type Binding struct {
	Plan  *Node
	Block *hclext.Block
	// API is the API api_id names; nil when api_id is not set.
	API *API
	// Stage is the stage attribute; nil when it is not set.
	Stage *hclext.Attribute
}

// Open reports whether the binding may name any API of the module: its
// api_id is missing, or comes from a variable, a local or a module output,
// which may well hold the id of an API declared here.
func (b Binding) Open() bool {
	return b.API == nil || (b.API.Node == nil && !b.API.External)
}

// KeyWiring is how API keys reach the stages of the module: usage plans, the
// stages they bind and the keys attached to them. Build it once per rule
// with Graph.KeyWiring.
type KeyWiring struct {
	Bindings []Binding
	// openBindings is true when some usage plan's bindings cannot be read
	// (dynamic api_stages) or may name any API.
	openBindings bool
	plansByAPI   map[*API][]*Node
	keysByPlan   map[*Node][]*Node
	// openKeys is true when some usage plan key names its plan by an
	// expression the model cannot follow.
	openKeys    bool
	attachments map[*Node][]*Node
}

// KeyWiring reads the module's usage plans and usage plan keys.
func (g *Graph) KeyWiring() *KeyWiring {
	return g.keyWiring.get(g.buildKeyWiring)
}

func (g *Graph) buildKeyWiring() *KeyWiring {
	w := &KeyWiring{
		plansByAPI:  map[*API][]*Node{},
		keysByPlan:  map[*Node][]*Node{},
		attachments: map[*Node][]*Node{},
	}
	for _, plan := range g.Resources(UsagePlan) {
		if hasDynamic(plan.Block.Body, "api_stages") {
			w.openBindings = true
		}
		for _, blk := range plan.Blocks("api_stages") {
			b := Binding{Plan: plan, Block: blk, Stage: blk.Body.Attributes["stage"]}
			if id := blk.Body.Attributes["api_id"]; id != nil {
				b.API = g.LookupAPI(id.Expr, 1)
			}
			w.Bindings = append(w.Bindings, b)
			if b.Open() {
				w.openBindings = true
				continue
			}
			if plans := w.plansByAPI[b.API]; len(plans) == 0 || plans[len(plans)-1] != plan {
				w.plansByAPI[b.API] = append(plans, plan)
			}
		}
	}
	for _, pk := range g.Resources(UsagePlanKey) {
		plan := g.Resolve(exprOf(pk.Attr("usage_plan_id")))
		if plan == nil || plan.Type != UsagePlan {
			w.openKeys = true
		} else {
			w.keysByPlan[plan] = append(w.keysByPlan[plan], pk)
		}
		if key := g.Resolve(exprOf(pk.Attr("key_id"))); key != nil && key.Type == APIKey {
			w.attachments[key] = append(w.attachments[key], pk)
		}
	}
	return w
}

// PlansFor returns the usage plans that bind a stage of the API. known is
// false when some usage plan may bind it without the model seeing it.
func (w *KeyWiring) PlansFor(api *API) (plans []*Node, known bool) {
	return w.plansByAPI[api], !w.openBindings
}

// KeysOf returns the usage plan keys attached to a usage plan. known is
// false when some usage plan key names its plan in a way the model cannot
// follow.
func (w *KeyWiring) KeysOf(plan *Node) (keys []*Node, known bool) {
	return w.keysByPlan[plan], !w.openKeys
}

// Attachments returns the usage plan keys whose key_id references an API key.
func (w *KeyWiring) Attachments(apiKey *Node) []*Node { return w.attachments[apiKey] }
