# The body comes from a variable and a module output: unknown, silence,
# whatever the spec may hold.
variable "spec" {
  type = string
}

module "spec" {
  source = "./spec"
}

resource "aws_api_gateway_rest_api" "from_var" {
  name = "from-var"
  body = var.spec
}

resource "aws_api_gateway_rest_api" "from_module" {
  name = "from-module"
  body = module.spec.body
}
