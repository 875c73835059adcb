package apigw

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
	"github.com/zclconf/go-cty/cty/function/stdlib"
)

// HostKind says what the configuration proves a host name expression to be.
type HostKind int

const (
	// HostNotProven: the expression may be any host; callers stay silent.
	HostNotProven HostKind = iota
	// HostExecuteAPI: an API's default execute-api host
	// (ID.execute-api.REGION.amazonaws.com). Host.API says which API when
	// this configuration declares it; nil for a literal host, a data source
	// or an id from a variable.
	HostExecuteAPI
	// HostCustomDomain: an attribute of an API Gateway custom domain of this
	// configuration (Host.Domain, Host.Attr): a way in that accepts the
	// custom name, not the execute-api host.
	HostCustomDomain
)

// Host is the answer to "which host does this expression name".
type Host struct {
	Kind HostKind
	// API is the API whose execute-api host it is, for HostExecuteAPI;
	// nil when the configuration does not say which API.
	API *API
	// Domain is the aws_api_gateway_domain_name or
	// aws_apigatewayv2_domain_name resource, for HostCustomDomain.
	Domain *Node
	// Attr is the domain's attribute the expression yields, for
	// HostCustomDomain: "domain_name", "cloudfront_domain_name",
	// "regional_domain_name", "target_domain_name" (v2
	// domain_name_configuration), or a zone id ("cloudfront_zone_id",
	// "regional_zone_id", "hosted_zone_id") for Route 53 alias zone_id.
	Attr string
}

// HostOf tells which host a string expression names: a CloudFront
// origin's domain_name, a Route 53 record's alias name or one of its
// records. It recognises the ways teams write an execute-api host: a
// template around an API's (or a member's rest_api_id/api_id's) id,
// api_endpoint or a stage's or deployment's invoke_url cut down with
// replace, trimprefix, trimsuffix, split, element, regex and the like,
// locals holding any of these, and a literal host. Anything else is
// HostNotProven.
//
// It evaluates the expression locally, twice, with stand-in values for
// what only apply knows (ids, regions, variables, data sources): the
// answer holds only when both evaluations agree, so no stand-in can decide
// it.
func (g *Graph) HostOf(expr hcl.Expression) Host {
	hosts, ok := g.hostsOf(expr, false)
	if !ok || len(hosts) != 1 {
		return Host{}
	}
	return hosts[0]
}

// HostsOf reads a list of host names (a Route 53 record's records) and
// tells each element's host, in order. ok is false when the list itself
// cannot be read.
func (g *Graph) HostsOf(expr hcl.Expression) (hosts []Host, ok bool) {
	return g.hostsOf(expr, true)
}

func (g *Graph) hostsOf(expr hcl.Expression, list bool) (hosts []Host, ok bool) {
	if expr == nil {
		return nil, false
	}
	var runs [2][]Host
	for r := range runs {
		s := &standIns{g: g, run: r}
		v, known := s.evaluate(expr, 0)
		if !known {
			return nil, false
		}
		elems := []cty.Value{v}
		if list {
			if !v.CanIterateElements() || v.Type().IsMapType() || v.Type().IsObjectType() {
				return nil, false
			}
			elems = v.AsValueSlice()
		}
		for _, e := range elems {
			runs[r] = append(runs[r], s.classify(e))
		}
	}
	if len(runs[0]) != len(runs[1]) {
		return nil, false
	}
	for i := range runs[0] {
		if runs[0][i] != runs[1][i] {
			runs[0][i] = Host{}
		}
	}
	return runs[0], true
}

// standIns builds, for one evaluation run, the values a host expression's
// references stand for.
type standIns struct {
	g   *Graph
	run int
	// apis gives each API a number, so a stand-in id can be traced back
	// to its resource; custom domains are numbered once per graph
	// (domainHosts).
	apis []*API
}

