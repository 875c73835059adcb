package rules

import (
	"testing"

	"github.com/terraform-linters/tflint-plugin-sdk/helper"
)

func vpceDNS(vpce, apis string) string {
	return vpce + " is an execute-api interface endpoint with private DNS: inside its VPC every *.execute-api name resolves to it, and it serves private APIs only, so calls from that VPC to the public " + apis + " answer 403 Forbidden"
}

const executeAPIEndpoint = `resource "aws_vpc_endpoint" "api" {
  vpc_id              = aws_vpc.main.id
  service_name        = "com.amazonaws.${var.region}.execute-api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
`

func TestApigwVpcePrivateDNS(t *testing.T) {
	runRuleCases(t, NewApigwVpcePrivateDNSRule(), []ruleCase{
		{
			Name: "an edge REST API, a regional one and an HTTP API next to the endpoint; the private API is fine",
			Content: executeAPIEndpoint + `
resource "aws_api_gateway_rest_api" "edge" {
  name = "edge"
}

resource "aws_api_gateway_rest_api" "regional" {
  name = "regional"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_rest_api" "private" {
  name = "private"
  endpoint_configuration {
    types            = ["PRIVATE"]
    vpc_endpoint_ids = [aws_vpc_endpoint.api.id]
  }
}

resource "aws_apigatewayv2_api" "http" {
  name          = "http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_api" "ws" {
  name          = "ws"
  protocol_type = "WEBSOCKET"
}
`,
			Expected: helper.Issues{{
				Message: vpceDNS("aws_vpc_endpoint.api", "aws_api_gateway_rest_api.edge, aws_api_gateway_rest_api.regional, aws_apigatewayv2_api.http and 1 more"),
				Range:   at(5, 3, 5, 29),
			}},
		},
		{
			Name: "only private APIs, or endpoint types unknown",
			Content: executeAPIEndpoint + `
resource "aws_api_gateway_rest_api" "private" {
  name = "private"
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_rest_api" "unknown" {
  name = "unknown"
  endpoint_configuration {
    types = var.types
  }
}

resource "aws_api_gateway_stage" "s" {
  rest_api_id = var.rest_api_id
  stage_name  = "s"
}
`,
		},
		{
			Name: "endpoints that are not execute-api with private DNS",
			Content: `resource "aws_api_gateway_rest_api" "edge" {
  name = "edge"
}

resource "aws_vpc_endpoint" "no_dns" {
  service_name      = "com.amazonaws.eu-west-1.execute-api"
  vpc_endpoint_type = "Interface"
}

resource "aws_vpc_endpoint" "dns_unknown" {
  count               = 2
  service_name        = "com.amazonaws.eu-west-1.execute-api"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = var.dns
}

resource "aws_vpc_endpoint" "sqs" {
  service_name        = "com.amazonaws.eu-west-1.sqs"
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}

resource "aws_vpc_endpoint" "service_unknown" {
  service_name        = var.service_name
  vpc_endpoint_type   = "Interface"
  private_dns_enabled = true
}
`,
		},
		{
			Name: "the service name from data.aws_vpc_endpoint_service, in JSON",
			Content: `resource "aws_api_gateway_rest_api" "edge" {
  name = "edge"
}

data "aws_vpc_endpoint_service" "api" {
  service = "execute-api"
}
`,
			Files: map[string]string{"vpce.tf.json": `{
  "resource": {
    "aws_vpc_endpoint": {
      "api": {
        "service_name": "${data.aws_vpc_endpoint_service.api.service_name}",
        "vpc_endpoint_type": "Interface",
        "private_dns_enabled": true
      }
    }
  }
}`},
			Expected: helper.Issues{{Message: vpceDNS("aws_vpc_endpoint.api", "aws_api_gateway_rest_api.edge"), Range: atFile("vpce.tf.json", 7, 9, 7, 36)}},
		},
	})
}
