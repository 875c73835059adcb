package openapi

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/beside"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

const hclBody = `
resource "aws_api_gateway_rest_api" "main" {
  body = jsonencode({
    openapi = "3.0.1"
    paths = {
      "/items" = {
        put = {
          "x-amazon-apigateway-integration" = {
            type       = "aws_proxy"
            httpMethod = "PUT"
            uri        = aws_lambda_function.fn.invoke_arn
            credentials = "arn:aws:iam::${var.account}:role/x"
          }
          security = [{ key = [] }]
        }
      }
    }
  })
}
`

func TestHCLObject(t *testing.T) {
	c := parseTF(t, hclBody)
	doc := c.reader(t.TempDir()).Body(c.body)
	if doc.Form != FormHCL || !doc.Known() {
		t.Fatalf("form %v known %v: %s", doc.Form, doc.Known(), doc.Reason)
	}
	op := onlyOp(t, Read(doc))
	if op.Path != "/items" || op.Method != "put" || op.Pointer() != "paths./items.put" || op.Pos.Line != 7 {
		t.Fatalf("operation %s at %v", op.Pointer(), op.Pos)
	}
	in := op.Integration
	if got := text(t, in.HTTPMethod); got != "PUT" {
		t.Fatalf("httpMethod %q", got)
	}
	// A fix replaces the exact expression: "PUT" on line 10.
	if r := in.HTTPMethod.Str.Range; !in.HTTPMethod.Pos.Editable() || r.Start.Line != 10 || r.Start.Column != 26 || r.End.Column != 31 {
		t.Fatalf("httpMethod range %v", r)
	}
	uri := in.URI.Str
	if len(uri.Parts) != 1 || !uri.Parts[0].Hole || uri.Parts[0].Ref != "aws_lambda_function.fn.invoke_arn" || uri.Parts[0].Expr == nil {
		t.Fatalf("uri %#v", uri)
	}
	if got := in.Credentials.Str.String(); got != "arn:aws:iam::${var.account}:role/x" {
		t.Fatalf("credentials %q", got)
	}
	if names := op.Security.Names(); len(names) != 1 || names[0] != "key" || !op.Security.Known {
		t.Fatalf("security %v", names)
	}
}

func TestHCLObjectThroughLocals(t *testing.T) {
	c := parseTF(t, `
locals {
  uri  = "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/${aws_lambda_function.fn.arn}/invocations"
  get  = { "x-amazon-apigateway-integration" = { uri = local.uri, httpMethod = local.method } }
  method = "POST"
  spec = { paths = { "/" = { get = local.get } } }
}
resource "aws_api_gateway_rest_api" "main" {
  body = yamlencode(local.spec)
}
`)
	op := onlyOp(t, Read(c.reader(t.TempDir()).Body(c.body)))
	if got := op.Integration.URI.Str.String(); got != "arn:aws:apigateway:${var.region}:lambda:path/2015-03-31/functions/${aws_lambda_function.fn.arn}/invocations" {
		t.Fatalf("uri %q", got)
	}
	if got := text(t, op.Integration.HTTPMethod); got != "POST" || op.Integration.HTTPMethod.Pos.Line != 5 {
		t.Fatalf("httpMethod %q at %v", got, op.Integration.HTTPMethod.Pos)
	}
}

func TestHCLUnknownParts(t *testing.T) {
	c := parseTF(t, `
resource "aws_api_gateway_rest_api" "main" {
  body = jsonencode({
    paths = { for p in var.paths : p => { get = {} } }
    security = var.on ? [] : [{ a = [] }]
    "x-amazon-apigateway-api-key-source" = upper(var.src)
    "x-amazon-apigateway-endpoint-configuration" = { vpcEndpointIds = aws_vpc_endpoint.x[*].id }
    components = { securitySchemes = { "${var.name}" = { type = "apiKey" } } }
  })
}
`)
	s := Read(c.reader(t.TempDir()).Body(c.body))
	if !s.Known || s.OperationsKnown || len(s.Operations) != 0 {
		t.Fatalf("paths: known %v ops %d", s.OperationsKnown, len(s.Operations))
	}
	if s.Security.Known || !s.Security.Set {
		t.Fatalf("security %#v", s.Security)
	}
	if _, ok := s.APIKeySource.Text(); ok || !s.APIKeySource.Set {
		t.Fatal("api key source should be set and unknown")
	}
	if l := s.Endpoint.VPCEndpointIDs; l.Known || !l.Set {
		t.Fatalf("vpc endpoints %#v", l)
	}
	if _, known := s.Scheme("a"); known || s.SchemesKnown {
		t.Fatal("a scheme with an interpolated name makes schemes unknown")
	}
}

