package apigw

import (
	"strings"
	"testing"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/policy"
)

const bodyFunctions = `
resource "aws_lambda_function" "items" {
  function_name = "items"
}
resource "aws_lambda_alias" "live" {
  name          = "live"
  function_name = aws_lambda_function.items.function_name
}
`

const itemsSpec = `openapi: "3.0.1"
paths:
  /items:
    get:
      security:
        - key: []
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: put
        uri: ${fn}
    options:
      security: []
      x-amazon-apigateway-integration:
        type: mock
components:
  securitySchemes:
    key:
      type: apiKey
      name: x-api-key
      in: header
    tenant:
      type: apiKey
      name: Authorization
      in: header
      x-amazon-apigateway-authtype: custom
      x-amazon-apigateway-authorizer:
        type: token
        authorizerUri: ${fn}
x-amazon-apigateway-api-key-source: AUTHORIZER
x-amazon-apigateway-policy:
  Statement:
    - Effect: Deny
      Principal: "*"
      Action: execute-api:Invoke
      Resource: execute-api:/*
`

func TestBodyTemplateFileFillsTheViews(t *testing.T) {
	g := sourcesGraph(t, `
resource "aws_api_gateway_rest_api" "a" {
  body = templatefile("${path.module}/api.yaml", { fn = aws_lambda_function.items.invoke_arn })
}
`+bodyFunctions, map[string]string{"api.yaml": itemsSpec})
	api := g.Lookup("aws_api_gateway_rest_api.a").API
	methods := api.BodyMethods()
	if len(methods) != 2 {
		t.Fatalf("methods: %d", len(methods))
	}
	get := methods[0]
	if verb, _ := get.Verb(); verb != "GET" || !get.RequiresKey() || get.CanEdit() || !get.FromBody() {
		t.Fatalf("get: %s key %v", verb, get.RequiresKey())
	}
	if get.Location != "api.yaml:4, paths./items.get (the body of aws_api_gateway_rest_api.a)" {
		t.Fatalf("location %q", get.Location)
	}
	if body := api.Body().Range(); get.Range != body {
		t.Fatalf("a spec file's view points at the body argument: %v, want %v", get.Range, body)
	}
	if auth := get.Authorization(); !auth.Is("NONE") {
		t.Fatalf("a plain API key is no authorizer: %q %v", auth.Value, auth.Known)
	}
	if auth := methods[1].Authorization(); !auth.Is("NONE") || methods[1].RequiresKey() {
		t.Fatal("security: [] is NONE")
	}
	ins := api.BodyIntegrations()
	if len(ins) != 2 || !ins[0].TypeIs("AWS_PROXY") {
		t.Fatalf("integrations: %d", len(ins))
	}
	if m, _ := ins[0].IntegrationHTTPMethod().String(); m != "PUT" {
		t.Fatalf("httpMethod %q", m)
	}
	if ins[0].IntegrationHTTPMethod().CanEdit() {
		t.Fatal("a spec file is never edited")
	}
	if ins[0].URI().Target() != g.Lookup("aws_lambda_function.items") {
		t.Fatal("${fn} is the expression bound to it")
	}
	var uses []*LambdaUse
	for _, u := range g.Lambdas().Uses {
		if u.FromBody() {
			uses = append(uses, u)
		}
	}
	if len(uses) != 2 || uses[0].Target.Function == nil || !uses[1].Authorizer() || uses[0].CanEditRef() != true {
		t.Fatalf("body uses: %d", len(uses))
	}
	if c, ok := g.Lambdas().CallOf(uses[0]); !ok || c.Label() != "GET /items" {
		t.Fatalf("call %q", c.Label())
	}
	auths := api.BodyAuthorizers()
	if len(auths) != 1 || !strings.Contains(auths[0].Location, "components.securitySchemes.tenant") {
		t.Fatalf("authorizers: %d", len(auths))
	}
	if cache, ok := auths[0].CachedPolicy(); !ok || !cache.Default {
		t.Fatal("a token authorizer without a TTL caches for 300 s")
	}
	if n, known := auths[0].Users(); !known || n != 0 {
		t.Fatalf("users %d %v", n, known)
	}
	if src, known := api.KeySource(); src != "AUTHORIZER" || !known {
		t.Fatalf("key source %q", src)
	}
	docs, known := g.Policies(api)
	if !known || len(docs) != 1 || docs[0].Where != "api.yaml:31" || docs[0].Policy.Allows("execute-api:Invoke") == policy.Yes {
		t.Fatalf("policy: %d %v %q", len(docs), known, docs[0].Where)
	}
}

