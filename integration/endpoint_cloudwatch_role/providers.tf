# A deployable root: the rule speaks only where the provider is configured.
provider "aws" {
  region = "eu-west-1"
}
