// Package ref knows how many instances a resource block declares (count,
// for_each or one) and how generated code refers to them. The model records
// the expansion of every block; fix builders render references with it.
package ref

// Expansion says how many instances a resource block declares.
type Expansion int

const (
	// Single is a resource without count or for_each.
	Single Expansion = iota
	// Count is a resource with count: its instances form a list.
	Count
	// ForEach is a resource with for_each: its instances form a map.
	ForEach
)

// To renders a reference to attr of every instance of a resource:
// x.id, x[*].id for count, values(x)[*].id for for_each. An empty attr
// refers to the whole resource, which jsonencode hashes as an object.
func To(address, attr string, e Expansion) string {
	if attr == "" {
		return address
	}
	switch e {
	case Count:
		return address + "[*]." + attr
	case ForEach:
		return "values(" + address + ")[*]." + attr
	default:
		return address + "." + attr
	}
}

// InstanceOf renders the expansion of a new resource that has one instance
// per instance of an existing one, and the reference from inside it to the
// matching instance: count = length(x) with x[count.index], for_each = x
// with x[each.key], or nothing with x itself.
func InstanceOf(address string, e Expansion) (meta, instance string) {
	switch e {
	case Count:
		return "count = length(" + address + ")", address + "[count.index]"
	case ForEach:
		return "for_each = " + address, address + "[each.key]"
	default:
		return "", address
	}
}