func TestTextBodies(t *testing.T) {
	cases := []struct {
		name, tf string
		line     int // of the get operation in main.tf; 0 for one-line strings
	}{
		{"json heredoc", `
resource "aws_api_gateway_rest_api" "main" {
  body = <<EOF
{
  "paths": {
    "/a": {
      "get": {
        "x-amazon-apigateway-integration": {"httpMethod": "POST", "uri": "${aws_lambda_function.fn.invoke_arn}"}
      }
    }
  }
}
EOF
}
`, 7},
		{"yaml heredoc", `
resource "aws_api_gateway_rest_api" "main" {
  body = <<-EOT
    paths:
      /a:
        get:
          x-amazon-apigateway-integration:
            httpMethod: POST
            uri: ${aws_lambda_function.fn.invoke_arn}
  EOT
}
`, 6},
		{"json string", `
resource "aws_api_gateway_rest_api" "main" {
  body = "{\"paths\": {\"/a\": {\"get\": {\"x-amazon-apigateway-integration\": {\"httpMethod\": \"POST\", \"uri\": \"${aws_lambda_function.fn.invoke_arn}\"}}}}}"
}
`, 3},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := parseTF(t, tc.tf)
			doc := c.reader(t.TempDir()).Body(c.body)
			if doc.Form != FormText {
				t.Fatalf("form %v: %s", doc.Form, doc.Reason)
			}
			op := onlyOp(t, Read(doc))
			if op.Pos.File != "main.tf" || op.Pos.Line != tc.line || op.Pos.Editable() {
				t.Fatalf("position %+v", op.Pos)
			}
			uri := op.Integration.URI.Str
			if len(uri.Parts) != 1 || uri.Parts[0].Ref != "aws_lambda_function.fn.invoke_arn" || uri.Parts[0].Expr == nil {
				t.Fatalf("uri %#v", uri)
			}
			if text(t, op.Integration.HTTPMethod) != "POST" {
				t.Fatal("httpMethod")
			}
		})
	}
}

const specYAML = `openapi: 3.0.1
info:
  title: items
paths:
  /items:
    get:
      security:
        - api_key: []
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: ${method}
        uri: ${fn}
    options:
      x-amazon-apigateway-integration:
        type: mock
        uri: "arn:aws:apigateway:${region}:lambda:path/${name}"
components:
  securitySchemes:
    api_key:
      type: apiKey
      in: header
      name: x-api-key
`

func TestFiles(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"specs/api.yaml": specYAML,
		"api.json":       "{\n  \"paths\": {\n    \"/x\": {\n      \"post\": {}\n    }\n  }\n}\n",
	})
	cases := []struct {
		name, body, file string
		line             int
	}{
		{"path.module yaml", `file("${path.module}/specs/api.yaml")`, "specs/api.yaml", 6},
		{"dot json", `file("./api.json")`, "api.json", 4},
		{"bare json", `file("api.json")`, "api.json", 4},
		{"local path", `file(local.p)`, "api.json", 4},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := parseTF(t, "locals {\n  p = \"${path.module}/api.json\"\n}\nresource \"x\" \"y\" {\n  body = "+tc.body+"\n}\n")
			doc := c.reader(dir).Body(c.body)
			if doc.Form != FormFile || doc.File != tc.file {
				t.Fatalf("form %v file %q: %s", doc.Form, doc.File, doc.Reason)
			}
			op := Read(doc).Operations[0]
			if op.Pos.File != tc.file || op.Pos.Line != tc.line || op.Where() != tc.file+":"+strconv.Itoa(tc.line)+", "+op.Pointer() {
				t.Fatalf("where %q", op.Where())
			}
		})
	}
}

func TestTemplateFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{"api.yaml": specYAML})
	c := parseTF(t, `
resource "aws_api_gateway_rest_api" "main" {
  body = templatefile("${path.module}/api.yaml", {
    fn     = aws_lambda_function.fn.arn
    method = "PUT"
    region = var.region
  })
}
`)
	doc := c.reader(dir).Body(c.body)
	if doc.Form != FormTemplate || doc.File != "api.yaml" {
		t.Fatalf("form %v: %s", doc.Form, doc.Reason)
	}
	s := Read(doc)
	if len(s.Operations) != 2 {
		t.Fatalf("operations %d", len(s.Operations))
	}
	get, options := s.Operations[0], s.Operations[1]
	// A bound literal is its text, at the template's line.
	if text(t, get.Integration.HTTPMethod) != "PUT" || get.Integration.HTTPMethod.Pos.Line != 11 {
		t.Fatalf("httpMethod at %v", get.Integration.HTTPMethod.Pos)
	}
	// A bound reference is a hole with its expression: a bare ${fn} is of
	// unknown kind, still carrying the hole.
	uri := get.Integration.URI
	if !uri.Set || len(uri.Str.Parts) != 1 || uri.Str.Parts[0].Ref != "aws_lambda_function.fn.arn" || uri.Str.Parts[0].Expr == nil || uri.Node.Kind != KindUnknown {
		t.Fatalf("uri %#v", uri)
	}
	// ${region} bound to var.region keeps the reference; ${name} is unbound.
	parts := options.Integration.URI.Str.Parts
	if len(parts) != 4 || parts[1].Ref != "var.region" || !parts[3].Hole || parts[3].Ref != "" || parts[3].Expr != nil {
		t.Fatalf("options uri %#v", parts)
	}
	if sc, ok := s.Scheme("api_key"); !ok || sc == nil || text(t, sc.In) != "header" {
		t.Fatal("api_key scheme")
	}
	if names := get.Security.Names(); len(names) != 1 || names[0] != "api_key" {
		t.Fatalf("security %v", names)
	}
}

func TestTemplateUnknownVars(t *testing.T) {
	dir := writeFiles(t, map[string]string{"api.yaml": specYAML})
	c := parseTF(t, "resource \"x\" \"y\" {\n  body = templatefile(\"api.yaml\", var.vars)\n}\n")
	op := Read(c.reader(dir).Body(c.body)).Operations[0]
	if _, ok := op.Integration.HTTPMethod.Text(); ok || !op.Integration.HTTPMethod.Set {
		t.Fatal("an interpolation with unknown vars is unknown")
	}
}

func TestTemplateDirectives(t *testing.T) {
	cases := map[string]struct {
		template string
		known    bool
	}{
		"for over paths":  {"paths:\n%{ for p in paths ~}\n  ${p}:\n    get: {}\n%{ endfor ~}\n", false},
		"inline for":      {"paths:\n  /a:\n    get:\n      tags: [%{ for t in tags }${t},%{ endfor }]\n", false},
		"if across lines": {"paths:\n  /a:\n%{ if cors ~}\n    options: {}\n%{ endif ~}\n    get: {}\n", false},
		"inline if":       {"paths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n        uri: \"a%{ if x }b%{ endif }\"\n", true},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"api.yaml": tc.template})
			c := parseTF(t, "resource \"x\" \"y\" {\n  body = templatefile(\"api.yaml\", { paths = [], tags = [], cors = true, x = true })\n}\n")
			doc := c.reader(dir).Body(c.body)
			if doc.Known() != tc.known {
				t.Fatalf("known %v: %s", doc.Known(), doc.Reason)
			}
			if tc.known {
				uri := Read(doc).Operations[0].Integration.URI.Str
				if uri.String() != "a${...}" {
					t.Fatalf("uri %q", uri.String())
				}
			}
		})
	}
}

func TestTemplateData(t *testing.T) {
	dir := writeFiles(t, map[string]string{"api.yaml": specYAML})
	c := parseTF(t, `
data "template_file" "api" {
  template = file("${path.module}/api.yaml")
  vars = { fn = aws_lambda_function.fn.invoke_arn, method = "POST" }
}
`)
	r := c.reader(dir)
	op := Read(r.TemplateData(c.body, r.Bindings(c.vars))).Operations[0]
	if op.Integration.URI.Str.Parts[0].Ref != "aws_lambda_function.fn.invoke_arn" || text(t, op.Integration.HTTPMethod) != "POST" {
		t.Fatalf("integration %#v", op.Integration.URI.Str)
	}

	c = parseTF(t, `
data "template_file" "api" {
  template = <<EOF
paths:
  /a:
    get:
      x-amazon-apigateway-integration:
        uri: "$${fn}"
        credentials: ${aws_iam_role.r.arn}
EOF
  vars = { fn = aws_lambda_function.fn.invoke_arn }
}
`)
	r = c.reader(dir)
	doc := r.TemplateData(c.body, r.Bindings(c.vars))
	op = onlyOp(t, Read(doc))
	if uri := op.Integration.URI.Str; uri.Parts[0].Ref != "aws_lambda_function.fn.invoke_arn" || op.Integration.URI.Node.Kind != KindString {
		t.Fatalf("uri %#v", uri)
	}
	if cred := op.Integration.Credentials.Str; cred.Parts[0].Ref != "aws_iam_role.r.arn" {
		t.Fatalf("credentials %#v", cred)
	}
	if op.Pos.File != "main.tf" || op.Pos.Line != 6 {
		t.Fatalf("position %+v", op.Pos)
	}
}

