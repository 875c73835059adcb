// Package hclfix builds the text of autofixes: where to insert in a native
// HCL block, and how to write generated references and lists so that the
// result is formatted the way terraform fmt leaves it and a second run finds
// nothing left to do.
package hclfix

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

// Reference renders a reference to attr of every instance of a resource:
// x.id, x[*].id for count, values(x)[*].id for for_each. An empty attr
// refers to the whole resource, which jsonencode hashes as an object.
func Reference(address, attr string, e Expansion) string {
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
