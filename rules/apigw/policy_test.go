package apigw

import (
	"errors"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/arn"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/policy"
)

const invoke = "execute-api:Invoke"

// fakeHost evaluates variables from a map and file("x") from files, the
// way tflint does for the model; everything else is unknown.
func fakeHost(vars map[string]cty.Value, files map[string]string) HostEval {
	return func(expr hcl.Expression) (cty.Value, error) {
		ctx := &hcl.EvalContext{
			Variables: map[string]cty.Value{"var": cty.ObjectVal(vars)},
		}
		if call, ok := expr.(*hclsyntax.FunctionCallExpr); ok && call.Name == "file" && len(call.Args) == 1 {
			name, _ := call.Args[0].Value(nil)
			if text, ok := files[name.AsString()]; ok {
				return cty.StringVal(text), nil
			}
			return cty.NilVal, errors.New("no such file")
		}
		v, diags := expr.Value(ctx)
		if diags.HasErrors() {
			return cty.NilVal, diags
		}
		return v, nil
	}
}

func policiesOf(t *testing.T, src string, host HostEval) ([]*PolicyDoc, bool) {
	t.Helper()
	g := Build(parseModule(t, map[string]string{"main.tf": src}), host)
	api := g.Lookup("aws_api_gateway_rest_api.main")
	if api == nil {
		t.Fatal("no API")
	}
	return g.Policies(api.API)
}

func onePolicy(t *testing.T, src string, host HostEval) *PolicyDoc {
	t.Helper()
	docs, known := policiesOf(t, src, host)
	if !known || len(docs) != 1 {
		t.Fatalf("policies = %d (known %v), want one", len(docs), known)
	}
	return docs[0]
}

func TestPolicyFromJsonencodeKeepsKnownParts(t *testing.T) {
	d := onePolicy(t, `
resource "aws_api_gateway_rest_api" "main" {
  name = "main"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "${aws_api_gateway_rest_api.main.execution_arn}/*"
      Condition = {
        StringEquals = { "aws:SourceVpce" = var.vpce }
      }
    }]
  })
}
`, fakeHost(map[string]cty.Value{"vpce": cty.StringVal("vpce-1")}, nil))
	p := d.Policy
	if !p.Complete() || p.Allows(invoke) != policy.Yes || d.Label() != "aws_api_gateway_rest_api.main.policy" {
		t.Fatalf("policy = %+v", p)
	}
	s := p.Statements[0]
	r := arn.ParseResource(s.Resource.Items[0])
	if r.Kind != arn.ResExecutionARN || r.APIRef != "aws_api_gateway_rest_api.main" || !s.Resource.Items[0].InHCL() {
		t.Errorf("resource = %+v", r)
	}
	if c := s.ConditionsOn("aws:sourcevpce"); len(c) != 1 || c[0].Operator != "StringEquals" {
		t.Errorf("conditions = %+v", s.Conditions)
	} else if v, _ := c[0].Values[0].Known(); v != "vpce-1" {
		t.Errorf("a variable's value in a condition reads %q", v)
	}
}

func TestPolicyFromStringsHeredocsAndFiles(t *testing.T) {
	host := fakeHost(map[string]cty.Value{"stage": cty.StringVal("prod")}, map[string]string{
		"policy.json": `{"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "*", "Resource": "*"}]}`,
	})
	cases := []struct {
		name, policy string
		allows       policy.Tri
		complete     bool
		resource     string
	}{
		{"a JSON string", `"{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"execute-api:Invoke\", \"Resource\": \"execute-api:/*\"}]}"`, policy.Yes, true, "execute-api:/*"},
		{"a heredoc with an unknown reference", `<<EOF
{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "${aws_api_gateway_rest_api.main.execution_arn}/${var.stage}/*"}]}
EOF`, policy.Yes, true, "${aws_api_gateway_rest_api.main.execution_arn}/prod/*"},
		{"file()", `file("policy.json")`, policy.No, true, "*"},
		{"a missing file", `file("nope.json")`, policy.Maybe, false, ""},
		{"malformed JSON", `"{\"Statement\": ["`, policy.Maybe, false, ""},
		{"an unknown variable", `var.policy`, policy.Maybe, false, ""},
		{"a heredoc with an interpolation outside strings", `<<EOF
{"Statement": ${var.statements}}
EOF`, policy.Maybe, false, ""},
		{"a template directive", `<<EOF
{"Statement": [%{ for s in var.list }${s}%{ endfor }]}
EOF`, policy.Maybe, false, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := onePolicy(t, `
resource "aws_api_gateway_rest_api" "main" {
  name   = "main"
  policy = `+tc.policy+`
}
`, host)
			if got := d.Policy.Allows(invoke); got != tc.allows {
				t.Errorf("Allows = %v, want %v", got, tc.allows)
			}
			if d.Policy.Complete() != tc.complete {
				t.Errorf("Complete = %v", d.Policy.Complete())
			}
			if tc.resource != "" {
				if got := d.Policy.Statements[0].Resource.Items[0].String(); got != tc.resource {
					t.Errorf("resource = %q, want %q", got, tc.resource)
				}
			}
		})
	}
}