func TestUnknownBodies(t *testing.T) {
	outside := writeFiles(t, map[string]string{"secret.yaml": "paths: {}\n"})
	dir := writeFiles(t, map[string]string{
		"bad.yaml":   "paths:\n  /a: [\n",
		"bin.yaml":   "paths:\x00\n",
		"two.yaml":   "a: 1\n---\nb: 2\n",
		"empty.yaml": "",
		"big.yaml":   "paths: {}\n" + strings.Repeat("# padding\n", 100),
		"tpl.yaml":   "paths: ${\n",
	})
	if err := os.Symlink(filepath.Join(outside, "secret.yaml"), filepath.Join(dir, "link.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "out")); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"variable":          `var.body`,
		"module output":     `module.api.body`,
		"other function":    `merge(local.a)`,
		"invalid yaml":      `file("bad.yaml")`,
		"binary":            `file("bin.yaml")`,
		"two documents":     `file("two.yaml")`,
		"empty":             `file("empty.yaml")`,
		"too large":         `file("big.yaml")`,
		"missing file":      `file("nope.yaml")`,
		"symlink out":       `file("link.yaml")`,
		"folder link out":   `file("${path.module}/out/secret.yaml")`,
		"unknown path":      `file("${var.dir}/api.yaml")`,
		"a folder":          `file(path.module)`,
		"template bad yaml": `templatefile("bad.yaml", {})`,
		"bad template":      `templatefile("tpl.yaml", {})`,
		"yaml anchors bomb": "<<EOF\n" + billionLaughs + "EOF",
		"deep nesting":      `"` + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + `"`,
		"not a document":    `"a: b: c"`,
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			c := parseTF(t, "resource \"x\" \"y\" {\n  body = "+body+"\n}\n")
			r := c.reader(dir)
			r.MaxFileSize = 512
			r.MaxNodes = 10_000
			doc := r.Body(c.body)
			if name == "deep nesting" {
				// Deep nesting parses; past the depth limit it is unknown.
				if doc.Known() && !hasUnknown(doc.Root) {
					t.Fatal("deep nesting read to the end")
				}
				return
			}
			if doc.Known() {
				t.Fatalf("known: %#v", doc.Root)
			}
			t.Logf("reason: %s", doc.Reason)
			if doc.Reason == "" {
				t.Fatal("no reason")
			}
			s := Read(doc)
			if s.Known || s.OperationsKnown || s.SchemesKnown || s.Security.Known || s.Policy == nil {
				t.Fatalf("view of an unknown document claims knowledge: %+v", s)
			}
		})
	}
}

const billionLaughs = `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`

func hasUnknown(n *Node) bool {
	if n.Kind == KindUnknown {
		return true
	}
	for _, it := range n.Items {
		if hasUnknown(it) {
			return true
		}
	}
	return false
}

func TestYAMLAnchorsAndMerge(t *testing.T) {
	doc := Parse(`x-integration: &lambda
  type: aws_proxy
  httpMethod: POST
paths:
  /a:
    get:
      x-amazon-apigateway-integration: *lambda
    put:
      x-amazon-apigateway-integration:
        <<: *lambda
        httpMethod: PUT
`, "api.yaml")
	s := Read(doc)
	if len(s.Operations) != 2 {
		t.Fatalf("operations: %d %s", len(s.Operations), doc.Reason)
	}
	if text(t, s.Operations[0].Integration.HTTPMethod) != "POST" || text(t, s.Operations[1].Integration.HTTPMethod) != "PUT" || text(t, s.Operations[1].Integration.Type) != "aws_proxy" {
		t.Fatal("aliases and merge keys")
	}
}

