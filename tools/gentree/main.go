// Command gentree writes a large Terraform configuration of REST APIs for
// measuring the plugin: N files, one API each, with M routes (resource,
// method, Lambda proxy integration), a Lambda function and permission, a
// deployment with triggers, a stage and method settings. A share of the
// deployments has no triggers, so the rules have something to report.
// -extras adds usage plans, keys and policies; -http adds HTTP APIs; -around
// adds CloudFront distributions and custom domains in front of some APIs;
// -bodies 0.25 defines a quarter of the REST APIs by an OpenAPI body, with
// their spec files under specs/.
//
//	go run ./tools/gentree -apis 200 -routes 10 -out /tmp/tree
//	go run ./tools/gentree -apis 200 -routes 10 -extras -http 50 -out /tmp/rich
//	go run ./tools/gentree -apis 200 -routes 10 -around -bodies 0.25 -out /tmp/bench
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"

	"github.com/apigw403/tflint-ruleset-apigw403/internal/gentree"
)

func main() {
	apis := flag.Int("apis", 200, "number of REST APIs, one file each")
	routes := flag.Int("routes", 10, "routes per API")
	out := flag.String("out", "", "folder to write (created; existing files of the same names are replaced)")
	seed := flag.Int64("seed", 1, "seed for which deployments lack triggers")
	stale := flag.Float64("stale", 0.1, "share of deployments written without triggers")
	extras := flag.Bool("extras", false, "add a usage plan, API key and resource policy to each REST API")
	httpAPIs := flag.Int("http", 0, "number of HTTP APIs to add, one file each")
	around := flag.Bool("around", false, "add, per ten REST APIs, a CloudFront distribution and a custom domain with its mapping and DNS record")
	bodies := flag.Float64("bodies", 0, "share of REST APIs defined by an OpenAPI body (jsonencode, templatefile of YAML, file of JSON, in turn)")
	flag.Parse()
	if *out == "" {
		log.Fatal("gentree: -out is required")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	files := gentree.Generate(gentree.Options{
		APIs: *apis, Routes: *routes, Seed: *seed, Stale: *stale, Extras: *extras, HTTPAPIs: *httpAPIs, Around: *around, Bodies: *bodies,
	})
	for name, src := range files {
		path := filepath.Join(*out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
			log.Fatal(err)
		}
	}
	config := "plugin \"terraform\" {\n  enabled = false\n}\n"
	if err := os.WriteFile(filepath.Join(*out, ".tflint.hcl"), []byte(config), 0o644); err != nil {
		log.Fatal(err)
	}
}
