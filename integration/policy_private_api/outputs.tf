# The deployment id goes to the caller, whose stage serves it.

output "internal_deployment_id" {
  value = aws_api_gateway_deployment.internal.id
}