func TestParentPaths(t *testing.T) {
	root := writeFiles(t, map[string]string{"shared/api.yaml": "paths:\n  /a:\n    get: {}\n", "mod/main.tf": ""})
	outside := filepath.Dir(root)
	if err := os.WriteFile(filepath.Join(outside, "secret.yaml"), []byte("paths: {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	defer os.Remove(filepath.Join(outside, "secret.yaml"))
	// The module's tree is the configuration: a file beside the module's
	// folder is outside it, as is anything above.
	r := &Reader{Files: beside.Open(root, "mod")}
	body := func(src string) *Document {
		return r.Body(parseTFNamed(t, "mod/main.tf", "resource \"x\" \"y\" {\n  body = "+src+"\n}\n").body)
	}
	if doc := body(`file("${path.module}/../shared/api.yaml")`); doc.Known() || !strings.Contains(doc.Reason, "inside the configuration") {
		t.Fatalf("beside the module: %s", doc.Reason)
	}
	if doc := body(`file("../../secret.yaml")`); doc.Known() || !strings.Contains(doc.Reason, "inside the configuration") {
		t.Fatalf("outside the configuration: %s", doc.Reason)
	}
	// Run from the folder above (tflint --chdir=mod names files mod/main.tf).
	r = &Reader{Files: beside.Open(root, ".")}
	doc := body(`file("${path.module}/../shared/api.yaml")`)
	if !doc.Known() || doc.File != "../shared/api.yaml" || Read(doc).Operations[0].Pos.String() != "../shared/api.yaml:3" {
		t.Fatalf("inside the tree: %q %s", doc.File, doc.Reason)
	}
}

func TestAliasesBoundedByDocumentSize(t *testing.T) {
	// About 130,000 nodes from six lines: under the node limit, far over
	// what aliases may add to a document this small.
	bomb := strings.SplitAfterN(billionLaughs, "\n", 6)
	text := strings.Join(bomb[:5], "") + "f: &f [*e, *e]\n"
	if doc := Parse(text, "api.yaml"); doc.Known() {
		t.Fatal("alias expansion read")
	}
	shared := "x: &x {type: aws_proxy}\npaths:\n" + strings.Repeat("  /a: {get: {x-amazon-apigateway-integration: *x}}\n", 1)
	if doc := Parse(shared, "api.yaml"); !doc.Known() {
		t.Fatalf("a shared block: %s", doc.Reason)
	}
}

func TestTemplateFileData(t *testing.T) {
	dir := writeFiles(t, map[string]string{"api.yaml": specYAML})
	c := parseTF(t, `
locals {
  body = data.template_file.api.rendered
}
data "template_file" "api" {
  template = file("api.yaml")
  vars = { fn = aws_lambda_function.fn.invoke_arn }
}
resource "aws_api_gateway_rest_api" "main" {
  body = local.body
}
`)
	r := c.reader(dir)
	if doc := r.Body(c.body); doc.Known() || doc.Reason != "the body is data.template_file.api.rendered" {
		t.Fatalf("without Rendered: %s", doc.Reason)
	}
	r.Rendered = func(tr hcl.Traversal) (hcl.Expression, hcl.Expression, bool) {
		// The test's parseTF keeps the last template and vars seen.
		return c.template, c.vars, true
	}
	doc := r.Body(c.body)
	if doc.Form != FormTemplate || Read(doc).Operations[0].Integration.URI.Str.Parts[0].Ref != "aws_lambda_function.fn.invoke_arn" {
		t.Fatalf("through Rendered: %s", doc.Reason)
	}
	if doc := r.Body(parseTF(t, "resource \"x\" \"y\" {\n  body = jsonencode(var.spec)\n}\n").body); doc.Known() || doc.Reason == "" {
		t.Fatal("jsonencode of a variable is unknown")
	}
}

func TestPlainKeepsHoles(t *testing.T) {
	c := parseTF(t, `
resource "aws_api_gateway_rest_api" "main" {
  body = jsonencode({
    "x-amazon-apigateway-policy" = {
      Statement = [{ Effect = "Allow", Principal = "*", Action = "execute-api:Invoke",
        Resource = ["${aws_api_gateway_rest_api.main.execution_arn}/*", local.other] }]
    }
  })
}
`)
	s := Read(c.reader(t.TempDir()).Body(c.body))
	st := s.Policy.Plain().(map[string]any)["Statement"].([]any)[0].(map[string]any)
	res := st["Resource"].([]any)
	first := res[0].(partial.String)
	if first.String() != "${aws_api_gateway_rest_api.main.execution_arn}/*" || !first.InHCL() {
		t.Fatalf("resource %#v", first)
	}
	if u, ok := res[1].(Unknown); !ok || u.Str.Parts[0].Ref != "local.other" {
		t.Fatalf("unknown entry %#v", res[1])
	}
}
