# Module calls (docs/modules.md): the module makes the API PRIVATE at the
# caller's request and writes no policy, but it outputs the API's id and this
# root writes the policy itself. Nothing to report.
module "internal_api" {
  source        = "./modules/api"
  name          = "internal"
  endpoint_type = "PRIVATE"
}

resource "aws_api_gateway_rest_api_policy" "internal_api" {
  rest_api_id = module.internal_api.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "execute-api:/*"
    }]
  })
}
