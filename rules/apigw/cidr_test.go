package apigw

import "testing"

func TestPrivateCIDR(t *testing.T) {
	for cidr, want := range map[string]bool{
		"10.0.0.0/8":     true,
		"10.1.2.0/24":    true,
		"172.16.0.0/12":  true,
		"172.31.255.1":   true,
		"192.168.0.0/16": true,
		"100.64.0.0/10":  true,
		"100.127.0.0/16": true,
		"172.0.0.0/8":    false, // wider than 172.16.0.0/12
		"10.0.0.0/7":     false,
		"100.128.0.0/16": false,
		"203.0.113.0/24": false,
		"0.0.0.0/0":      false,
		"fd00::/8":       false,
		"not a cidr":     false,
		"":               false,
	} {
		if got := PrivateCIDR(cidr); got != want {
			t.Errorf("PrivateCIDR(%q) = %v, want %v", cidr, got, want)
		}
	}
}
