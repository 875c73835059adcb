# Module calls (docs/modules.md): a route module, called once per route, wires
# its AWS_PROXY integration to Lambda with the verb the caller passes.
variable "verb" {
  type = string
}

resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_lambda_function" "orders" {
  function_name = "orders"
  role          = "arn:aws:iam::123456789012:role/orders"
  runtime       = "python3.12"
  handler       = "app.handler"
  filename      = "orders.zip"
}

# Reported at "GET": Lambda's Invoke API takes only POST.
module "list_orders" {
  source                  = "./modules/route"
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  parent_id               = aws_api_gateway_rest_api.orders.root_resource_id
  path_part               = "orders"
  http_method             = "GET"
  integration_http_method = "GET"
  function_arn            = aws_lambda_function.orders.arn
}

# POST, as Lambda wants, whatever verb clients call: nothing to report.
module "create_order" {
  source                  = "./modules/route"
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  parent_id               = aws_api_gateway_rest_api.orders.root_resource_id
  path_part               = "new"
  http_method             = "PUT"
  integration_http_method = "POST"
  function_arn            = aws_lambda_function.orders.arn
}

# The caller's own variable has no default: the verb is unknown, silence.
module "any_verb" {
  source                  = "./modules/route"
  rest_api_id             = aws_api_gateway_rest_api.orders.id
  parent_id               = aws_api_gateway_rest_api.orders.root_resource_id
  path_part               = "any"
  http_method             = "ANY"
  integration_http_method = var.verb
  function_arn            = aws_lambda_function.orders.arn
}

# for_each: only the instance that passes DELETE is reported, at each.value.
module "by_verb" {
  source   = "./modules/route"
  for_each = { items = "POST", trash = "DELETE" }

  rest_api_id             = aws_api_gateway_rest_api.orders.id
  parent_id               = aws_api_gateway_rest_api.orders.root_resource_id
  path_part               = each.key
  http_method             = "DELETE"
  integration_http_method = each.value
  function_arn            = aws_lambda_function.orders.arn
}

# count: tflint checks each instance, and each reports the PATCH it passes.
module "patch" {
  source = "./modules/route"
  count  = 2

  rest_api_id             = aws_api_gateway_rest_api.orders.id
  parent_id               = aws_api_gateway_rest_api.orders.root_resource_id
  path_part               = "patch${count.index}"
  http_method             = "PATCH"
  integration_http_method = "PATCH"
  function_arn            = aws_lambda_function.orders.arn
}

# A nested call: the API module calls the route module with its own verb,
# which comes from here. Reported at "PUT", with the module chain as callers.
module "nested" {
  source       = "./modules/api"
  name         = "nested"
  verb         = "PUT"
  function_arn = aws_lambda_function.orders.arn
}