func TestPolicyFromPolicyDocument(t *testing.T) {
	src := `
resource "aws_api_gateway_rest_api" "main" {
  name = "main"
}

resource "aws_api_gateway_rest_api_policy" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  policy      = data.aws_iam_policy_document.main.json
}

data "aws_iam_policy_document" "base" {
  statement {
    sid       = "base"
    actions   = ["execute-api:Invoke"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
  }
}

data "aws_iam_policy_document" "main" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]

  statement {
    actions   = ["execute-api:Invoke"]
    resources = ["${aws_api_gateway_rest_api.main.execution_arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceVpc"
      values   = ["vpc-1"]
    }
  }

  statement {
    effect        = "Deny"
    not_actions   = ["execute-api:Invoke"]
    not_resources = ["execute-api:/prod/*"]
    not_principals {
      type        = "AWS"
      identifiers = ["*"]
    }
  }
}
`
	d := onePolicy(t, src, nil)
	if d.Document == nil || d.Document.Address() != "data.aws_iam_policy_document.main" || d.Holder.Type != RestAPIPolicy {
		t.Fatalf("doc = %+v", d)
	}
	if d.Label() != "data.aws_iam_policy_document.main (the policy of aws_api_gateway_rest_api_policy.main)" {
		t.Errorf("label = %q", d.Label())
	}
	p := d.Policy
	if !p.Complete() || len(p.Statements) != 3 {
		t.Fatalf("policy = %+v", p)
	}
	base, allow, deny := p.Statements[0], p.Statements[1], p.Statements[2]
	if base.Sid != "base" || base.Anonymous() != policy.No || base.Effect != "Allow" {
		t.Errorf("source statement = %+v", base)
	}
	if allow.Anonymous() != policy.Yes || len(allow.ConditionsOn("aws:SourceVpc")) != 1 || !allow.Resource.Items[0].InHCL() {
		t.Errorf("allow = %+v", allow)
	}
	if deny.Effect != "Deny" || deny.Grants(invoke) != policy.No || !deny.NotPrincipal.Set || !deny.NotResource.Set {
		t.Errorf("deny = %+v", deny)
	}
	g := Build(parseModule(t, map[string]string{"main.tf": src}), nil)
	if h := g.Holders(g.Lookup("data.aws_iam_policy_document.main")); len(h) != 1 {
		t.Errorf("holders = %d", len(h))
	}
}

func TestPolicyDocumentUnknownParts(t *testing.T) {
	cases := []struct {
		name, body string
		complete   bool
		allows     policy.Tri
	}{
		{"a dynamic statement", `
  dynamic "statement" {
    for_each = var.statements
    content {}
  }`, false, policy.Maybe},
		{"unknown actions", `
  statement {
    actions = var.actions
    principals {
      type        = "*"
      identifiers = ["*"]
    }
  }`, true, policy.Maybe},
		{"an unknown effect", `
  statement {
    effect  = var.effect
    actions = ["*"]
  }`, true, policy.Maybe},
		{"unknown source documents", `
  source_policy_documents = var.docs
  statement {
    actions = ["s3:GetObject"]
  }`, false, policy.Maybe},
		{"a literal source document", `
  source_policy_documents = ["{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": \"execute-api:*\", \"Resource\": \"*\"}]}"]
  statement {
    actions = ["s3:GetObject"]
  }`, true, policy.Yes},
		{"an override by sid", `
  override_policy_documents = ["{\"Statement\": [{\"Sid\": \"a\", \"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"*\", \"Resource\": \"*\"}]}"]
  statement {
    sid     = "a"
    actions = ["execute-api:Invoke"]
  }`, true, policy.No},
		{"dynamic principals", `
  statement {
    actions = ["execute-api:Invoke"]
    dynamic "principals" {
      for_each = var.p
      content {}
    }
  }`, true, policy.Yes},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := onePolicy(t, `
resource "aws_api_gateway_rest_api" "main" {
  name   = "main"
  policy = data.aws_iam_policy_document.p.json
}

data "aws_iam_policy_document" "p" {`+tc.body+`
}
`, nil)
			if d.Policy.Complete() != tc.complete {
				t.Errorf("Complete = %v", d.Policy.Complete())
			}
			if got := d.Policy.Allows(invoke); got != tc.allows {
				t.Errorf("Allows = %v, want %v", got, tc.allows)
			}
			if tc.name == "dynamic principals" && d.Policy.Statements[0].Anonymous() != policy.Maybe {
				t.Error("dynamic principals must be unknown")
			}
		})
	}
}

