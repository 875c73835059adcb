package openapi

import (
	"fmt"
	"strings"
	"testing"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

const swaggerJSON = `{
	"swagger": "2.0",
	"security": [{"root_key": []}],
	"x-amazon-apigateway-api-key-source": "AUTHORIZER",
	"x-amazon-apigateway-endpoint-configuration": {"disableExecuteApiEndpoint": true, "vpcEndpointIds": ["vpce-1", "vpce-2"]},
	"x-amazon-apigateway-policy": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "execute-api:Invoke", "Resource": ["execute-api:/*"]}]},
	"x-amazon-apigateway-gateway-responses": {
		"DEFAULT_4XX": {"statusCode": 403, "responseParameters": {"gatewayresponse.header.Access-Control-Allow-Origin": "'*'"}}
	},
	"securityDefinitions": {
		"root_key": {"type": "apiKey", "name": "x-api-key", "in": "header"},
		"lambda": {
			"type": "apiKey", "name": "Authorization", "in": "header",
			"x-amazon-apigateway-authtype": "custom",
			"x-amazon-apigateway-authorizer": {
				"type": "token",
				"authorizerUri": "arn:aws:lambda:us-east-1:123456789012:function:auth",
				"authorizerCredentials": "arn:aws:iam::123456789012:role/invoker",
				"authorizerResultTtlInSeconds": 300
			}
		}
	},
	"paths": {
		"/": {"get": {"x-amazon-apigateway-integration": {"type": "mock"}}},
		"/{proxy+}": {
			"x-amazon-apigateway-any-method": {
				"security": [{"lambda": []}, {"root_key": [], "lambda": []}],
				"x-amazon-apigateway-integration": {"type": "aws_proxy", "httpMethod": "POST", "uri": "arn:aws:lambda:us-east-1:123456789012:function:fn"}
			},
			"options": {"security": []},
			"parameters": [{"name": "proxy", "in": "path"}]
		}
	}
}`

func TestSwaggerView(t *testing.T) {
	s := Read(Parse(swaggerJSON, "api.json"))
	if !s.Known || !s.OperationsKnown || len(s.Operations) != 3 || text(t, s.Version) != "2.0" {
		t.Fatalf("spec: known %v ops %d", s.Known, len(s.Operations))
	}
	root, anyOp, options := s.Operations[0], s.Operations[1], s.Operations[2]
	if root.Security.Set || !s.Security.Set || s.Security.Names()[0] != "root_key" {
		t.Fatal("an operation without security has only the root level")
	}
	if anyOp.HTTPMethod() != "ANY" || anyOp.RouteKey() != "ANY /{proxy+}" || anyOp.Pos.Line != 26 {
		t.Fatalf("any method %s at %v", anyOp.RouteKey(), anyOp.Pos)
	}
	if got := strings.Join(anyOp.Security.Names(), ","); got != "lambda,root_key" || len(anyOp.Security.Requirements) != 2 {
		t.Fatalf("security %s", got)
	}
	if !options.Security.Set || len(options.Security.Requirements) != 0 || !options.Security.Known {
		t.Fatal("security: [] clears authorization")
	}
	if text(t, anyOp.Integration.URI) != "arn:aws:lambda:us-east-1:123456789012:function:fn" || anyOp.Integration.URI.Pos.Line != 28 {
		t.Fatal("uri")
	}
	if root.Integration.Credentials.Set || !root.Integration.Set {
		t.Fatal("credentials are not written")
	}
	sc, known := s.Scheme("lambda")
	if !known || text(t, sc.AuthType) != "custom" || text(t, sc.Authorizer.Type) != "token" || text(t, sc.Authorizer.Credentials) == "" {
		t.Fatal("lambda scheme")
	}
	if ttl, ok := sc.Authorizer.ResultTTL.Int(); !ok || ttl != 300 {
		t.Fatal("ttl")
	}
	if _, known := s.Scheme("missing"); !known {
		t.Fatal("a complete spec knows a scheme is missing")
	}
	if text(t, s.APIKeySource) != "AUTHORIZER" {
		t.Fatal("key source")
	}
	if d, ok := s.Endpoint.DisableExecuteAPIEndpoint.Bool(); !ok || !d || len(s.Endpoint.VPCEndpointIDs.Items) != 2 {
		t.Fatal("endpoint configuration")
	}
	gr := s.GatewayResponses
	if len(gr) != 1 || gr[0].Type != "DEFAULT_4XX" || text(t, gr[0].StatusCode) != "403" || gr[0].Parameters[0].Name != "gatewayresponse.header.Access-Control-Allow-Origin" || text(t, gr[0].Parameters[0].Value) != "'*'" {
		t.Fatalf("gateway responses %+v", gr)
	}
	policy, ok := s.Policy.Plain().(map[string]any)
	if !ok {
		t.Fatalf("policy %#v", s.Policy.Plain())
	}
	st := policy["Statement"].([]any)[0].(map[string]any)
	if v, _ := st["Effect"].(partial.String).Known(); v != "Allow" {
		t.Fatalf("statement %#v", st)
	}
}

func TestHTTPAPIView(t *testing.T) {
	s := Read(Parse(`openapi: 3.0.1
paths:
  /items:
    get:
      security:
        - jwt: [read]
      x-amazon-apigateway-integration:
        type: AWS_PROXY
        payloadFormatVersion: "2.0"
        httpMethod: POST
        uri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:f/invocations
  /$default:
    x-amazon-apigateway-any-method:
      isDefaultRoute: true
      x-amazon-apigateway-integration:
        type: http_proxy
        payloadFormatVersion: 1.0
        uri: https://example.com
components:
  securitySchemes:
    jwt:
      type: oauth2
      x-amazon-apigateway-authorizer:
        type: jwt
        identitySource: $request.header.Authorization
        jwtConfiguration:
          issuer: https://cognito-idp.us-east-1.amazonaws.com/pool
          audience: [client]
    req:
      type: apiKey
      in: header
      name: Authorization
      x-amazon-apigateway-authorizer:
        type: request
        authorizerUri: arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:1:function:a/invocations
        authorizerPayloadFormatVersion: "2.0"
        enableSimpleResponses: true
`, "api.yaml"))
	if len(s.Operations) != 2 {
		t.Fatalf("operations %d", len(s.Operations))
	}
	get, def := s.Operations[0], s.Operations[1]
	if get.RouteKey() != "GET /items" || def.RouteKey() != "$default" {
		t.Fatalf("routes %s %s", get.RouteKey(), def.RouteKey())
	}
	if text(t, get.Integration.PayloadFormatVersion) != "2.0" || text(t, def.Integration.PayloadFormatVersion) != "1.0" {
		t.Fatal("payload format version as written")
	}
	if scopes := get.Security.Requirements[0].Schemes[0].Scopes; len(scopes.Items) != 1 || text(t, scopes.Items[0]) != "read" {
		t.Fatal("scopes")
	}
	jwt, _ := s.Scheme("jwt")
	if text(t, jwt.Authorizer.Type) != "jwt" || text(t, jwt.Authorizer.Issuer) == "" || len(jwt.Authorizer.Audience.Items) != 1 {
		t.Fatal("jwt authorizer")
	}
	req, _ := s.Scheme("req")
	if b, ok := req.Authorizer.EnableSimpleResponses.Bool(); !ok || !b || text(t, req.Authorizer.PayloadFormatVersion) != "2.0" {
		t.Fatal("request authorizer")
	}
}

func TestJSONWithTabs(t *testing.T) {
	doc := Parse("{\n\t\"paths\": {\n\t\t\"/a\": {\n\t\t\t\"get\": {}\n\t\t}\n\t}\n}", "api.json")
	if op := Read(doc).Operations; len(op) != 1 || op[0].Pos.Line != 4 || op[0].Pos.Column != 4 {
		t.Fatalf("tab-indented JSON: %s %+v", doc.Reason, op)
	}
}

func TestPartialPathsAreNotComplete(t *testing.T) {
	s := Read(Parse("paths:\n  /a:\n    $ref: other.yaml\n  __apigw403_hole_0__:\n    get: {}\n", "api.yaml"))
	if s.OperationsKnown {
		t.Fatal("a $ref path item or a key with a hole may hide operations")
	}
}

func FuzzParse(f *testing.F) {
	f.Add(swaggerJSON)
	f.Add(specYAML)
	f.Add(billionLaughs)
	f.Add("a: &a [*a]\n")
	f.Add("<<: [*x]\n")
	f.Add("paths:\n  " + partial.Marker(0) + ": {get: " + partial.Marker(1) + "}\n")
	f.Add("? [a, b]\n: c\n")
	f.Add("%{ for x in y }${x}%{ endfor }")
	f.Add("a: $${x} $$${y} %%{z} ${ fn } \\n ${a-b}")
	f.Fuzz(func(t *testing.T, text string) {
		Read(Parse(text, "api.yaml"))
		// The same text as a template file's content: directives and
		// interpolations with no bindings.
		r := &Reader{}
		r.template(partial.Lit(text), Vars{Known: true}, "api.yaml", textSource{file: "api.yaml", firstLine: 1})
		// The fast template reader agrees with the HCL parser.
		bind := func(name string) []partial.Part { return []partial.Part{{Hole: true, Ref: name}} }
		if fast, ok := simpleTemplate(text, bind); ok {
			slow, reason := r.conv().parseTemplate(text, "api.yaml", bind)
			if reason != "" {
				t.Fatalf("the HCL parser refuses what the fast reader read: %s", reason)
			}
			fastText, fastHoles := fast.Marked()
			slowText, slowHoles := slow.Marked()
			if fastText != slowText || fmt.Sprint(fastHoles) != fmt.Sprint(slowHoles) {
				t.Fatalf("fast %q, HCL %q", fast.String(), slow.String())
			}
		}
	})
}

// generatedSpec is a YAML spec with n operations, as teams write them for
// templatefile().
func generatedSpec(n int) string {
	var b strings.Builder
	b.WriteString("openapi: 3.0.1\ninfo:\n  title: bench\n  version: \"1\"\npaths:\n")
	for i := 0; i < n; i++ {
		method := []string{"get", "put", "post", "delete"}[i%4]
		if i%4 == 0 {
			fmt.Fprintf(&b, "  /items%d/{id}:\n", i/4)
		}
		fmt.Fprintf(&b, `    %s:
      operationId: op%d
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      security:
        - api_key: []
        - lambda: []
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Item"
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fn%d}/invocations"
        passthroughBehavior: when_no_match
`, method, i, i%7)
	}
	b.WriteString(`components:
  schemas:
    Item:
      type: object
      properties:
        id: {type: string}
  securitySchemes:
    api_key: {type: apiKey, in: header, name: x-api-key}
    lambda:
      type: apiKey
      in: header
      name: Authorization
      x-amazon-apigateway-authtype: custom
      x-amazon-apigateway-authorizer:
        type: request
        authorizerUri: "${authorizer}"
        authorizerResultTtlInSeconds: 300
`)
	return b.String()
}

func BenchmarkParse(b *testing.B) {
	text := generatedSpec(100)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		s := Read(Parse(text, "api.yaml"))
		if len(s.Operations) != 100 {
			b.Fatalf("operations %d", len(s.Operations))
		}
	}
}

