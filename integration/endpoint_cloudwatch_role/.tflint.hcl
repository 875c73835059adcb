plugin "apigw403" {
  enabled = true
}

plugin "terraform" {
  enabled = false
}

rule "apigw_cloudwatch_role" {
  enabled = true
}
