package apigw

import (
	"net/netip"
	"strings"
)

// privateRanges are the IPv4 ranges that only exist inside networks: RFC
// 1918's private ranges and RFC 6598's shared address space (carrier-grade
// NAT, also used for VPC CIDRs).
var privateRanges = []netip.Prefix{
	netip.MustParsePrefix("10.0.0.0/8"),
	netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16"),
	netip.MustParsePrefix("100.64.0.0/10"),
}

// PrivateCIDR reports whether a CIDR block (or a single IPv4 address) lies
// wholly inside a private range: an address a request can only have
// inside a VPC or a network joined to it.
func PrivateCIDR(s string) bool {
	s = strings.TrimSpace(s)
	p, err := netip.ParsePrefix(s)
	if err != nil {
		a, errAddr := netip.ParseAddr(s)
		if errAddr != nil {
			return false
		}
		p = netip.PrefixFrom(a, a.BitLen())
	}
	if !p.Addr().Is4() {
		return false
	}
	for _, r := range privateRanges {
		if p.Bits() >= r.Bits() && r.Contains(p.Masked().Addr()) {
			return true
		}
	}
	return false
}
