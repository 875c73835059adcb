plugin "terraform" {
  enabled = false
}

plugin "apigw403" {
  enabled = true
}

rule "apigw_cloudwatch_role" {
  enabled = true
}
