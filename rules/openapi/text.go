package openapi

import (
	"errors"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

// Limits on what the reader reads; past them a document is unknown.
const (
	// DefaultMaxFileSize bounds a spec file.
	DefaultMaxFileSize = 4 << 20
	// DefaultMaxNodes bounds the nodes of one document, aliases expanded:
	// a few YAML anchors can otherwise stand for billions of nodes.
	DefaultMaxNodes = 200_000
	// maxAliasNodes bounds what aliases add to a document, beyond the
	// size of the document itself: real specs share a few blocks.
	maxAliasNodes = 10_000
	// maxDepth bounds nesting; deeper subtrees are unknown.
	maxDepth = 128
)

var errTooManyNodes = errors.New("too many nodes")

// textSource says where parsed text is written, to place its nodes.
type textSource struct {
	file string
	// firstLine is the file's line of the text's first line.
	firstLine int
	// oneLine places every node on firstLine: text written as one quoted
	// HCL string, whose lines are escapes.
	oneLine bool
}

func (s textSource) pos(line, col int) Pos {
	if s.oneLine {
		return Pos{File: s.file, Line: s.firstLine}
	}
	return Pos{File: s.file, Line: s.firstLine + line - 1, Column: col}
}

// parseText reads JSON or YAML text in which partial markers stand for
// holes. It returns nil and a reason when the text is not one document.
func parseText(text string, holes []partial.Part, src textSource, maxNodes int) (root *Node, reason string) {
	defer func() {
		if r := recover(); r != nil {
			root, reason = nil, "the parser failed"
		}
	}()
	if strings.IndexByte(text, 0) >= 0 {
		return nil, "binary content"
	}
	dec := yaml.NewDecoder(strings.NewReader(text))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, "empty document"
		}
		return nil, "not JSON or YAML: " + err.Error()
	}
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		return nil, "more than one YAML document"
	}
	written := expandedSize(&doc, nil, maxNodes)
	size := expandedSize(&doc, map[*yaml.Node]int{}, maxNodes)
	if size > maxNodes || size-written > max(maxAliasNodes, written) {
		return nil, errTooManyNodes.Error()
	}
	c := &yamlConv{holes: holes, src: src, budget: maxNodes}
	root = c.node(&doc, 0)
	if c.err != nil {
		return nil, c.err.Error()
	}
	return root, ""
}

type yamlConv struct {
	holes  []partial.Part
	src    textSource
	budget int
	err    error
}

func (c *yamlConv) node(y *yaml.Node, depth int) *Node {
	c.budget--
	if c.budget < 0 {
		c.err = errTooManyNodes
	}
	pos := c.src.pos(y.Line, y.Column)
	if c.err != nil || depth > maxDepth {
		return unknownAt(pos, partial.String{})
	}
	switch y.Kind {
	case yaml.DocumentNode:
		if len(y.Content) != 1 {
			return unknownAt(pos, partial.String{})
		}
		return c.node(y.Content[0], depth+1)
	case yaml.AliasNode:
		if y.Alias == nil {
			return unknownAt(pos, partial.String{})
		}
		return c.node(y.Alias, depth+1)
	case yaml.ScalarNode:
		return c.scalar(y, pos)
	case yaml.SequenceNode:
		n := &Node{Kind: KindList, Pos: pos, Items: make([]*Node, 0, len(y.Content))}
		for _, it := range y.Content {
			n.Items = append(n.Items, c.node(it, depth+1))
		}
		return n
	case yaml.MappingNode:
		return c.mapping(y, pos, depth)
	}
	return unknownAt(pos, partial.String{})
}

func (c *yamlConv) scalar(y *yaml.Node, pos Pos) *Node {
	s := partial.Unmark(y.Value, c.holes)
	n := &Node{Pos: pos, Str: s}
	switch y.ShortTag() {
	case "!!str", "!!timestamp", "!!binary":
		n.Kind = KindString
	case "!!int", "!!float":
		n.Kind = KindNumber
	case "!!bool":
		n.Kind = KindBool
		n.Str = partial.Lit(strings.ToLower(y.Value))
	case "!!null":
		n.Kind = KindNull
	default:
		// A custom tag (!Ref, !Sub): its meaning belongs to another tool.
		n.Kind = KindUnknown
	}
	// A bare hole is a value of unknown kind: the template may put a
	// number, an object or lines of YAML there. Quoted, it is a string.
	if n.Kind == KindString && y.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 &&
		len(s.Parts) == 1 && s.Parts[0].Hole {
		n.Kind = KindUnknown
	}
	return n
}

func (c *yamlConv) mapping(y *yaml.Node, pos Pos, depth int) *Node {
	n := &Node{Kind: KindMap, Pos: pos, Entries: make([]Entry, 0, len(y.Content)/2)}
	var merged []Entry
	for i := 0; i+1 < len(y.Content); i += 2 {
		k, v := y.Content[i], y.Content[i+1]
		if k.Kind == yaml.AliasNode && k.Alias != nil {
			k = k.Alias
		}
		if k.Kind != yaml.ScalarNode {
			n.Partial = true
			continue
		}
		if k.ShortTag() == "!!merge" {
			merged = append(merged, c.merge(n, v, depth)...)
			continue
		}
		key := partial.Unmark(k.Value, c.holes)
		text, known := key.Known()
		if !known {
			n.Partial = true
			continue
		}
		n.Entries = append(n.Entries, Entry{Key: text, KeyPos: c.src.pos(k.Line, k.Column), Value: c.node(v, depth+1)})
	}
	// Keys written in the map win over merged ones, wherever written.
	for _, e := range merged {
		if n.has(e.Key) {
			continue
		}
		n.Entries = append(n.Entries, e)
	}
	return n
}

// merge reads the value of a YAML merge key (<<): a map or a list of maps.
func (c *yamlConv) merge(into *Node, v *yaml.Node, depth int) []Entry {
	src := c.node(v, depth+1)
	var maps []*Node
	switch src.Kind {
	case KindMap:
		maps = []*Node{src}
	case KindList:
		maps = src.Items
	default:
		into.Partial = true
		return nil
	}
	var out []Entry
	for _, m := range maps {
		if m.Kind != KindMap {
			into.Partial = true
			continue
		}
		if m.Partial {
			into.Partial = true
		}
		out = append(out, m.Entries...)
	}
	return out
}

func (n *Node) has(key string) bool {
	for _, e := range n.Entries {
		if e.Key == key {
			return true
		}
	}
	return false
}

// inProgress marks an anchor whose size is being counted: an alias to it
// from inside is a cycle.
const inProgress = -1

// expandedSize counts the nodes of a YAML tree with its aliases expanded,
// each anchor counted once, stopping past limit: a few lines of anchors
// can stand for billions of nodes, and building them first would be the
// attack. With a nil memo it counts the nodes as written.
func expandedSize(y *yaml.Node, memo map[*yaml.Node]int, limit int) int {
	if y == nil {
		return 0
	}
	if y.Kind == yaml.AliasNode {
		if y.Alias == nil || memo == nil {
			return 1
		}
		switch size, seen := memo[y.Alias]; {
		case seen && size == inProgress:
			return limit + 1
		case seen:
			return size
		}
		memo[y.Alias] = inProgress
		size := expandedSize(y.Alias, memo, limit)
		memo[y.Alias] = size
		return size
	}
	total := 1
	for _, c := range y.Content {
		total += expandedSize(c, memo, limit)
		if total > limit {
			return limit + 1
		}
	}
	return total
}
