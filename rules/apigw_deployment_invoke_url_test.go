package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func stagelessURL(dep string) string {
	return dep + `.invoke_url has no stage in it, as the deployment sets no stage_name: callers of that URL reach no stage and get 403 {"message":"Forbidden"} from API Gateway (use a stage's invoke_url)`
}

const invokeURLAPI = `resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
}
`

func TestApigwDeploymentInvokeURL(t *testing.T) {
	runRuleCases(t, NewApigwDeploymentInvokeURLRule(), []ruleCase{
		{
			Name: "an output of the deployment's URL points at the one stage",
			Content: invokeURLAPI + `
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "prod"
}

output "url" {
  value = aws_api_gateway_deployment.main.invoke_url
}
`,
			Expected: helper.Issues{{Message: stagelessURL("aws_api_gateway_deployment.main"), Range: at(16, 11, 16, 53)}},
			Fixed: invokeURLAPI + `
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "prod"
}

output "url" {
  value = aws_api_gateway_stage.prod.invoke_url
}
`,
		},
		{
			Name: "templates in environment variables, fixed inside the template, and locals",
			Content: invokeURLAPI + `
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "prod"
}

resource "aws_lambda_function" "client" {
  function_name = "client"
  environment {
    variables = {
      ORDERS_URL = "${aws_api_gateway_deployment.main.invoke_url}/orders"
    }
  }
}

locals {
  url = aws_api_gateway_deployment.main.invoke_url
}
`,
			Expected: helper.Issues{
				{Message: stagelessURL("aws_api_gateway_deployment.main"), Range: at(19, 23, 19, 65)},
				{Message: stagelessURL("aws_api_gateway_deployment.main"), Range: at(25, 9, 25, 51)},
			},
			Fixed: invokeURLAPI + `
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "prod"
}

resource "aws_lambda_function" "client" {
  function_name = "client"
  environment {
    variables = {
      ORDERS_URL = "${aws_api_gateway_stage.prod.invoke_url}/orders"
    }
  }
}

locals {
  url = aws_api_gateway_stage.prod.invoke_url
}
`,
		},
		{
			Name: "two stages, or none, or a counted deployment: reported without a fix",
			Content: invokeURLAPI + `
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "prod"
}

resource "aws_api_gateway_stage" "test" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "test"
}

resource "aws_api_gateway_deployment" "many" {
  count       = 2
  rest_api_id = aws_api_gateway_rest_api.main.id
}

output "url" {
  value = aws_api_gateway_deployment.main.invoke_url
}

output "first" {
  value = aws_api_gateway_deployment.many[0].invoke_url
}
`,
			Expected: helper.Issues{
				{Message: stagelessURL("aws_api_gateway_deployment.main"), Range: at(27, 11, 27, 53)},
				{Message: stagelessURL("aws_api_gateway_deployment.many"), Range: at(31, 11, 31, 56)},
			},
		},
		{
			Name: "the one stage's own arguments: reported, not fixed into a self-reference",
			Content: invokeURLAPI + `
resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "prod"
  variables = {
    base = aws_api_gateway_deployment.main.invoke_url
  }
}
`,
			Expected: helper.Issues{{Message: stagelessURL("aws_api_gateway_deployment.main"), Range: at(14, 12, 14, 54)}},
		},
		{
			Name: "inline stage_name, a stage's URL, other attributes, count 0 and resources of other modules: silent",
			Content: `variable "stage" {
  type = string
}

resource "aws_api_gateway_rest_api" "main" {
  name = "orders"
}

resource "aws_api_gateway_deployment" "inline" {
  rest_api_id = aws_api_gateway_rest_api.main.id
  stage_name  = var.stage
}

resource "aws_api_gateway_deployment" "main" {
  rest_api_id = aws_api_gateway_rest_api.main.id
}

resource "aws_api_gateway_deployment" "never" {
  count       = 0
  rest_api_id = aws_api_gateway_rest_api.main.id
}

resource "aws_api_gateway_stage" "prod" {
  rest_api_id   = aws_api_gateway_rest_api.main.id
  deployment_id = aws_api_gateway_deployment.main.id
  stage_name    = "prod"
}

output "inline" {
  value = aws_api_gateway_deployment.inline.invoke_url
}

output "stage" {
  value = aws_api_gateway_stage.prod.invoke_url
}

output "id" {
  value = aws_api_gateway_deployment.main.id
}

output "never" {
  value = aws_api_gateway_deployment.never[*].invoke_url
}

output "elsewhere" {
  value = aws_api_gateway_deployment.elsewhere.invoke_url
}
`,
		},
	})
}
