// Package apigw is the model of a module's API Gateway configuration: it reads
// the module's files once, links every resource to its API, and answers the
// questions the rules ask ("the deployable set of this API", "the stages that
// serve this deployment") without each rule querying tflint again.
package apigw

import (
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/terraform-linters/tflint-plugin-sdk/terraform"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/beside"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/openapi"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/ref"
)

// Node is one resource or data block of the module, decoded with its
// type's schema.
type Node struct {
	Type string
	Name string
	// Data is true for a data source (data "TYPE" "NAME").
	Data bool
	// Block holds the attributes and nested blocks the rules read.
	Block *hclext.Block
	// Syntax is the native block, for fixes; nil in .tf.json files.
	Syntax *hclsyntax.Block
	// Expansion says whether the resource uses count or for_each.
	Expansion ref.Expansion
	// API is the API the resource belongs to, when it names one.
	API *API

	address string
	// src is the text of the file the block is written in.
	src []byte
}

// Address is TYPE.NAME, or data.TYPE.NAME for a data source.
func (n *Node) Address() string {
	if n.address == "" { // computed once: rules compare addresses in loops
		n.address = n.Kind() + "." + n.Name
	}
	return n.address
}

// Kind is the type as the model indexes it: TYPE, or data.TYPE.
func (n *Node) Kind() string {
	if n.Data {
		return "data." + n.Type
	}
	return n.Type
}

// Attr returns an attribute of the block, or nil when it is not set.
func (n *Node) Attr(name string) *hclext.Attribute {
	return n.Block.Body.Attributes[name]
}

// Blocks returns the nested blocks of one type.
func (n *Node) Blocks(typ string) hclext.Blocks {
	return n.Block.Body.Blocks.OfType(typ)
}

// Contains reports whether a range lies inside the resource's block (an
// argument of the resource itself, say).
func (n *Node) Contains(rng hcl.Range) bool {
	if n.Syntax == nil {
		return false
	}
	body := n.Syntax.Range()
	return body.Filename == rng.Filename && body.ContainsOffset(rng.Start.Byte)
}

// Filename is the file the block is written in.
func (n *Node) Filename() string { return n.Block.DefRange.Filename }

// InJSON reports whether the block is written in JSON syntax, where no fix is offered.
func (n *Node) InJSON() bool { return terraform.IsJSONFilename(n.Filename()) || n.Syntax == nil }

// Reference renders a reference to the resource's attribute for generated
// code, with a splat for count and values() for for_each.
func (n *Node) Reference(attr string) string {
	return ref.To(n.Address(), attr, n.Expansion)
}

// Graph is the model of one module.
type Graph struct {
	files  map[string]*hcl.File
	nodes  []*Node
	byType map[string][]*Node
	byAddr map[string]*Node
	apis   []*API
	byKey  map[string]*API
	eval   *evaluator

	// call is the module call the graph is read in; "" in the root module.
	call string
	// readCaller reads the root module in a module call (calls.go).
	readCaller func() *callerView
	caller     lazy[*callerView]
	outputs    lazy[map[string]bool]

	// The indexes: each computed once, when a query first needs it, so that
	// a question asked for every resource does not scan the module again.
	deployableRoot lazy[bool]
	keyWiring      lazy[*KeyWiring]
	lambdas        lazy[*Lambdas]
	methodSettings lazy[methodSettingsIndex]
	moduleArgs     lazy[map[string]bool]
	served         lazy[servedIndex]
	sources        lazy[*beside.Tree]
	localIndex     lazy[map[string]hcl.Expression]
	distributions  lazy[[]*CloudFront]
	mappingIndex   lazy[[]Mapping]
	stageServing   lazy[stageServing]
	dnsTargets     lazy[map[string]bool]
	domainIdx      lazy[*domainIndex]
	attrUses       memo[string, []AttrUse]
	// specs are the APIs' bodies read, by content (bodies.go).
	specs lazy[map[string]*openapi.Spec]
	// bodyViewCache holds the views of each API's body, by kind, and
	// apiSpecs each API's spec (nil without a body).
	bodyViewsMu   sync.Mutex
	bodyViewCache map[bodyViewKey][]view
	apiSpecs      map[*API]*openapi.Spec
	// resourcePaths memoises ResourcePath per expression.
	resourcePaths map[hcl.Range][]PathSegment

	// openSources opens the module's folder tree for reading files beside
	// it (appsource.go); nil when the model has no folder (Build alone).
	openSources func() *beside.Tree
}

