# Corpus: triggers that hash what the policy is built from rather than the
# policy resource: the same data.aws_iam_policy_document JSON, the data
# source itself, or a terraform_data replaced when the policy changes.
# Expected: nothing (each member is covered, directly or indirectly).

data "aws_iam_policy_document" "partners" {
  statement {
    effect = "Allow"

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    actions   = ["execute-api:Invoke"]
    resources = ["${aws_api_gateway_rest_api.partners.execution_arn}/*"]

    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["203.0.113.0/24"]
    }
  }
}

resource "aws_api_gateway_rest_api" "partners" {
  name = "partners"
}

resource "aws_api_gateway_rest_api_policy" "partners" {
  rest_api_id = aws_api_gateway_rest_api.partners.id
  policy      = data.aws_iam_policy_document.partners.json
}

resource "aws_api_gateway_resource" "partners" {
  rest_api_id = aws_api_gateway_rest_api.partners.id
  parent_id   = aws_api_gateway_rest_api.partners.root_resource_id
  path_part   = "partners"
}

resource "aws_api_gateway_method" "partners_get" {
  rest_api_id   = aws_api_gateway_rest_api.partners.id
  resource_id   = aws_api_gateway_resource.partners.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "partners_get" {
  rest_api_id             = aws_api_gateway_rest_api.partners.id
  resource_id             = aws_api_gateway_resource.partners.id
  http_method             = aws_api_gateway_method.partners_get.http_method
  type                    = "HTTP_PROXY"
  integration_http_method = "GET"
  uri                     = "https://partners.internal.example.com/"
}

# The policy document's JSON in the triggers, not the policy resource.
resource "aws_api_gateway_deployment" "partners" {
  rest_api_id = aws_api_gateway_rest_api.partners.id

  triggers = {
    redeployment = sha1(jsonencode([
      aws_api_gateway_resource.partners.id,
      aws_api_gateway_method.partners_get.id,
      aws_api_gateway_integration.partners_get.id,
      data.aws_iam_policy_document.partners.json,
    ]))
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "partners" {
  rest_api_id   = aws_api_gateway_rest_api.partners.id
  deployment_id = aws_api_gateway_deployment.partners.id
  stage_name    = "live"
}

resource "aws_api_gateway_method_settings" "partners" {
  rest_api_id = aws_api_gateway_rest_api.partners.id
  stage_name  = aws_api_gateway_stage.partners.stage_name
  method_path = "*/*"

  settings {
    logging_level   = "INFO"
    metrics_enabled = true
  }
}

# The API's own policy argument from a document; the triggers hash the data
# source whole, and the routes through a terraform_data replaced with them.
data "aws_iam_policy_document" "internal" {
  statement {
    effect = "Allow"

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    actions   = ["execute-api:Invoke"]
    resources = ["execute-api:/*"]

    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["10.0.0.0/8"]
    }
  }
}

resource "aws_api_gateway_rest_api" "internal" {
  name   = "internal"
  policy = data.aws_iam_policy_document.internal.json
}

resource "aws_api_gateway_resource" "health" {
  rest_api_id = aws_api_gateway_rest_api.internal.id
  parent_id   = aws_api_gateway_rest_api.internal.root_resource_id
  path_part   = "health"
}

resource "aws_api_gateway_method" "health_get" {
  rest_api_id   = aws_api_gateway_rest_api.internal.id
  resource_id   = aws_api_gateway_resource.health.id
  http_method   = "GET"
  authorization = "NONE"
}

resource "aws_api_gateway_integration" "health_get" {
  rest_api_id = aws_api_gateway_rest_api.internal.id
  resource_id = aws_api_gateway_resource.health.id
  http_method = aws_api_gateway_method.health_get.http_method
  type        = "MOCK"
}

resource "terraform_data" "internal_routes" {
  triggers_replace = [
    aws_api_gateway_resource.health.id,
    aws_api_gateway_method.health_get.id,
    aws_api_gateway_integration.health_get.id,
  ]
}

resource "aws_api_gateway_deployment" "internal" {
  rest_api_id = aws_api_gateway_rest_api.internal.id

  triggers = {
    policy = sha1(jsonencode(data.aws_iam_policy_document.internal))
    routes = terraform_data.internal_routes.id
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_api_gateway_stage" "internal" {
  rest_api_id   = aws_api_gateway_rest_api.internal.id
  deployment_id = aws_api_gateway_deployment.internal.id
  stage_name    = "live"
}

resource "aws_api_gateway_method_settings" "internal" {
  rest_api_id = aws_api_gateway_rest_api.internal.id
  stage_name  = aws_api_gateway_stage.internal.stage_name
  method_path = "*/*"

  settings {
    logging_level   = "INFO"
    metrics_enabled = true
  }
}
