# Lint this folder with the apigw403 plugin only.
plugin "apigw403" {
  enabled = true
}

plugin "terraform" {
  enabled = false
}
