plugin "apigw403" {
  enabled = true
}

plugin "terraform" {
  enabled = false
}

rule "apigw_stage_prefix_root_path" {
  enabled = true
}