// evaluate computes expr with stand-ins; known is false when the result is
// not a wholly known string or list of strings.
func (s *standIns) evaluate(expr hcl.Expression, depth int) (val cty.Value, known bool) {
	defer func() {
		if recover() != nil {
			val, known = cty.NilVal, false
		}
	}()
	ctx := &hcl.EvalContext{Variables: s.variables(expr, depth), Functions: hostFunctions}
	v, diags := expr.Value(ctx)
	if diags.HasErrors() || !v.IsWhollyKnown() || v.IsNull() {
		return cty.NilVal, false
	}
	v, _ = v.UnmarkDeep()
	return v, true
}

// variables is the evaluation context for the references of expr.
func (s *standIns) variables(expr hcl.Expression, depth int) map[string]cty.Value {
	tree := valueTree{}
	for _, t := range variables(expr) {
		switch root := t.RootName(); root {
		case "each", "count", "self":
			tree.set([]string{root}, cty.DynamicVal)
		case "local":
			name, ok := stepName(t, 1)
			if !ok {
				continue
			}
			v := cty.DynamicVal
			if local := s.g.locals()[name]; local != nil && depth < maxLocalDepth {
				if got, known := s.evaluate(local, depth+1); known {
					v = got
				}
			}
			tree.set([]string{"local", name}, v)
		default:
			s.reference(tree, t)
		}
	}
	return tree.values()
}

// reference sets a resource reference to its stand-in object; anything
// else the model does not know (variables, data sources, module outputs,
// other resources) becomes an opaque token along the traversal.
func (s *standIns) reference(tree valueTree, t hcl.Traversal) {
	if ref, ok := ParseRef(t); ok && !ref.Data {
		if n := s.g.byAddr[ref.Address()]; n != nil {
			path := []string{ref.Type, ref.Name}
			if n.Expansion != 0 {
				// Which instance is meant is not known.
				tree.set(path, cty.DynamicVal)
			} else if obj, ok := s.object(n); ok {
				tree.set(path, obj)
			}
			return
		}
	}
	var path []string
	for i := range t {
		name, ok := stepName(t, i)
		if !ok {
			tree.set(path, cty.DynamicVal)
			return
		}
		path = append(path, name)
	}
	tree.set(path, cty.StringVal(s.token()))
}

// object is the stand-in for a resource the host questions know; ok is
// false for other resources.
func (s *standIns) object(n *Node) (cty.Value, bool) {
	switch n.Type {
	case DomainName, V2DomainName:
		return s.domainObject(n), true
	}
	if n.API == nil {
		return cty.NilVal, false
	}
	id := s.apiID(n.API)
	host := id + ".execute-api." + s.region() + ".amazonaws.com"
	attrs := map[string]cty.Value{"rest_api_id": cty.StringVal(id), "api_id": cty.StringVal(id)}
	switch n.Type {
	case RestAPI, V2API:
		attrs["id"] = cty.StringVal(id)
		if n.Type == V2API {
			attrs["api_endpoint"] = s.url(n.API, host, "")
		}
	case Stage:
		name := s.literalOr(n.Attr("stage_name"), "stage")
		attrs["stage_name"] = cty.StringVal(name)
		attrs["invoke_url"] = cty.StringVal("https://" + host + "/" + name)
	case V2Stage:
		name := s.literalOr(n.Attr("name"), "stage")
		attrs["name"] = cty.StringVal(name)
		if name == "$default" {
			name = ""
		}
		attrs["invoke_url"] = s.url(n.API, host, "/"+name)
	case Deployment:
		name := ""
		if n.Attr("stage_name") != nil {
			name = s.literalOr(n.Attr("stage_name"), "stage")
		}
		attrs["invoke_url"] = cty.StringVal("https://" + host + "/" + name)
	}
	return cty.ObjectVal(attrs), true
}

// url is an HTTP or WebSocket API's URL; unknown when the protocol is.
func (s *standIns) url(api *API, host, path string) cty.Value {
	scheme := "https://"
	if api.Version == 2 {
		switch api.Protocol() {
		case "HTTP":
		case "WEBSOCKET":
			scheme = "wss://"
		default:
			return cty.DynamicVal
		}
	}
	return cty.StringVal(scheme + host + path)
}

func (s *standIns) domainObject(n *Node) cty.Value {
	return s.domainStandIn(n, s.domainID(n))
}

