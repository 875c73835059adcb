package project

import "testing"

func TestReferenceLinkPinsTheRelease(t *testing.T) {
	got := ReferenceLink("apigw_deployment_triggers")
	want := Repository + "/blob/v" + Version + "/docs/rules/apigw_deployment_triggers.md"
	if got != want {
		t.Fatalf("ReferenceLink = %q, want %q", got, want)
	}
}
