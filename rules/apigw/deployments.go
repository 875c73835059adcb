package apigw

import "github.com/hashicorp/hcl/v2"

// DeploymentView is a REST or HTTP/WebSocket deployment: what it hashes
// to know when to redeploy, the stage a REST deployment may create itself,
// and the stages that serve it.
type DeploymentView struct{ view }

func asDeployment(v view) DeploymentView { return DeploymentView{v} }

// DeploymentOf returns the view of a deployment resource; false for any
// other resource.
func (g *Graph) DeploymentOf(n *Node) (DeploymentView, bool) {
	return viewOf(g, n, asDeployment, Deployment, V2Deployment)
}

// Triggers is the triggers setting: what a change of forces a new deployment.
func (d DeploymentView) Triggers() Setting { return d.setting("triggers") }

// StageName is a REST deployment's inline stage_name.
func (d DeploymentView) StageName() Setting { return d.setting("stage_name") }

// StageDescription is a REST deployment's inline stage_description.
func (d DeploymentView) StageDescription() Setting {
	return d.setting("stage_description")
}

// StagesServing returns the stages whose deployment_id references the deployment.
func (d DeploymentView) StagesServing() []*Node { return stagesServing(d.g, d.n) }

// NeedsRedeploys reports whether the configuration proves that the
// deployment is what publishes its API's changes: it exists, something
// serves it (Served), and the API is declared in this module or has
// deployable parts here (one known only from a variable, a module output or
// a data source with nothing here may be deployed from elsewhere; the
// members declared here are this module's business), and for
// HTTP/WebSocket APIs a stage serves the deployment without auto_deploy.
func (d DeploymentView) NeedsRedeploys() bool {
	api := d.n.API
	if api == nil || (api.Node == nil && len(d.g.Deployables(api)) == 0) || d.g.NeverExists(d.n) || !d.Served() {
		return false
	}
	if d.n.Type != V2Deployment {
		return true
	}
	// An HTTP/WebSocket deployment is live only where a stage names it, and
	// stale only on a stage that does not deploy by itself.
	for _, s := range d.StagesServing() {
		if auto, known := asStage(newView(d.g, s)).AutoDeploy().BoolOr(false); known && !auto {
			return true
		}
	}
	return false
}

// Redeploys reads everything that replaces the deployment: its triggers,
// the arguments that force a new deployment, replace_triggered_by.
func (d DeploymentView) Redeploys() *Triggers {
	return d.g.ReadTriggers(append([]hcl.Expression{exprOf(d.n.Attr("triggers"))}, redeployArguments(d.n)...)...)
}

// RedeploysOtherwise reports whether an argument other than triggers
// replaces the deployment whenever the API may have changed: it holds the
// clock, a hash of the module's files, or a member or the API's body or
// policy (directly, through a local, or a terraform_data fed by one).
func (d DeploymentView) RedeploysOtherwise() bool {
	h := d.g.ReadTriggers(redeployArguments(d.n)...)
	if h.Always || h.Files {
		return true
	}
	if d.n.API == nil {
		return false
	}
	for _, dep := range d.g.Deployables(d.n.API) {
		if h.Covers(dep) {
			return true
		}
	}
	return false
}

// Served reports whether a stage may serve the deployment (see served).
func (d DeploymentView) Served() bool { return served(d.g, d.n) }

// CreatesBeforeDestroy reports whether the deployment's lifecycle may
// create its replacement first. Terraform takes only literals there, so
// anything but a literal false or no setting at all counts as yes.
func (d DeploymentView) CreatesBeforeDestroy() bool {
	for _, lc := range d.n.Blocks("lifecycle") {
		if cbd, known := d.g.BoolOr(lc.Body.Attributes["create_before_destroy"], false); cbd || !known {
			return true
		}
	}
	return false
}

// stagesServing returns the stages whose deployment_id references the
// deployment and that take it from Terraform: a stage that ignores changes
// to deployment_id is deployed by someone else.
func stagesServing(g *Graph, dep *Node) []*Node {
	var out []*Node
	if dep.API == nil {
		return nil
	}
	for _, s := range dep.API.Stages {
		if g.Resolve(exprOf(s.Attr("deployment_id"))) == dep && !g.NeverExists(s) && !IgnoresChanges(s, "deployment_id") {
			out = append(out, s)
		}
	}
	return out
}

// Deployments returns the REST and HTTP/WebSocket deployments, in file order.
func (g *Graph) Deployments() []*Node {
	return append(append([]*Node{}, g.byType[Deployment]...), g.byType[V2Deployment]...)
}

// served reports whether a stage may serve the deployment: a stage of the
// module names it (and does not leave deployment_id to someone else), its
// inline stage_name creates one, a stage names a deployment the model
// cannot follow, or its id leaves the module (a module call, an output).
// A deployment nobody serves publishes nothing, so it is never stale.
func served(g *Graph, dep *Node) bool {
	if name := dep.Attr("stage_name"); dep.Type == Deployment && g.IsSet(name) {
		if s, known := g.String(name); !known || s != "" {
			return true
		}
	}
	if g.PassedToModule(dep) || g.Exported(dep) {
		return true
	}
	idx := g.stageServing.get(g.indexStageServing)
	return idx.named[dep] || idx.anyAPI || idx.open[dep.API]
}

// stageServing is what the module's stages say about deployments, read
// once: the deployments stages name (and do not ignore), and the APIs whose
// stages name a deployment the model cannot follow (a variable, a local).
type stageServing struct {
	named  map[*Node]bool
	open   map[*API]bool
	anyAPI bool // such a stage of an API the model does not know
}

func (g *Graph) indexStageServing() stageServing {
	idx := stageServing{named: map[*Node]bool{}, open: map[*API]bool{}}
	for _, kind := range []string{Stage, V2Stage} {
		for _, s := range g.byType[kind] {
			if g.NeverExists(s) {
				continue
			}
			id := s.Attr("deployment_id")
			if id == nil {
				continue
			}
			named := g.Resolve(id.Expr)
			switch {
			case named != nil:
				if !IgnoresChanges(s, "deployment_id") {
					idx.named[named] = true
				}
			case namesDeployment(id.Expr):
			case s.API == nil:
				idx.anyAPI = true
			default:
				idx.open[s.API] = true
			}
		}
	}
	return idx
}

// namesDeployment reports whether an expression references a deployment resource.
func namesDeployment(expr hcl.Expression) bool {
	for _, ref := range RefsIn(expr) {
		if !ref.Data && (ref.Type == Deployment || ref.Type == V2Deployment) {
			return true
		}
	}
	return false
}

// IgnoresChanges reports whether the resource's lifecycle ignore_changes
// lists the argument, or is all.
func IgnoresChanges(n *Node, arg string) bool {
	for _, expr := range lifecycleExprs(n, "ignore_changes") {
		if kw := hcl.ExprAsKeyword(expr); kw == "all" {
			return true
		}
		items, diags := hcl.ExprList(expr)
		if diags.HasErrors() {
			continue
		}
		for _, item := range items {
			if trav, diags := hcl.AbsTraversalForExpr(item); !diags.HasErrors() && trav.RootName() == arg {
				return true
			}
		}
	}
	return false
}
