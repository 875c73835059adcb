package apigw

import "testing"

func TestDistributions(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": hostsModule + `
resource "aws_api_gateway_method" "any" {
  rest_api_id = aws_api_gateway_rest_api.rest.id
  http_method = "ANY"
}
resource "aws_apigatewayv2_route" "post" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "POST /orders"
}
resource "aws_apigatewayv2_route" "ws" {
  api_id    = aws_apigatewayv2_api.ws.id
  route_key = "$connect"
}
resource "aws_cloudfront_origin_request_policy" "wl" {
  headers_config {
    header_behavior = "whitelist"
    headers {
      items = ["HOST"]
    }
  }
}
resource "aws_cloudfront_distribution" "cdn" {
  origin {
    origin_id   = "rest"
    domain_name = "${aws_api_gateway_rest_api.rest.id}.execute-api.${var.region}.amazonaws.com"
  }
  origin {
    origin_id   = "dup"
    domain_name = local.api_host
  }
  origin {
    origin_id   = "dup"
    domain_name = local.api_host
  }
  default_cache_behavior {
    target_origin_id         = "rest"
    origin_request_policy_id = aws_cloudfront_origin_request_policy.wl.id
  }
  ordered_cache_behavior {
    path_pattern     = "/x/*"
    target_origin_id = "dup"
  }
}
`}), nil)
	ds := g.Distributions()
	if len(ds) != 1 || len(ds[0].Origins) != 3 || len(ds[0].Behaviors) != 2 || len(ds[0].APIOrigins()) != 3 {
		t.Fatalf("distributions: %+v", ds)
	}
	d := ds[0]
	if d.Behaviors[0].Origin != d.Origins[0] || d.Behaviors[1].Origin != nil {
		t.Fatal("a behaviour targets its origin only when the id is unique")
	}
	if fw, known := g.ForwardsHost(d.Behaviors[0]); !known || !fw.Forwards || fw.Headers == nil || fw.Policy == nil {
		t.Fatalf("whitelist naming HOST: %+v %v", fw, known)
	}
	if fw, known := g.ForwardsHost(d.Behaviors[1]); !known || fw.Forwards {
		t.Fatalf("no policy: %+v %v", fw, known)
	}
	if _, all := g.ServedMethods(g.Lookup("aws_api_gateway_rest_api.rest").API); !all {
		t.Fatal("an ANY method serves every method")
	}
	if m, all := g.ServedMethods(g.Lookup("aws_apigatewayv2_api.http").API); all || len(m) != 1 || m[0] != "POST" {
		t.Fatalf("HTTP routes: %v %v", m, all)
	}
	if m, all := g.ServedMethods(g.Lookup("aws_apigatewayv2_api.ws").API); all || len(m) != 0 {
		t.Fatalf("WebSocket routes are no HTTP methods: %v %v", m, all)
	}
}
