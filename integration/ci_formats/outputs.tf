# The deployment ids go to the caller, whose stages serve them.

output "shop_deployment_id" {
  value = aws_api_gateway_deployment.shop.id
}