// domainStandIn is a custom domain's stand-in object for the stand-in id.
func (s *standIns) domainStandIn(n *Node, id string) cty.Value {
	name := s.literalOr(n.Attr("domain_name"), id+".example")
	target := "d-" + id + ".execute-api." + s.region() + ".amazonaws.com"
	attrs := map[string]cty.Value{
		"id":          cty.StringVal(name),
		"domain_name": cty.StringVal(name),
	}
	if n.Type == DomainName {
		attrs["cloudfront_domain_name"] = cty.StringVal("d" + id + ".cloudfront.net")
		attrs["regional_domain_name"] = cty.StringVal(target)
		attrs["cloudfront_zone_id"] = cty.StringVal("Z" + id + "CF")
		attrs["regional_zone_id"] = cty.StringVal("Z" + id + "RG")
	} else {
		attrs["domain_name_configuration"] = cty.TupleVal([]cty.Value{cty.ObjectVal(map[string]cty.Value{
			"target_domain_name": cty.StringVal(target),
			"hosted_zone_id":     cty.StringVal("Z" + id + "HZ"),
		})})
	}
	return cty.ObjectVal(attrs)
}

// literalOr returns a string attribute written as a literal, or a stand-in.
func (s *standIns) literalOr(attr *hclext.Attribute, what string) string {
	if v, ok := s.g.String(attr); ok {
		return v
	}
	return fmt.Sprintf("zq%d%s", s.run, what)
}

// classify tells what one evaluated host is.
func (s *standIns) classify(v cty.Value) Host {
	if v.IsNull() || !v.IsKnown() || v.Type() != cty.String {
		return Host{}
	}
	host := strings.ToLower(strings.TrimSuffix(v.AsString(), "."))
	// Every domain, not only those referenced: a literal host may be a
	// custom name the configuration declares.
	if h, ok := s.g.domainHosts().byRun[s.run][host]; ok {
		return h
	}
	m := executeAPIHost.FindStringSubmatch(host)
	if m == nil || !s.isRegion(m[2]) {
		return Host{}
	}
	for _, api := range s.apis {
		if m[1] == s.apiID(api) {
			if api.Declared() {
				return Host{Kind: HostExecuteAPI, API: api}
			}
			return Host{Kind: HostExecuteAPI}
		}
	}
	if m[1] == s.token() || literalAPIID.MatchString(m[1]) {
		return Host{Kind: HostExecuteAPI}
	}
	return Host{}
}

func domainAttrs(obj cty.Value) map[string]string {
	out := map[string]string{}
	for attr, v := range obj.AsValueMap() {
		switch {
		case attr == "id":
		case attr == "domain_name_configuration":
			for k, inner := range v.Index(cty.NumberIntVal(0)).AsValueMap() {
				out[k] = inner.AsString()
			}
		default:
			out[attr] = v.AsString()
		}
	}
	return out
}

