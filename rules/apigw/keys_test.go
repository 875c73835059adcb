package apigw

import "testing"

func TestKeyWiring(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_rest_api" "a" {
  name = "a"
}
resource "aws_api_gateway_rest_api" "b" {
  name = "b"
}
resource "aws_api_gateway_stage" "b" {
  rest_api_id = aws_api_gateway_rest_api.b.id
  stage_name  = "prod"
}
resource "aws_api_gateway_usage_plan" "a" {
  api_stages {
    api_id = aws_api_gateway_rest_api.a.id
    stage  = "prod"
  }
  api_stages {
    api_id = aws_api_gateway_rest_api.a.id
    stage  = "dev"
  }
}
resource "aws_api_gateway_usage_plan" "b" {
  api_stages {
    api_id = aws_api_gateway_stage.b.rest_api_id
    stage  = aws_api_gateway_stage.b.stage_name
  }
}
resource "aws_api_gateway_api_key" "k" {
  count = 2
}
resource "aws_api_gateway_usage_plan_key" "k" {
  count         = 2
  key_id        = aws_api_gateway_api_key.k[count.index].id
  usage_plan_id = aws_api_gateway_usage_plan.a.id
}
`}), nil)
	w := g.KeyWiring()
	a, b := g.Lookup("aws_api_gateway_rest_api.a").API, g.Lookup("aws_api_gateway_rest_api.b").API
	if plans, known := w.PlansFor(a); !known || !equal(addresses(plans), []string{"aws_api_gateway_usage_plan.a"}) {
		t.Errorf("plans of a = %v (known %v), want the plan once", addresses(plans), known)
	}
	if plans, _ := w.PlansFor(b); !equal(addresses(plans), []string{"aws_api_gateway_usage_plan.b"}) {
		t.Errorf("plans of b = %v: the stage's rest_api_id names b", addresses(plans))
	}
	if keys, known := w.KeysOf(g.Lookup("aws_api_gateway_usage_plan.a")); !known || len(keys) != 1 {
		t.Errorf("keys of plan a = %v (known %v)", addresses(keys), known)
	}
	if got := w.Attachments(g.Lookup("aws_api_gateway_api_key.k")); len(got) != 1 {
		t.Errorf("attachments of the key = %v", addresses(got))
	}
	if len(w.Bindings) != 3 {
		t.Errorf("bindings = %d, want 3", len(w.Bindings))
	}
}

func TestKeyWiringOpenWhenNotFollowed(t *testing.T) {
	for name, src := range map[string]string{
		"api id from a local": `resource "aws_api_gateway_usage_plan" "p" {
  api_stages {
    api_id = local.api_id
    stage  = "prod"
  }
}`,
		"dynamic api_stages": `resource "aws_api_gateway_usage_plan" "p" {
  dynamic "api_stages" {
    for_each = var.x
    content {
      api_id = api_stages.value
      stage  = "prod"
    }
  }
}`,
	} {
		g := Build(parseModule(t, map[string]string{"main.tf": src + "\nresource \"aws_api_gateway_rest_api\" \"a\" {}\n"}), nil)
		if _, known := g.KeyWiring().PlansFor(g.Lookup("aws_api_gateway_rest_api.a").API); known {
			t.Errorf("%s: the plans of a are known", name)
		}
	}
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_usage_plan" "p" {}
resource "aws_api_gateway_usage_plan_key" "k" {
  usage_plan_id = var.plan
}`}), nil)
	if _, known := g.KeyWiring().KeysOf(g.Lookup("aws_api_gateway_usage_plan.p")); known {
		t.Error("a usage plan key naming its plan by a variable leaves the keys of every plan known")
	}
}
