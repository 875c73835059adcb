locals {
  partners_enabled = false
}

variable "plan_id" {
  type = string
}

# Fixed: a literal false.
resource "aws_api_gateway_api_key" "mobile" {
  name    = "mobile"
  enabled = false
}

# Reported, not fixed: the local evaluates to false.
resource "aws_api_gateway_api_key" "partner" {
  count   = 2
  name    = "partner-${count.index}"
  enabled = local.partners_enabled
}

# Silent: the function evaluates to true.
resource "aws_api_gateway_api_key" "web" {
  name    = "web"
  enabled = alltrue([true, !local.partners_enabled])
}

# Silent: in no usage plan.
resource "aws_api_gateway_api_key" "retired" {
  name    = "retired"
  enabled = false
}

resource "aws_api_gateway_usage_plan_key" "mobile" {
  key_id        = aws_api_gateway_api_key.mobile.id
  key_type      = "API_KEY"
  usage_plan_id = var.plan_id
}

resource "aws_api_gateway_usage_plan_key" "partner" {
  count         = 2
  key_id        = aws_api_gateway_api_key.partner[count.index].id
  key_type      = "API_KEY"
  usage_plan_id = var.plan_id
}

resource "aws_api_gateway_usage_plan_key" "web" {
  key_id        = aws_api_gateway_api_key.web.id
  key_type      = "API_KEY"
  usage_plan_id = var.plan_id
}
