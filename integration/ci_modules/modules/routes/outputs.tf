# The caller's stage serves the deployment.
output "deployment_id" {
  value = aws_api_gateway_deployment.routes.id
}
