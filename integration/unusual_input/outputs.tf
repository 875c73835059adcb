# The deployment ids go to the caller, whose stages serve them.

output "unicode_ñame_deployment_id" {
  value = aws_api_gateway_deployment.unicode_ñame.id
}
