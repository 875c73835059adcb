# Routes live in a local module; the root only deploys. tflint checks the
# module call too, but issues inside a called module are not reported from
# the root: lint the module folder with `tflint --recursive`.
resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

module "routes" {
  source      = "./routes"
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
}

resource "aws_api_gateway_deployment" "api" {
  rest_api_id = aws_api_gateway_rest_api.api.id

  triggers = {
    redeployment = sha1(jsonencode(module.routes.ids))
  }

  lifecycle {
    create_before_destroy = true
  }
}
