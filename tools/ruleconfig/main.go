// Command ruleconfig prints a .tflint.hcl that turns every apigw403 rule on,
// including the ones off by default, one rule block each from the registry,
// with the bundled terraform ruleset off: the configuration scripts/profile.sh
// uses, and the one tools/bench and tools/lspbench write for their plugin runs.
//
//	go run ./tools/ruleconfig > .tflint.hcl
//	go run ./tools/ruleconfig -bare > .tflint.hcl   # tflint alone
//	go run ./tools/ruleconfig -none > .tflint.hcl   # the plugin, no rule on
//	go run ./tools/ruleconfig -family lambda > .tflint.hcl  # one family's rules only
package main

import (
	"flag"
	"fmt"

	"github.com/apigw403/tflint-ruleset-apigw403/rules"
)

func main() {
	bare := flag.Bool("bare", false, "no plugin: tflint alone")
	none := flag.Bool("none", false, "the plugin loaded with every rule off (what loading alone costs)")
	only := flag.String("family", "", "enable only this family's rules (deployment, policy, key, lambda, endpoint, around)")
	flag.Parse()
	fmt.Print("plugin \"terraform\" {\n  enabled = false\n}\n")
	if *bare {
		return
	}
	fmt.Print("\nplugin \"apigw403\" {\n  enabled = true\n}\n")
	if *none {
		fmt.Print("\nconfig {\n  disabled_by_default = true\n}\n")
	}
	for _, e := range rules.Registry() {
		on := !*none && (*only == "" || string(e.Family) == *only)
		fmt.Printf("\nrule %q {\n  enabled = %t\n}\n", e.New().Name(), on)
	}
}