func TestPolicyInOpenAPIBody(t *testing.T) {
	// Spec files are read beside the configuration, as the plugin does.
	files := map[string]string{
		"api.yaml": "openapi: 3.0.1\npaths: {}\n",
		"pol.yaml": "openapi: 3.0.1\nx-amazon-apigateway-policy:\n  Statement: []\n",
		"api.json": `{"openapi": "3.0.1", "x-amazon-apigateway-policy": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": "execute-api:/*"}]}}`,
	}
	cases := []struct {
		name, body string
		docs       int
		known      bool
		label      string
	}{
		{"jsonencode with a policy", `jsonencode({
    openapi = "3.0.1"
    "x-amazon-apigateway-policy" = {
      Statement = [{ Effect = "Allow", Principal = "*", Action = "execute-api:Invoke", Resource = "execute-api:/*" }]
    }
    paths = { "/" = { get = { "x-amazon-apigateway-integration" = { uri = aws_lambda_function.f.invoke_arn } } } }
  })`, 1, true, "the x-amazon-apigateway-policy of aws_api_gateway_rest_api.main.body"},
		{"jsonencode without a policy", `jsonencode({ openapi = "3.0.1", paths = {} })`, 0, true, ""},
		{"a JSON file with a policy", `file("api.json")`, 1, true, "the x-amazon-apigateway-policy (api.json:1) of aws_api_gateway_rest_api.main.body"},
		{"a YAML file without the extension", `file("api.yaml")`, 0, true, ""},
		{"a YAML file with an empty policy", `file("pol.yaml")`, 1, true, "the x-amazon-apigateway-policy (pol.yaml:3) of aws_api_gateway_rest_api.main.body"},
		{"a missing file", `file("gone.yaml")`, 0, false, ""},
		{"an unknown body", `var.body`, 0, false, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g := sourcesGraph(t, `
resource "aws_api_gateway_rest_api" "main" {
  name = "main"
  body = `+tc.body+`
}
`, files)
			docs, known := g.Policies(g.Lookup("aws_api_gateway_rest_api.main").API)
			if len(docs) != tc.docs || known != tc.known {
				t.Fatalf("docs = %d, known = %v", len(docs), known)
			}
			if tc.docs == 1 && docs[0].Label() != tc.label {
				t.Errorf("label %q, want %q", docs[0].Label(), tc.label)
			}
			if tc.name == "a JSON file with a policy" && docs[0].Policy.Allows(invoke) != policy.Yes {
				t.Errorf("policy = %+v", docs[0].Policy)
			}
		})
	}
}

func TestPoliciesOfAPIsNotDeclaredHere(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_rest_api_policy" "a" {
  rest_api_id = var.api_id
  policy      = "{}"
}
resource "aws_api_gateway_rest_api_policy" "b" {
  rest_api_id = data.aws_api_gateway_rest_api.x.id
  policy      = "{}"
}
`}), nil)
	for _, addr := range []string{"aws_api_gateway_rest_api_policy.a", "aws_api_gateway_rest_api_policy.b"} {
		if docs, known := g.Policies(g.Lookup(addr).API); docs != nil || known {
			t.Errorf("%s: the API is not here, yet its policies are known", addr)
		}
	}
}

func TestEndpointTypesAndStages(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_rest_api" "edge" {
  name = "edge"
}
resource "aws_api_gateway_rest_api" "private" {
  endpoint_configuration {
    types            = ["PRIVATE"]
    vpc_endpoint_ids = ["vpce-1"]
  }
}
resource "aws_api_gateway_rest_api" "unknown" {
  endpoint_configuration {
    types = var.types
  }
}
resource "aws_api_gateway_rest_api" "dyn" {
  dynamic "endpoint_configuration" {
    for_each = var.x
    content {
      types = ["PRIVATE"]
    }
  }
}
resource "aws_api_gateway_stage" "prod" {
  rest_api_id = aws_api_gateway_rest_api.edge.id
  stage_name  = "prod"
}
resource "aws_api_gateway_deployment" "d" {
  rest_api_id = aws_api_gateway_rest_api.edge.id
  stage_name  = "test"
}
resource "aws_api_gateway_stage" "v" {
  rest_api_id = aws_api_gateway_rest_api.private.id
  stage_name  = var.stage
}
`}), nil)
	api := func(name string) *API { return g.Lookup("aws_api_gateway_rest_api." + name).API }
	for name, want := range map[string]policy.Tri{"edge": policy.No, "private": policy.Yes, "unknown": policy.Maybe, "dyn": policy.Maybe} {
		if got := g.IsPrivate(api(name)); got != want {
			t.Errorf("IsPrivate(%s) = %v, want %v", name, got, want)
		}
	}
	if names, known := g.StageNames(api("edge")); !known || !equal(names, []string{"prod", "test"}) {
		t.Errorf("stage names = %v, %v", names, known)
	}
	if _, known := g.StageNames(api("private")); known {
		t.Error("a stage name from a variable is known")
	}
	if _, known := g.StageNames(api("unknown")); known {
		t.Error("an API without stages has known stage names")
	}
	if !SameResource("aws_api_gateway_rest_api.edge[0]", api("edge").Node) || SameResource("aws_api_gateway_rest_api.edgy", api("edge").Node) {
		t.Error("SameResource")
	}
}
