package apigw

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

func TestDeployableRoot(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      bool
	}{
		{"aws provider", `provider "aws" { region = "eu-west-1" }`, true},
		{"backend", "terraform {\n  backend \"s3\" {}\n}\n", true},
		{"cloud", "terraform {\n  cloud {}\n}\n", true},
		{"required_providers only", "terraform {\n  required_providers {}\n}\n", false},
		{"another provider", `provider "random" {}`, false},
		{"resources only", `resource "aws_api_gateway_rest_api" "a" {}`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, diags := hclsyntax.ParseConfig([]byte(tc.src), "main.tf", hcl.InitialPos)
			if diags.HasErrors() {
				t.Fatal(diags)
			}
			if got := Build(map[string]*hcl.File{"main.tf": f}, nil).DeployableRoot(); got != tc.want {
				t.Fatalf("DeployableRoot() = %v, want %v", got, tc.want)
			}
		})
	}
}
