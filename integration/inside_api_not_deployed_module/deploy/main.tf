variable "rest_api_id" {
  type = string
}
