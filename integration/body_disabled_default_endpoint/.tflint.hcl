plugin "terraform" {
  enabled = false
}

plugin "apigw403" {
  enabled = true
}
