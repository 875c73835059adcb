package project

import "testing"

func TestReferenceLinkFollowsTheVersion(t *testing.T) {
	saved := Version
	defer func() { Version = saved }()
	for _, tc := range []struct{ version, ref string }{
		{"1.2.3", "v1.2.3"},
		{"dev", "main"},
		{"0.1.1-next", "main"},
		{"0.1.0-3-gabc1234", "main"},
		{"0.1.0-dirty", "main"},
	} {
		Version = tc.version
		want := Repository + "/blob/" + tc.ref + "/docs/rules/apigw_deployment_triggers.md"
		if got := ReferenceLink("apigw_deployment_triggers"); got != want {
			t.Errorf("Version %q: ReferenceLink = %q, want %q", tc.version, got, want)
		}
	}
}

func TestTestBinaryIsDev(t *testing.T) {
	// go test builds without ldflags and outside a module version: dev.
	if Version != "dev" {
		t.Fatalf("Version = %q in a test build, want dev", Version)
	}
}
