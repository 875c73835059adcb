package apigw

import (
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// DNSTarget is one thing a Route 53 record points a name at: the name of
// its alias with the alias's zone, or one entry of a CNAME's records.
type DNSTarget struct {
	Name *hclext.Attribute
	// Expr is the target name: the alias name's expression, or the entry.
	Expr hcl.Expression
	// Zone is the alias's zone_id; nil for a CNAME entry.
	Zone *hclext.Attribute
}

// DNSTargets returns what a Route 53 record points its name at: the alias,
// or each entry of a CNAME's records list written as a list. A dynamic alias
// block, or records that are not a literal list, give nothing: what they
// hold is unknown.
func (g *Graph) DNSTargets(rec *Node) []DNSTarget {
	if rec.Type != Route53Record || hasDynamic(rec.Block.Body, "alias") {
		return nil
	}
	if aliases := rec.Blocks("alias"); len(aliases) > 0 {
		attrs := aliases[0].Body.Attributes
		if attrs["name"] == nil {
			return nil
		}
		return []DNSTarget{{Name: attrs["name"], Expr: attrs["name"].Expr, Zone: attrs["zone_id"]}}
	}
	typ, ok := g.String(rec.Attr("type"))
	if !ok || !strings.EqualFold(typ, "CNAME") || rec.Attr("records") == nil {
		return nil
	}
	attr := rec.Attr("records")
	list, isList := attr.Expr.(*hclsyntax.TupleConsExpr)
	if !isList {
		return nil
	}
	out := make([]DNSTarget, 0, len(list.Exprs))
	for _, e := range list.Exprs {
		out = append(out, DNSTarget{Name: attr, Expr: e})
	}
	return out
}

// InDNS reports whether a Route 53 record of the module points a name at
// the resource (a custom domain): its alias or its CNAME records reference it.
func (g *Graph) InDNS(n *Node) bool {
	return g.dnsTargets.get(g.dnsTargetRefs)[n.Address()]
}

func (g *Graph) dnsTargetRefs() map[string]bool {
	refs := map[string]bool{}
	for _, rec := range g.byType[Route53Record] {
		targets := []*hclext.Attribute{rec.Attr("records")}
		for _, alias := range rec.Blocks("alias") {
			targets = append(targets, alias.Body.Attributes["name"])
		}
		for _, attr := range targets {
			for _, ref := range RefsIn(exprOf(attr)) {
				refs[ref.Address()] = true
			}
		}
	}
	return refs
}

// DomainPointing is a DNS target read against the custom domain it names.
type DomainPointing struct {
	Domain *Node
	// Want is the pair the domain's endpoint type needs.
	Want DomainTarget
	// Used names the attributes the record uses: "regional_domain_name",
	// or "regional_domain_name with cloudfront_zone_id" when the zone is
	// wrong too.
	Used string
	// NameOK and ZoneOK say whether the name and the alias's zone are the
	// right ones; a zone the model cannot read counts as right.
	NameOK, ZoneOK bool
	// Plain is true when each wrong expression is a plain reference to the
	// domain's attribute: rewriting it changes nothing else (a local or a
	// template around it may be shared, or mean more).
	Plain bool
}

// PointingAtDomain reads a DNS target whose name (host, what HostOf says
// of t.Expr) is an attribute of a custom domain of the module with a known
// endpoint type. ok is false for any other target.
func (g *Graph) PointingAtDomain(t DNSTarget, host Host) (p DomainPointing, ok bool) {
	if host.Kind != HostCustomDomain {
		return p, false
	}
	want, known := g.DomainTarget(host.Domain)
	if !known {
		return p, false
	}
	p = DomainPointing{Domain: host.Domain, Want: want, Used: host.Attr, NameOK: host.Attr == lastAttr(want.Name), ZoneOK: true}
	if t.Zone != nil {
		switch zone := g.HostOf(t.Zone.Expr); {
		case zone.Kind == HostCustomDomain && zone.Domain == host.Domain && zone.Attr != lastAttr(want.Zone):
			p.ZoneOK, p.Used = false, host.Attr+" with "+zone.Attr
		case zone.Kind == HostExecuteAPI:
			p.ZoneOK = false
		}
	}
	p.Plain = (p.NameOK || g.plainDomainRef(t.Expr)) && (p.ZoneOK || g.plainDomainRef(t.Zone.Expr))
	return p, true
}

func (g *Graph) plainDomainRef(expr hcl.Expression) bool {
	_, ok := g.DomainAttrOf(expr)
	return ok
}

// lastAttr is the last attribute of a path: target_domain_name of
// domain_name_configuration[0].target_domain_name.
func lastAttr(path string) string {
	return path[strings.LastIndexByte(path, '.')+1:]
}
