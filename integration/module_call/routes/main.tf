variable "rest_api_id" {
  type = string
}

variable "parent_id" {
  type = string
}

resource "aws_api_gateway_resource" "items" {
  rest_api_id = var.rest_api_id
  parent_id   = var.parent_id
  path_part   = "items"
}

# Never reported from the root: the rules skip called modules.
resource "aws_api_gateway_deployment" "stray" {
  rest_api_id = var.rest_api_id
}

output "ids" {
  value = [aws_api_gateway_resource.items.id]
}
