# Corpus: a local module per route (resource, method, integration, permission),
# called with for_each; the root deploys and hashes the module outputs. Expected:
# only the execution-logging NOTICE (the stage has no method settings).

terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "stage_name" {
  type    = string
  default = "v1"
}

locals {
  routes = {
    users = {
      path_part   = "users"
      http_method = "GET"
      function    = "users-list"
    }
    orders = {
      path_part   = "orders"
      http_method = "POST"
      function    = "orders-create"
    }
    health = {
      path_part   = "health"
      http_method = "GET"
      function    = "health-check"
    }
  }
}

resource "aws_api_gateway_rest_api" "this" {
  name        = "shop-api"
  description = "Shop backend"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

data "aws_lambda_function" "route" {
  for_each      = local.routes
  function_name = each.value.function
}

module "route" {
  source   = "./modules/route"
  for_each = local.routes

  rest_api_id          = aws_api_gateway_rest_api.this.id
  parent_id            = aws_api_gateway_rest_api.this.root_resource_id
  execution_arn        = aws_api_gateway_rest_api.this.execution_arn
  path_part            = each.value.path_part
  http_method          = each.value.http_method
  lambda_function_name = data.aws_lambda_function.route[each.key].function_name
  lambda_invoke_arn    = data.aws_lambda_function.route[each.key].invoke_arn
}

resource "aws_api_gateway_deployment" "this" {
  rest_api_id = aws_api_gateway_rest_api.this.id

  triggers = {
    redeployment = sha1(jsonencode([
      for k, m in module.route : [m.resource_id, m.method_id, m.integration_id]
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "this" {
  rest_api_id   = aws_api_gateway_rest_api.this.id
  deployment_id = aws_api_gateway_deployment.this.id
  stage_name    = var.stage_name
}

output "invoke_url" {
  value = aws_api_gateway_stage.this.invoke_url
}
