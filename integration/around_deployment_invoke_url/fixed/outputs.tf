output "orders_url" {
  value = aws_api_gateway_stage.prod.invoke_url
}

output "stage_url" {
  value = aws_api_gateway_stage.prod.invoke_url
}

output "legacy_url" {
  value = aws_api_gateway_deployment.legacy.invoke_url
}
