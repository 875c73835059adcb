# An API with one route, through the route module.
variable "name" {
  type = string
}

variable "verb" {
  type = string
}

variable "function_arn" {
  type = string
}

resource "aws_api_gateway_rest_api" "this" {
  name = var.name
}

module "route" {
  source                  = "../route"
  rest_api_id             = aws_api_gateway_rest_api.this.id
  parent_id               = aws_api_gateway_rest_api.this.root_resource_id
  path_part               = "items"
  http_method             = "GET"
  integration_http_method = var.verb
  function_arn            = var.function_arn
}
