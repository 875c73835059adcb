# Module calls (docs/modules.md): the caller's endpoint_type decides whether
# the module's API is private, and the module writes no resource policy.
variable "endpoint_type" {
  type = string
}

# Reported at "PRIVATE": API Gateway would deny every call to the API.
module "internal_api" {
  source        = "./modules/api"
  name          = "internal"
  endpoint_type = "PRIVATE"
}

# The same module, public: nothing to report.
module "public_api" {
  source        = "./modules/api"
  name          = "public"
  endpoint_type = "REGIONAL"
}

# The caller's own variable has no default: the type is unknown, silence.
module "unknown_api" {
  source        = "./modules/api"
  name          = "unknown"
  endpoint_type = var.endpoint_type
}

# The module's default (REGIONAL) applies: nothing to report.
module "default_api" {
  source = "./modules/api"
  name   = "default"
}
