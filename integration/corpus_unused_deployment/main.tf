# Corpus: deployments nobody serves. One is left over beside the stage's own
# deployment (no stage names it, no inline stage_name); the other is served
# by a stage whose deployment_id is managed outside Terraform (a CI pipeline
# creates deployments and moves the stage: lifecycle ignore_changes). Neither
# publishes anything, so neither is stale. Expected: nothing.

resource "aws_api_gateway_rest_api" "legacy" {
  name = "legacy"
}

resource "aws_api_gateway_resource" "legacy" {
  rest_api_id = aws_api_gateway_rest_api.legacy.id
  parent_id   = aws_api_gateway_rest_api.legacy.root_resource_id
  path_part   = "legacy"
}

resource "aws_api_gateway_method" "legacy" {
  rest_api_id   = aws_api_gateway_rest_api.legacy.id
  resource_id   = aws_api_gateway_resource.legacy.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "legacy" {
  rest_api_id = aws_api_gateway_rest_api.legacy.id
  resource_id = aws_api_gateway_resource.legacy.id
  http_method = aws_api_gateway_method.legacy.http_method
  type        = "MOCK"
}

# The deployment the stage serves: complete triggers.
resource "aws_api_gateway_deployment" "legacy" {
  rest_api_id = aws_api_gateway_rest_api.legacy.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.legacy.id,
      aws_api_gateway_method.legacy.id,
      aws_api_gateway_integration.legacy.id,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

# A first deployment kept for the initial apply; no stage serves it.
resource "aws_api_gateway_deployment" "bootstrap" {
  rest_api_id = aws_api_gateway_rest_api.legacy.id
  description = "initial deployment"

  depends_on = [aws_api_gateway_integration.legacy]
}

resource "aws_api_gateway_stage" "legacy" {
  rest_api_id   = aws_api_gateway_rest_api.legacy.id
  deployment_id = aws_api_gateway_deployment.legacy.id
  stage_name    = "v1"
}

# A stage deployed by the pipeline: Terraform creates the first deployment,
# then ignores which deployment the stage serves.
resource "aws_api_gateway_rest_api" "pipeline" {
  name = "pipeline"
}

resource "aws_api_gateway_resource" "jobs" {
  rest_api_id = aws_api_gateway_rest_api.pipeline.id
  parent_id   = aws_api_gateway_rest_api.pipeline.root_resource_id
  path_part   = "jobs"
}

resource "aws_api_gateway_method" "jobs" {
  rest_api_id   = aws_api_gateway_rest_api.pipeline.id
  resource_id   = aws_api_gateway_resource.jobs.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "jobs" {
  rest_api_id = aws_api_gateway_rest_api.pipeline.id
  resource_id = aws_api_gateway_resource.jobs.id
  http_method = aws_api_gateway_method.jobs.http_method
  type        = "MOCK"
}

resource "aws_api_gateway_deployment" "pipeline" {
  rest_api_id = aws_api_gateway_rest_api.pipeline.id

  depends_on = [aws_api_gateway_integration.jobs]
}

resource "aws_api_gateway_stage" "pipeline" {
  rest_api_id   = aws_api_gateway_rest_api.pipeline.id
  deployment_id = aws_api_gateway_deployment.pipeline.id
  stage_name    = "live"

  lifecycle {
    ignore_changes = [deployment_id]
  }
}
