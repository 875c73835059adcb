# Root plus a local module (modules_test.go). The module's deployment has no
# triggers; plain `tflint` in this folder does not report it (issues inside a
# called module stay unreported from the root), `tflint --recursive --config`
# with this folder's .tflint.hcl does. result.json is the plain run.
resource "aws_api_gateway_rest_api" "api" {
  name = "api"
}

module "routes" {
  source      = "./modules/routes"
  rest_api_id = aws_api_gateway_rest_api.api.id
  parent_id   = aws_api_gateway_rest_api.api.root_resource_id
}
