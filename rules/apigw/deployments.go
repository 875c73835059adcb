package apigw

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
// deployment is what publishes its API's changes: the API is declared in
// this module or has deployable parts here (one known only from a variable
// or module output with nothing here may be deployed from elsewhere; one
// from a data source lives in another configuration), and for
// HTTP/WebSocket APIs a stage serves the deployment without auto_deploy.
func (d DeploymentView) NeedsRedeploys() bool {
	api := d.n.API
	if api == nil || api.External || (api.Node == nil && len(api.Members) == 0) {
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

// stagesServing returns the stages whose deployment_id references the deployment.
func stagesServing(g *Graph, dep *Node) []*Node {
	var out []*Node
	if dep.API == nil {
		return nil
	}
	for _, s := range dep.API.Stages {
		if g.Resolve(exprOf(s.Attr("deployment_id"))) == dep {
			out = append(out, s)
		}
	}
	return out
}

// Deployments returns the REST and HTTP/WebSocket deployments, in file order.
func (g *Graph) Deployments() []*Node {
	return append(append([]*Node{}, g.byType[Deployment]...), g.byType[V2Deployment]...)
}
