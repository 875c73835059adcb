# The deployment ids go to the caller, whose stages serve them.

output "public_deployment_id" {
  value = aws_api_gateway_deployment.public.id
}
