// Package project holds the plugin's version and the links that pin each rule's
// documentation to the release the user runs.
package project

import (
	"fmt"
	"regexp"
	"runtime/debug"
	"strings"
)

// Version is the plugin's version without the leading "v": set at build time
// from the git tag (goreleaser and `make build` pass
// -X github.com/apigw403/tflint-ruleset-apigw403/project.Version=X.Y.Z), else
// the module version `go install module@vX.Y.Z` records, else "dev".
var Version = "dev"

// Repository is where the plugin's source and documentation live.
const Repository = "https://github.com/apigw403/tflint-ruleset-apigw403"

// release matches a plain release version, the only kind that has a tag to
// link to.
var release = regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+$`)

func init() {
	if Version != "dev" && Version != "" {
		return
	}
	Version = "dev"
	// A `go install ...@vX.Y.Z` build has no ldflags but knows its module
	// version; a build in a checkout says "(devel)" or a pseudo-version.
	if info, ok := debug.ReadBuildInfo(); ok {
		if v := strings.TrimPrefix(info.Main.Version, "v"); release.MatchString(v) {
			Version = v
		}
	}
}

// ReferenceLink returns the documentation page of a rule for this release:
// the page at the release's tag, or on main for a build that is not a
// release (dev, snapshots, builds between tags).
func ReferenceLink(name string) string {
	return fmt.Sprintf("%s/blob/%s/docs/rules/%s.md", Repository, DocsRef(), name)
}

// DocsRef is the git ref the documentation links point at: vX.Y.Z for a
// release, main otherwise.
func DocsRef() string {
	if release.MatchString(Version) {
		return "v" + Version
	}
	return "main"
}
