# Only the key family's rules: other families' findings on these fixtures are
# theirs to test.
config {
  disabled_by_default = true
}

plugin "apigw403" {
  enabled = true
}

plugin "terraform" {
  enabled = false
}

rule "apigw_cors_preflight_auth" {
  enabled = true
}
