package apigw

import (
	"sort"

	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
)

// AllMethods is the method_path of method settings that apply to every
// method of a stage.
const AllMethods = "*/*"

// StageSettings is what the module's method settings say about a REST stage.
type StageSettings struct {
	// Settings are the aws_api_gateway_method_settings known to apply to
	// the stage, in file order.
	Settings []*Node
	// Unsure is true when some method settings may apply to the stage but
	// the model cannot tell: their stage_name or rest_api_id comes from a
	// variable, a local or a module output.
	Unsure bool
}

// SettingsOf returns the method settings of a REST stage: those whose
// stage_name references the stage, and those of the same API whose
// stage_name is the stage's name.
func (g *Graph) SettingsOf(stage *Node) StageSettings {
	idx := g.methodSettings.get(g.indexMethodSettings)
	out := StageSettings{Settings: append([]*Node{}, idx.byStage[stage]...)}
	name, nameKnown := g.String(stage.Attr("stage_name"))
	for _, s := range idx.byName {
		sameAPI := s.API != nil && s.API == stage.API
		mayBeAPI := sameAPI || s.API == nil || (s.API.Node == nil && !s.API.External)
		if !mayBeAPI {
			continue
		}
		literal, known := g.String(s.Attr("stage_name"))
		switch {
		case !known || !nameKnown:
			out.Unsure = true
		case literal != name:
		case sameAPI:
			out.Settings = append(out.Settings, s)
		default:
			out.Unsure = true
		}
	}
	if len(idx.byName) > 0 {
		g.sortByPosition(out.Settings)
	}
	return out
}

// methodSettingsIndex sorts method settings once: those whose stage_name
// references a stage, by that stage, and those that name it by text.
type methodSettingsIndex struct {
	byStage map[*Node][]*Node
	byName  []*Node
}

func (g *Graph) indexMethodSettings() methodSettingsIndex {
	idx := methodSettingsIndex{byStage: map[*Node][]*Node{}}
	for _, s := range g.byType[MethodSettings] {
		attr := s.Attr("stage_name")
		if attr == nil {
			continue
		}
		if target := g.Resolve(attr.Expr); target != nil && !target.Data {
			idx.byStage[target] = append(idx.byStage[target], s)
			continue
		}
		idx.byName = append(idx.byName, s)
	}
	return idx
}

// sortByPosition orders nodes as they stand in the module.
func (g *Graph) sortByPosition(nodes []*Node) {
	sort.SliceStable(nodes, func(i, j int) bool { return g.before(nodes[i], nodes[j]) })
}

// SettingsBlock returns the settings { } block of method settings, nil when
// there is none. known is false when a dynamic block may generate it.
func SettingsBlock(s *Node) (blk *hclext.Block, known bool) {
	if hasDynamic(s.Block.Body, "settings") {
		return nil, false
	}
	blocks := s.Blocks("settings")
	if len(blocks) == 0 {
		return nil, true
	}
	return blocks[0], true
}

// LoggingLevel returns the logging_level of method settings: "OFF" when it
// is not set. known is false when the configuration does not prove it.
func (g *Graph) LoggingLevel(s *Node) (level string, known bool) {
	blk, known := SettingsBlock(s)
	if !known {
		return "", false
	}
	if blk == nil || blk.Body.Attributes["logging_level"] == nil {
		return "OFF", true
	}
	attr := blk.Body.Attributes["logging_level"]
	if v, ok := g.Value(attr); ok && v.IsNull() {
		return "OFF", true
	}
	return g.String(attr)
}

// Logs reports whether a logging level writes execution logs.
func Logs(level string) bool { return level == "INFO" || level == "ERROR" }

// RouteLogLevels returns the logging_level settings an HTTP/WebSocket
// stage writes in default_route_settings, then route_settings: the v2 way
// of turning execution logging on.
func (s StageView) RouteLogLevels() []Setting {
	var out []Setting
	for _, typ := range []string{"default_route_settings", "route_settings"} {
		for _, b := range s.n.Blocks(typ) {
			out = append(out, Setting{Name: "logging_level", attr: b.Body.Attributes["logging_level"], g: s.g, at: s.Source})
		}
	}
	return out
}

// LogsEveryMethod reports whether method settings turn execution logging on
// for every method of their stage (method_path "*/*"). known is false when
// the configuration does not prove either way.
func (g *Graph) LogsEveryMethod(s *Node) (on, known bool) {
	path, ok := g.String(s.Attr("method_path"))
	if !ok {
		return false, false
	}
	level, ok := g.LoggingLevel(s)
	if !ok {
		return false, false
	}
	return path == AllMethods && Logs(level), true
}

// CloudWatchRoleSet reports whether an aws_api_gateway_account in the
// module sets cloudwatch_role_arn (to anything, a variable included).
func (g *Graph) CloudWatchRoleSet() bool {
	for _, a := range g.byType[Account] {
		if g.IsSet(a.Attr("cloudwatch_role_arn")) {
			return true
		}
	}
	return false
}

// DataTraceAttrs returns the data_trace_enabled attributes a resource sets
// to true: in method settings' settings block, or in an HTTP/WebSocket
// stage's default_route_settings and route_settings blocks.
func (g *Graph) DataTraceAttrs(n *Node) []*hclext.Attribute {
	var blocks hclext.Blocks
	switch n.Type {
	case MethodSettings:
		blocks = n.Blocks("settings")
	case V2Stage:
		blocks = append(append(blocks, n.Blocks("default_route_settings")...), n.Blocks("route_settings")...)
	}
	var out []*hclext.Attribute
	for _, b := range blocks {
		attr := b.Body.Attributes["data_trace_enabled"]
		if on, known := g.BoolOr(attr, false); attr != nil && on && known {
			out = append(out, attr)
		}
	}
	return out
}
