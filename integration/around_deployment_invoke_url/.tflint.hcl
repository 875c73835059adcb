plugin "apigw403" {
  enabled = true
}

plugin "terraform" {
  enabled = false
}

rule "apigw_execution_logging" {
  enabled = false
}
