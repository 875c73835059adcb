// Package project holds the plugin's version and the links that pin each rule's
// documentation to the release the user runs.
package project

import "fmt"

// Version is the plugin's release version, without the leading "v".
const Version = "0.1.0"

// Repository is where the plugin's source and documentation live.
const Repository = "https://github.com/apigw403/tflint-ruleset-apigw403"

// ReferenceLink returns the documentation page of a rule for this release.
func ReferenceLink(name string) string {
	return fmt.Sprintf("%s/blob/v%s/docs/rules/%s.md", Repository, Version, name)
}
