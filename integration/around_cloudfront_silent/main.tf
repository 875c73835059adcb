# Nothing here may be reported.

variable "api_host" {
  type = string
}

variable "methods" {
  type = list(string)
}

variable "extra_origins" {
  type    = map(string)
  default = {}
}

resource "aws_api_gateway_domain_name" "shop" {
  domain_name              = "shop.example.com"
  regional_certificate_arn = "arn:aws:acm:eu-west-1:123456789012:certificate/abc"

  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_base_path_mapping" "shop" {
  api_id      = aws_api_gateway_rest_api.shop.id
  stage_name  = aws_api_gateway_stage.prod.stage_name
  domain_name = aws_api_gateway_domain_name.shop.domain_name
}

data "aws_cloudfront_origin_request_policy" "except_host" {
  name = "Managed-AllViewerExceptHostHeader"
}

resource "aws_cloudfront_distribution" "shop" {
  enabled = true
  aliases = ["shop.example.com"]

  # A custom domain that is also an alias: forwarding Host is right.
  origin {
    origin_id   = "domain"
    domain_name = aws_api_gateway_domain_name.shop.regional_domain_name
  }

  # The execute-api host with AllViewerExceptHostHeader and every method.
  origin {
    origin_id   = "api"
    domain_name = "${aws_api_gateway_rest_api.shop.id}.execute-api.eu-west-1.amazonaws.com"
    origin_path = "/prod"
  }

  # A host from a variable without a default.
  origin {
    origin_id   = "var"
    domain_name = var.api_host
  }

  dynamic "origin" {
    for_each = var.extra_origins
    content {
      origin_id   = origin.key
      domain_name = origin.value
    }
  }

  default_cache_behavior {
    target_origin_id         = "domain"
    viewer_protocol_policy   = "https-only"
    allowed_methods          = ["GET", "HEAD"]
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
    origin_request_policy_id = "216adef6-5c7f-47e4-b989-5492eafa07d3"
  }

  ordered_cache_behavior {
    path_pattern             = "/api/*"
    target_origin_id         = "api"
    viewer_protocol_policy   = "https-only"
    allowed_methods          = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
    origin_request_policy_id = data.aws_cloudfront_origin_request_policy.except_host.id
  }

  ordered_cache_behavior {
    path_pattern             = "/var/*"
    target_origin_id         = "var"
    viewer_protocol_policy   = "https-only"
    allowed_methods          = var.methods
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
    origin_request_policy_id = "216adef6-5c7f-47e4-b989-5492eafa07d3"
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}

# Behaviours from for_each and dynamic blocks.
resource "aws_cloudfront_distribution" "each" {
  for_each = toset(["a", "b"])
  enabled  = true

  origin {
    origin_id   = "api"
    domain_name = "${aws_api_gateway_rest_api.shop.id}.execute-api.eu-west-1.amazonaws.com"
    origin_path = "/prod"
  }

  default_cache_behavior {
    target_origin_id         = "api"
    viewer_protocol_policy   = "https-only"
    allowed_methods          = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
    origin_request_policy_id = "b689b0a8-53d0-40ab-baf2-68738e2966ac"
  }

  dynamic "ordered_cache_behavior" {
    for_each = var.methods
    content {
      path_pattern           = "/${ordered_cache_behavior.value}/*"
      target_origin_id       = "api"
      viewer_protocol_policy = "https-only"
      allowed_methods        = ["GET", "HEAD"]
      cached_methods         = ["GET", "HEAD"]
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