// Build reads the files of a module. Evaluations that need the host go
// through host; host may be nil, then such values are unknown.
func Build(files map[string]*hcl.File, host HostEval) *Graph {
	g := &Graph{
		files:  files,
		byType: map[string][]*Node{},
		byAddr: map[string]*Node{},
		byKey:  map[string]*API{},
		eval:   newEvaluator(host),

		resourcePaths: map[hcl.Range][]PathSegment{},
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if f := files[name]; f != nil && f.Body != nil {
			g.readFile(f)
		}
	}
	g.link()
	return g
}

var blockHeaders = &hcl.BodySchema{Blocks: []hcl.BlockHeaderSchema{
	{Type: "resource", LabelNames: []string{"type", "name"}},
	{Type: "data", LabelNames: []string{"type", "name"}},
}}

func (g *Graph) readFile(f *hcl.File) {
	var found []*Node
	if body, ok := f.Body.(*hclsyntax.Body); ok {
		for _, b := range body.Blocks {
			if (b.Type != "resource" && b.Type != "data") || len(b.Labels) != 2 {
				continue
			}
			if n := newNode(b.Type == "data", b.Labels[0], b.Labels[1], b.AsHCLBlock()); n != nil {
				n.Syntax = b
				found = append(found, n)
			}
		}
	} else {
		content, _, _ := f.Body.PartialContent(blockHeaders)
		if content == nil {
			return
		}
		for _, b := range content.Blocks {
			if n := newNode(b.Type == "data", b.Labels[0], b.Labels[1], b); n != nil {
				found = append(found, n)
			}
		}
	}
	sort.SliceStable(found, func(i, j int) bool {
		return found[i].Block.DefRange.Start.Byte < found[j].Block.DefRange.Start.Byte
	})
	for _, n := range found {
		g.nodes = append(g.nodes, n)
		g.byType[n.Kind()] = append(g.byType[n.Kind()], n)
		g.byAddr[n.Address()] = n
		n.src = f.Bytes
	}
}

func newNode(data bool, typ, name string, b *hcl.Block) *Node {
	kind := typ
	if data {
		kind = "data." + typ
	}
	s, ok := schemas[kind]
	// Terraform rejects names that are not identifiers; a reference to such
	// a block could not be written, so the model leaves it out.
	if !ok || b.Body == nil || !validName(name) {
		return nil
	}
	// Diagnostics are tflint's to report; the model takes what it can read.
	content := decode(b.Body, s)
	n := &Node{Type: typ, Name: name, Data: data, Block: &hclext.Block{
		Type: b.Type, Labels: b.Labels, Body: content,
		DefRange: b.DefRange, TypeRange: b.TypeRange, LabelRanges: b.LabelRanges,
	}}
	switch {
	case content.Attributes["count"] != nil:
		n.Expansion = ref.Count
	case content.Attributes["for_each"] != nil:
		n.Expansion = ref.ForEach
	}
	return n
}

// validName is hclsyntax.ValidIdentifier without running the lexer on every
// block name: ASCII names are checked here, others by HCL.
func validName(name string) bool {
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c >= 0x80:
			return hclsyntax.ValidIdentifier(name)
		case c == '_' || (c|0x20 >= 'a' && c|0x20 <= 'z'):
		case i > 0 && (c == '-' || (c >= '0' && c <= '9')):
		default:
			return false
		}
	}
	return name != ""
}

