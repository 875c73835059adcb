# The deployment ids go to the caller, whose stages serve them.

output "api_deployment_id" {
  value = aws_api_gateway_deployment.api.id
}
