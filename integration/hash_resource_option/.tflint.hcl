plugin "apigw403" {
  enabled = true
}

plugin "terraform" {
  enabled = false
}

rule "apigw_deployment_triggers" {
  enabled = true
  hash    = "resource"
}