var (
	executeAPIHost = regexp.MustCompile(`^([a-z0-9]+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com(\.cn)?$`)
	literalAPIID   = regexp.MustCompile(`^[a-z0-9]{10}$`)
	literalRegion  = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-[0-9]+$`)
)

func (s *standIns) isRegion(r string) bool {
	return r == s.region() || r == s.token() || literalRegion.MatchString(r)
}

// The stand-ins differ between runs and never look like real values where
// that matters: a token is neither a 10-character API id nor a region.
func (s *standIns) token() string  { return fmt.Sprintf("zq%dtok", s.run) }
func (s *standIns) region() string { return fmt.Sprintf("zq%dregion", s.run) }

func (s *standIns) apiID(api *API) string {
	if !api.Declared() {
		return s.token()
	}
	for i, known := range s.apis {
		if known == api {
			return fmt.Sprintf("zq%dapi%04d", s.run, i)
		}
	}
	s.apis = append(s.apis, api)
	return fmt.Sprintf("zq%dapi%04d", s.run, len(s.apis)-1)
}

func (s *standIns) domainID(n *Node) string {
	return s.domainIDFor(s.g.domainHosts().number[n])
}

func (s *standIns) domainIDFor(i int) string { return fmt.Sprintf("zq%ddom%04d", s.run, i) }

// domainIndex numbers the custom domains and holds, for each evaluation
// run, the stand-in host of every domain attribute. Built once per graph,
// so classifying a host does not rebuild every domain's stand-in.
type domainIndex struct {
	number map[*Node]int
	byRun  [2]map[string]Host
}

func (g *Graph) domainHosts() *domainIndex {
	return g.domainIdx.get(func() *domainIndex {
		domains := append(append([]*Node{}, g.byType[DomainName]...), g.byType[V2DomainName]...)
		idx := &domainIndex{number: make(map[*Node]int, len(domains))}
		for i, d := range domains {
			idx.number[d] = i
		}
		for run := range idx.byRun {
			s := &standIns{g: g, run: run}
			hosts := map[string]Host{}
			for i, d := range domains {
				attrs := domainAttrs(s.domainStandIn(d, s.domainIDFor(i)))
				// Sorted, so which attribute answers does not depend on map order.
				for _, attr := range slices.Sorted(maps.Keys(attrs)) {
					host := strings.ToLower(attrs[attr])
					if _, taken := hosts[host]; !taken {
						hosts[host] = Host{Kind: HostCustomDomain, Domain: d, Attr: attr}
					}
				}
			}
			idx.byRun[run] = hosts
		}
		return idx
	})
}

// stepName is the name of a traversal's i-th step when it is a root or an
// attribute; ok is false for an index or splat.
func stepName(t hcl.Traversal, i int) (string, bool) {
	if i >= len(t) {
		return "", false
	}
	switch step := t[i].(type) {
	case hcl.TraverseRoot:
		return step.Name, true
	case hcl.TraverseAttr:
		return step.Name, true
	}
	return "", false
}

// valueTree collects nested object values before they become cty objects.
type valueTree map[string]any

// set places v at path; a path that runs into a value already set keeps
// the first one (the evaluation then fails, which means not proven).
func (t valueTree) set(path []string, v cty.Value) {
	if len(path) == 0 {
		return
	}
	node := t
	for _, name := range path[:len(path)-1] {
		next, ok := node[name].(valueTree)
		if !ok {
			if _, taken := node[name]; taken {
				return
			}
			next = valueTree{}
			node[name] = next
		}
		node = next
	}
	if _, taken := node[path[len(path)-1]]; !taken {
		node[path[len(path)-1]] = v
	}
}

func (t valueTree) values() map[string]cty.Value {
	out := map[string]cty.Value{}
	for name, v := range t {
		switch v := v.(type) {
		case cty.Value:
			out[name] = v
		case valueTree:
			out[name] = cty.ObjectVal(v.values())
		}
	}
	return out
}

// hostFunctions are the string functions host expressions use, with
// Terraform's semantics.
var hostFunctions = map[string]function.Function{
	"replace":    terraformReplace,
	"regex":      stdlib.RegexFunc,
	"regexall":   stdlib.RegexAllFunc,
	"split":      stdlib.SplitFunc,
	"element":    stdlib.ElementFunc,
	"join":       stdlib.JoinFunc,
	"format":     stdlib.FormatFunc,
	"trimprefix": stdlib.TrimPrefixFunc,
	"trimsuffix": stdlib.TrimSuffixFunc,
	"trim":       stdlib.TrimFunc,
	"trimspace":  stdlib.TrimSpaceFunc,
	"chomp":      stdlib.ChompFunc,
	"lower":      stdlib.LowerFunc,
	"substr":     stdlib.SubstrFunc,
	"coalesce":   stdlib.CoalesceFunc,
}

// terraformReplace is Terraform's replace: a search string between slashes
// is a regular expression.
var terraformReplace = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "str", Type: cty.String},
		{Name: "substr", Type: cty.String},
		{Name: "replace", Type: cty.String},
	},
	Type: function.StaticReturnType(cty.String),
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		search := args[1].AsString()
		if len(search) > 1 && strings.HasPrefix(search, "/") && strings.HasSuffix(search, "/") {
			return stdlib.RegexReplace(args[0], cty.StringVal(search[1:len(search)-1]), args[2])
		}
		return stdlib.Replace(args[0], args[1], args[2])
	},
})
