package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// StageView is a REST or HTTP/WebSocket stage: its name, the deployment it
// serves, and whether it deploys by itself.
type StageView struct{ view }

func asStage(v view) StageView { return StageView{v} }

// StageOf returns the view of a stage resource; false for any other resource.
func (g *Graph) StageOf(n *Node) (StageView, bool) { return viewOf(g, n, asStage, Stage, V2Stage) }

// Name is the stage name (stage_name, or name on HTTP/WebSocket stages).
func (s StageView) Name() Setting { return s.v1v2("stage_name", "name") }

// APIID is the API id setting (rest_api_id, api_id).
func (s StageView) APIID() Setting { return s.v1v2("rest_api_id", "api_id") }

// DeploymentID is the deployment_id setting.
func (s StageView) DeploymentID() Setting { return s.setting("deployment_id") }

// AutoDeploy is an HTTP/WebSocket stage's auto_deploy setting.
func (s StageView) AutoDeploy() Setting { return s.setting("auto_deploy") }

// StageEntry is a stage of an API declared in the module: a stage
// resource, or the stage a REST deployment creates through its inline
// stage_name.
type StageEntry struct {
	Node *Node
	// Name is the stage name; "" when Known is false.
	Name  string
	Known bool
}

// StageEntries returns the stages of the API in file order: stage
// resources (a REST stage's stage_name, an HTTP/WebSocket stage's name),
// then deployments that set stage_name (an empty stage_name creates no
// stage).
func (api *API) StageEntries() []StageEntry {
	g := api.g
	var out []StageEntry
	for _, s := range api.Stages {
		name, known := asStage(newView(g, s)).Name().String()
		out = append(out, StageEntry{Node: s, Name: name, Known: known})
	}
	for _, d := range api.Deployments {
		stageName := asDeployment(newView(g, d)).StageName()
		if d.Type != Deployment || !stageName.IsSet() {
			continue
		}
		name, known := stageName.String()
		if known && name == "" {
			continue
		}
		out = append(out, StageEntry{Node: d, Name: name, Known: known})
	}
	return out
}

// StageMiss is a usage plan binding whose stage names no stage of its API.
type StageMiss struct {
	Binding Binding
	// Name is the stage name the binding gives, when it is a name.
	Name string
	// EmptyFrom is the deployment whose unset stage_name the binding
	// references: the value is empty.
	EmptyFrom *Node
	// Stages are the API's stages in the module.
	Stages []StageEntry
	// Meant is the one stage resource the binding can mean, or nil: the
	// only stage serving the referenced deployment, else the API's only stage.
	Meant *Node
	// Evaluated is true when the name comes from variables or locals: the
	// value may differ elsewhere, so replacing the expression is a guess.
	Evaluated bool
}

// MissingStage reports whether the configuration proves that a binding's
// stage is no stage of its API. It stays quiet where the API or its stages
// may live elsewhere: an API not declared here, or one with no stage in the
// module (deployed by something else), and on any unknown stage name.
func (g *Graph) MissingStage(b Binding) (StageMiss, bool) {
	miss := StageMiss{Binding: b}
	if b.Stage == nil || !b.API.Declared() || b.API.Version != 1 {
		return miss, false
	}
	miss.Stages = b.API.StageEntries()
	target := g.Resolve(b.Stage.Expr)
	if target != nil && target.Type == Deployment && stageNameRef(b.Stage) {
		if g.IsSet(target.Attr("stage_name")) {
			if name, known := g.String(target.Attr("stage_name")); !known || name != "" {
				return miss, false // the stage the deployment creates
			}
		}
		// The deployment sets no stage_name: the reference is empty, whatever
		// stages the API has.
		miss.EmptyFrom = target
		serving := stagesServing(g, target)
		miss.Meant = onlyStage(serving)
		if len(serving) == 0 {
			miss.Meant = onlyStageResource(miss.Stages)
		}
		if miss.Meant != nil && miss.Meant.API != b.API {
			miss.Meant = nil
		}
		return miss, true
	}
	if len(miss.Stages) == 0 {
		return miss, false // deployed by something else: the stage may exist
	}
	switch {
	case target != nil && target.Type == Stage && stageNameRef(b.Stage):
		if target.API == b.API {
			return miss, false
		}
		name, known := g.String(target.Attr("stage_name"))
		if !known {
			return miss, false
		}
		miss.Name = name
	default:
		// A literal, or variables and locals the host can evaluate; other
		// resources' attributes are unknown before apply.
		name, known := g.String(b.Stage)
		if !known {
			return miss, false
		}
		miss.Name = name
		miss.Evaluated = len(variables(b.Stage.Expr)) > 0
	}
	for _, s := range miss.Stages {
		if !s.Known || s.Name == miss.Name {
			return miss, false
		}
	}
	miss.Meant = onlyStageResource(miss.Stages)
	return miss, true
}

// stageNameRef reports whether the stage attribute reads a stage_name.
func stageNameRef(attr *hclext.Attribute) bool {
	refs := RefsIn(attr.Expr)
	return len(refs) == 1 && refs[0].Attr == "stage_name"
}

func onlyStage(stages []*Node) *Node {
	if len(stages) != 1 {
		return nil
	}
	return stages[0]
}

// onlyStageResource is the API's stage when it has exactly one and that one
// is an aws_api_gateway_stage (a deployment's inline stage cannot be
// referenced as a stage).
func onlyStageResource(stages []StageEntry) *Node {
	if len(stages) != 1 || stages[0].Node.Type != Stage {
		return nil
	}
	return stages[0].Node
}

// StageNames returns the names of a REST or HTTP API's stages, inline
// deployment stages included; known is false when a name is not fixed by
// the module, the API has no stage here, or the API is not declared here
// (its other stages may live elsewhere).
func (g *Graph) StageNames(api *API) (names []string, known bool) {
	if !api.Declared() {
		return nil, false
	}
	for _, e := range api.StageEntries() {
		if !e.Known {
			return nil, false
		}
		names = append(names, e.Name)
	}
	return names, len(names) > 0
}

// StageName is how a fix may write a stage's name: a literal, or a variable
// (var.X); neither when it is anything else.
type StageName struct {
	Literal string
	Var     string
	Known   bool
	// Derived: the literal is the value of an expression (a local, say)
	// that a fix must not replace with a copy.
	Derived bool
}

// NameOf reads a stage's (or a deployment's) stage_name for a fix.
func (g *Graph) NameOf(stage *Node) StageName {
	attr := stage.Attr("stage_name")
	if attr == nil {
		return StageName{}
	}
	if vars := variables(attr.Expr); len(vars) == 1 && vars[0].RootName() == "var" {
		if src := g.exprKey(attr.Expr); src == TraversalText(vars[0]) && len(vars[0]) == 2 {
			return StageName{Var: src, Known: true}
		}
	}
	if s, ok := g.String(attr); ok {
		// A local or a function of variables: known, but a fix that copied
		// its value would drift from it.
		return StageName{Literal: s, Known: true, Derived: len(variables(attr.Expr)) > 0}
	}
	return StageName{}
}