func BenchmarkTemplateFile(b *testing.B) {
	dir := writeFiles(b, map[string]string{"api.yaml": generatedSpec(100)})
	src := "resource \"x\" \"y\" {\n  body = templatefile(\"${path.module}/api.yaml\", {\n"
	for i := 0; i < 7; i++ {
		src += fmt.Sprintf("    fn%d = aws_lambda_function.f%d.arn\n", i, i)
	}
	src += "    authorizer = aws_lambda_function.auth.invoke_arn\n  })\n}\n"
	c := parseTF(b, src)
	r := c.reader(dir)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		s := Read(r.Body(c.body))
		if len(s.Operations) != 100 {
			b.Fatalf("operations %d: %s", len(s.Operations), s.Doc.Reason)
		}
	}
}

func TestRefs(t *testing.T) {
	s := Read(Parse(`openapi: 3.0.1
paths:
  /a:
    get:
      x-amazon-apigateway-integration:
        $ref: "#/components/x-amazon-apigateway-integrations/fn"
    put:
      x-amazon-apigateway-integration:
        $ref: "other.yaml#/fn"
    post:
      x-amazon-apigateway-integration:
        $ref: "#/components/loop"
components:
  loop:
    $ref: "#/components/loop"
  x-amazon-apigateway-integrations:
    fn:
      type: AWS_PROXY
      uri: arn:aws:lambda:us-east-1:1:function:f
`, "api.yaml"))
	get, put, post := s.Operations[0], s.Operations[1], s.Operations[2]
	if text(t, get.Integration.Type) != "AWS_PROXY" || get.Integration.URI.Pos.Line != 19 {
		t.Fatal("a local $ref is followed")
	}
	if put.Integration.Known || !put.Integration.Set || post.Integration.Known {
		t.Fatal("an external or looping $ref is unknown")
	}
}
