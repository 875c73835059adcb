package gentree

import (
	"fmt"
	"strings"
)

// BodyForm is how a body-defined API writes its OpenAPI document.
type BodyForm string

// The forms real repositories use.
const (
	JSONEncode   BodyForm = "jsonencode"   // body = jsonencode({...}) inline
	TemplateFile BodyForm = "templatefile" // templatefile() of specs/<api>.yaml, invoke ARN bound as fn
	FileJSON     BodyForm = "file"         // file() of specs/<api>.json, invoke ARN written out
)

// BodyForms lists the forms in the order Generate rotates through them.
var BodyForms = []BodyForm{JSONEncode, TemplateFile, FileJSON}

// The account and region the file() form writes into its literal ARNs,
// matching the Lambda function of lambdaText.
const (
	bodyRegion  = "eu-west-1"
	bodyAccount = "123456789012"
)

// BodyAPIFiles is one REST API defined by an OpenAPI 3 body of form: routes
// GET operations, each an aws_proxy POST integration to the API's Lambda
// function, the function and its permission, a deployment whose triggers
// hash the body, a stage and method settings. It returns the .tf file and,
// for the file forms, the spec beside it (specs/<api>.yaml or .json).
// Everything is written correctly: no rule has anything to report.
func BodyAPIFiles(api string, routes int, form BodyForm) map[string]string {
	var body string
	out := map[string]string{}
	switch form {
	case JSONEncode:
		body = jsonencodeBody(api, routes)
	case TemplateFile:
		body = fmt.Sprintf("templatefile(\"${path.module}/specs/%[1]s.yaml\", {\n    fn = aws_lambda_function.%[1]s.invoke_arn\n  })", api)
		out["specs/"+api+".yaml"] = yamlSpec(api, routes)
	case FileJSON:
		body = fmt.Sprintf("file(\"${path.module}/specs/%s.json\")", api)
		out["specs/"+api+".json"] = jsonSpec(api, routes)
	default:
		panic("gentree: unknown body form " + string(form))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "resource \"aws_api_gateway_rest_api\" %q {\n  name = %q\n  body = %s\n}\n\n", api, api, body)
	// The function knows its stage prefix, as a spec-first team's framework
	// would be told (apigw_stage_prefix_root_path).
	b.WriteString(strings.Replace(lambdaText(api, "aws_api_gateway_rest_api"), "  filename      = \"app.zip\"\n",
		"  filename      = \"app.zip\"\n\n  environment {\n    variables = {\n      ROOT_PATH = \"/prod\"\n    }\n  }\n", 1))
	fmt.Fprintf(&b, `resource "aws_api_gateway_deployment" %[1]q {
  rest_api_id = aws_api_gateway_rest_api.%[1]s.id

  triggers = {
    redeployment = sha1(aws_api_gateway_rest_api.%[1]s.body)
  }

  lifecycle {
    create_before_destroy = true
  }
}

`, api)
	b.WriteString(stageText(api))
	out[api+".tf"] = b.String()
	return out
}

func jsonencodeBody(api string, routes int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "jsonencode({\n    openapi = \"3.0.1\"\n    info = {\n      title   = %q\n      version = \"1.0\"\n    }\n    paths = {\n", api)
	for r := 0; r < routes; r++ {
		fmt.Fprintf(&b, `      "/r%d" = {
        get = {
          x-amazon-apigateway-integration = {
            type       = "aws_proxy"
            httpMethod = "POST"
            uri        = aws_lambda_function.%s.invoke_arn
          }
        }
      }
`, r, api)
	}
	b.WriteString("    }\n  })")
	return b.String()
}

func yamlSpec(api string, routes int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "openapi: 3.0.1\ninfo:\n  title: %s\n  version: \"1.0\"\npaths:\n", api)
	for r := 0; r < routes; r++ {
		fmt.Fprintf(&b, `  /r%d:
    get:
      responses:
        "200":
          description: OK
      x-amazon-apigateway-integration:
        type: aws_proxy
        httpMethod: POST
        uri: "${fn}"
        passthroughBehavior: when_no_match
`, r)
	}
	return b.String()
}

func jsonSpec(api string, routes int) string {
	uri := fmt.Sprintf("arn:aws:apigateway:%[1]s:lambda:path/2015-03-31/functions/arn:aws:lambda:%[1]s:%[2]s:function:%[3]s/invocations", bodyRegion, bodyAccount, api)
	var paths []string
	for r := 0; r < routes; r++ {
		paths = append(paths, fmt.Sprintf(`    "/r%d": {
      "get": {
        "responses": {"200": {"description": "OK"}},
        "x-amazon-apigateway-integration": {
          "type": "aws_proxy",
          "httpMethod": "POST",
          "uri": %q,
          "passthroughBehavior": "when_no_match"
        }
      }
    }`, r, uri))
	}
	return fmt.Sprintf("{\n  \"openapi\": \"3.0.1\",\n  \"info\": {\"title\": %q, \"version\": \"1.0\"},\n  \"paths\": {\n%s\n  }\n}\n", api, strings.Join(paths, ",\n"))
}