// link attaches every resource to its API: first the APIs declared here, then
// the resources that name them.
func (g *Graph) link() {
	for _, n := range g.nodes {
		switch n.Type {
		case RestAPI, V2API:
			api := &API{Key: n.Address(), Version: versionOf(n.Type), Node: n, g: g}
			n.API = api
			g.addAPI(api)
		}
	}
	for _, n := range g.nodes {
		// An API mapping's api_id may name a REST or an HTTP API: the
		// domain queries link mappings themselves.
		if n.Data || n.Type == V2APIMapping {
			continue
		}
		attr := n.Attr("rest_api_id")
		if versionOf(n.Type) == 2 {
			attr = n.Attr("api_id")
		}
		if attr == nil {
			continue
		}
		api := g.apiNamedBy(g.chainedID(attr.Expr), versionOf(n.Type))
		n.API = api
		switch {
		case n.Type == Deployment || n.Type == V2Deployment:
			api.Deployments = append(api.Deployments, n)
		case n.Type == Stage || n.Type == V2Stage:
			api.Stages = append(api.Stages, n)
		case isDeployable(n.Type, api.Version):
			api.Members = append(api.Members, n)
		}
	}
}

func (g *Graph) addAPI(api *API) {
	g.apis = append(g.apis, api)
	g.byKey[api.Key] = api
}

// apiNamedBy finds the API an id expression names: the API resource it
// references, or an API known only by the expression's text.
func (g *Graph) apiNamedBy(expr hcl.Expression, version int) *API {
	apiType := RestAPI
	if version == 2 {
		apiType = V2API
	}
	refs, external := resourceRefs(expr)
	var target *Node
	for _, ref := range refs {
		if ref.Type == apiType {
			target = g.byAddr[ref.Address()]
		}
	}
	if target != nil && !external && target.API != nil {
		return target.API
	}
	api, known := apiByText(g, expr, version, external)
	if !known {
		g.addAPI(api)
	}
	return api
}

// chainedID follows an id expression that is another member's rest_api_id
// or api_id (rest_api_id = aws_api_gateway_resource.X.rest_api_id) to the
// expression that member names its API with.
func (g *Graph) chainedID(expr hcl.Expression) hcl.Expression {
	for i := 0; i < maxHashDepth && expr != nil; i++ {
		vars := variables(expr)
		if len(vars) != 1 || g.exprKey(expr) != TraversalText(vars[0]) {
			return expr
		}
		ref, ok := ParseRef(vars[0])
		if !ok || ref.Data || (ref.Attr != "rest_api_id" && ref.Attr != "api_id") {
			return expr
		}
		n := g.byAddr[ref.Address()]
		if n == nil || n.Attr(ref.Attr) == nil {
			return expr
		}
		expr = n.Attr(ref.Attr).Expr
	}
	return expr
}

func versionOf(typ string) int {
	if strings.HasPrefix(typ, "aws_apigatewayv2_") {
		return 2
	}
	return 1
}

// File returns a file of the module by name.
func (g *Graph) File(name string) *hcl.File { return g.files[name] }

// Resources returns the blocks of one kind (TYPE, or data.TYPE for data
// sources), in file order.
func (g *Graph) Resources(kind string) []*Node { return g.byType[kind] }

// Lookup returns the resource with an address, or nil.
func (g *Graph) Lookup(address string) *Node { return g.byAddr[address] }

// APIs returns every API the module declares or names.
func (g *Graph) APIs() []*API { return g.apis }

// Resolve returns the resource or data source an expression references
// when it references exactly one block of the module.
func (g *Graph) Resolve(expr hcl.Expression) *Node {
	var found *Node
	for _, ref := range RefsIn(expr) {
		n := g.byAddr[ref.Address()]
		if n == nil || (found != nil && found != n) {
			return nil
		}
		found = n
	}
	return found
}

// FreeName returns base, or base_2, base_3...: the first name no resource
// of the kind has, for a resource a fix adds.
func (g *Graph) FreeName(kind, base string) string {
	name := base
	for i := 2; g.byAddr[kind+"."+name] != nil; i++ {
		name = base + "_" + strconv.Itoa(i)
	}
	return name
}
