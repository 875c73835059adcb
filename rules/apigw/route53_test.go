package apigw

import "testing"

func TestDNSTargets(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
variable "records" {}
resource "aws_api_gateway_domain_name" "d" { domain_name = "api.example.com" }
resource "aws_route53_record" "alias" {
  type = "A"
  alias {
    name    = aws_api_gateway_domain_name.d.cloudfront_domain_name
    zone_id = aws_api_gateway_domain_name.d.cloudfront_zone_id
  }
}
resource "aws_route53_record" "cname" {
  type    = "CNAME"
  records = ["a.example.com", "b.example.com"]
}
resource "aws_route53_record" "cname_var" {
  type    = "CNAME"
  records = var.records
}
resource "aws_route53_record" "txt" {
  type    = "TXT"
  records = ["x"]
}
resource "aws_route53_record" "dynamic" {
  type = "A"
  dynamic "alias" {
    for_each = [1]
    content { name = aws_api_gateway_domain_name.d.cloudfront_domain_name }
  }
}
`}), nil)
	for addr, want := range map[string]int{
		"aws_route53_record.alias":     1,
		"aws_route53_record.cname":     2,
		"aws_route53_record.cname_var": 0,
		"aws_route53_record.txt":       0,
		"aws_route53_record.dynamic":   0,
	} {
		if got := g.DNSTargets(g.Lookup(addr)); len(got) != want {
			t.Errorf("%s: %d targets, want %d", addr, len(got), want)
		}
	}
	if alias := g.DNSTargets(g.Lookup("aws_route53_record.alias"))[0]; alias.Zone == nil {
		t.Error("an alias target has its zone_id")
	}
	if !g.InDNS(g.Lookup("aws_api_gateway_domain_name.d")) {
		t.Error("a record aliases the domain: InDNS must say so")
	}
}

func TestPointingAtDomain(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `
resource "aws_api_gateway_domain_name" "edge" { domain_name = "edge.example.com" }
resource "aws_apigatewayv2_domain_name" "v2" { domain_name = "v2.example.com" }
locals { target = aws_api_gateway_domain_name.edge.regional_domain_name }
resource "aws_route53_record" "right" {
  alias {
    name    = aws_api_gateway_domain_name.edge.cloudfront_domain_name
    zone_id = aws_api_gateway_domain_name.edge.cloudfront_zone_id
  }
}
resource "aws_route53_record" "wrong_zone" {
  alias {
    name    = aws_api_gateway_domain_name.edge.cloudfront_domain_name
    zone_id = aws_api_gateway_domain_name.edge.regional_zone_id
  }
}
resource "aws_route53_record" "via_local" {
  alias {
    name    = local.target
    zone_id = "Z2FDTNDATAQYW2"
  }
}
resource "aws_route53_record" "v2_self" {
  type    = "CNAME"
  records = [aws_apigatewayv2_domain_name.v2.domain_name]
}
resource "aws_route53_record" "other" {
  type    = "CNAME"
  records = ["example.net"]
}
`}), nil)
	for addr, want := range map[string]string{
		"aws_route53_record.right":      "cloudfront_domain_name name ok zone ok plain",
		"aws_route53_record.wrong_zone": "cloudfront_domain_name with regional_zone_id name ok plain",
		"aws_route53_record.via_local":  "regional_domain_name zone ok",
		"aws_route53_record.v2_self":    "domain_name zone ok plain",
		"aws_route53_record.other":      "",
	} {
		target := g.DNSTargets(g.Lookup(addr))[0]
		p, ok := g.PointingAtDomain(target, g.HostOf(target.Expr))
		got := ""
		if ok {
			got = p.Used
			for _, flag := range []struct {
				on   bool
				text string
			}{{p.NameOK, " name ok"}, {p.ZoneOK, " zone ok"}, {p.Plain, " plain"}} {
				if flag.on {
					got += flag.text
				}
			}
		}
		if got != want {
			t.Errorf("%s: PointingAtDomain = %q, want %q", addr, got, want)
		}
	}
}
