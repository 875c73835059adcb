package apigw

import "testing"

func TestStageAndDeploymentViews(t *testing.T) {
	g := Build(parseModule(t, viewModule), nil)
	dep, ok := g.DeploymentOf(g.Lookup("aws_api_gateway_deployment.a"))
	if !ok || !dep.Triggers().IsSet() || !dep.NeedsRedeploys() || dep.CreatesBeforeDestroy() {
		t.Errorf("deployment = %+v", dep.Source)
	}
	if name, _ := dep.StageName().String(); name != "dev" || dep.StageDescription().Written() {
		t.Errorf("inline stage = %q", name)
	}
	if got := addresses(dep.StagesServing()); !equal(got, []string{"aws_api_gateway_stage.prod"}) {
		t.Errorf("serving = %v", got)
	}
	entries := g.Lookup("aws_api_gateway_rest_api.a").API.StageEntries()
	if len(entries) != 2 || entries[0].Name != "prod" || entries[1].Name != "dev" {
		t.Errorf("stage entries = %+v", entries)
	}
	h, ok := g.StageOf(g.Lookup("aws_apigatewayv2_stage.h"))
	if !ok || h.Version() != 2 || h.Name().Name != "name" || h.APIID().Name != "api_id" || h.DeploymentID().IsSet() {
		t.Errorf("v2 stage = %+v", h.Source)
	}
	if auto, known := h.AutoDeploy().BoolOr(false); !auto || !known {
		t.Error("auto_deploy not read")
	}
	if levels := h.RouteLogLevels(); len(levels) != 1 {
		t.Errorf("log levels = %d", len(levels))
	} else if l, _ := levels[0].String(); l != "INFO" {
		t.Errorf("log level = %q", l)
	}
	if _, ok := g.StageOf(dep.Node); ok {
		t.Error("a deployment is a stage")
	}
	if _, ok := g.DeploymentOf(h.Node); ok {
		t.Error("a stage is a deployment")
	}
}
