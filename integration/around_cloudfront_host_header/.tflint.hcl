plugin "apigw403" {
  enabled = true
}

plugin "terraform" {
  enabled = false
}