func TestBodyHCLObjectIsEditable(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
locals {
  spec = {
    paths = {
      "/items" = {
        put = {
          x-amazon-apigateway-integration = {
            type       = "aws_proxy"
            httpMethod = "PUT"
            uri        = aws_lambda_function.items.arn
          }
        }
      }
    }
  }
}
resource "aws_api_gateway_rest_api" "a" {
  body   = jsonencode(local.spec)
  policy = jsonencode({ Statement = [] })
}
resource "aws_api_gateway_rest_api" "b" {
  body = jsonencode(local.spec)
}
` + bodyFunctions}), nil)
	a, b := g.Lookup("aws_api_gateway_rest_api.a").API, g.Lookup("aws_api_gateway_rest_api.b").API
	if a.Spec() != b.Spec() {
		t.Fatal("one local, one parse")
	}
	in := a.BodyIntegrations()[0]
	verb := in.IntegrationHTTPMethod()
	if !verb.CanEdit() || verb.Name != "httpMethod" || verb.ValueRange().Start.Line != 9 {
		t.Fatalf("httpMethod in an HCL body: %v %s %v", verb.CanEdit(), verb.Name, verb.ValueRange())
	}
	if !strings.HasPrefix(in.Location, "main.tf:7, paths./items.put") || in.Range.Start.Line != 7 {
		t.Fatalf("location %q %v", in.Location, in.Range)
	}
	for _, u := range g.Lambdas().Uses {
		if !u.Target.Bare() || !u.CanEditRef() {
			t.Fatal("the .arn reference is editable in the local")
		}
	}
	if docs, known := g.Policies(a); !known || len(docs) != 1 || docs[0].Attr.Name != "policy" {
		t.Fatal("the policy argument wins over the body's")
	}
}

func TestBodyUnknownAndRendered(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
variable "body" {}
data "template_file" "spec" {
  template = <<-EOT
    paths:
      /{proxy+}:
        x-amazon-apigateway-any-method:
          x-amazon-apigateway-integration:
            type: http_proxy
            uri: $${base}/{proxy}
  EOT
  vars = { base = var.base }
}
resource "aws_api_gateway_rest_api" "v" {
  body = var.body
}
resource "aws_api_gateway_rest_api" "t" {
  body = data.template_file.spec.rendered
}
resource "aws_api_gateway_rest_api" "none" {
  name = "none"
}
`}), nil)
	v, tf, none := g.Lookup("aws_api_gateway_rest_api.v").API, g.Lookup("aws_api_gateway_rest_api.t").API, g.Lookup("aws_api_gateway_rest_api.none").API
	if s := v.Spec(); s == nil || s.Known || len(v.BodyMethods()) != 0 || v.RenderedBody() {
		t.Fatal("var.body is unknown")
	}
	if _, known := v.KeySource(); known {
		t.Fatal("an unknown body may set the key source")
	}
	if _, known := g.Policies(v); known {
		t.Fatal("an unknown body may hold a policy")
	}
	if !tf.RenderedBody() || len(tf.BodyMethods()) != 1 {
		t.Fatalf("template_file: %v %d", tf.RenderedBody(), len(tf.BodyMethods()))
	}
	if m, ok := tf.RootlessBodyProxy(); !ok || !strings.Contains(m.Location, "paths./{proxy+}.x-amazon-apigateway-any-method") {
		t.Fatal("a proxy without a root")
	}
	if none.Spec() != nil || len(none.BodyMethods()) != 0 {
		t.Fatal("no body, no spec")
	}
}
