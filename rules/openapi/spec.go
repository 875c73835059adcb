package openapi

import (
	"strconv"
	"strings"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

// Extension keys API Gateway reads.
const (
	AnyMethod        = "x-amazon-apigateway-any-method"
	IntegrationKey   = "x-amazon-apigateway-integration"
	AuthTypeKey      = "x-amazon-apigateway-authtype"
	AuthorizerKey    = "x-amazon-apigateway-authorizer"
	APIKeySourceKey  = "x-amazon-apigateway-api-key-source"
	PolicyKey        = "x-amazon-apigateway-policy"
	EndpointKey      = "x-amazon-apigateway-endpoint-configuration"
	GatewayResponses = "x-amazon-apigateway-gateway-responses"
)

// methods are the operation keys of a path item API Gateway imports.
var methods = map[string]bool{
	"get": true, "put": true, "post": true, "delete": true, "options": true,
	"head": true, "patch": true, AnyMethod: true,
}

// Field is one scalar of the view. Set is false when the document surely
// does not write it; a field that may be written, or whose value the
// reader cannot read, is Set with holes in Str.
type Field struct {
	Str partial.String
	Set bool
	Pos Pos
	// Node is where the value is written, nil when not Set or not in the tree.
	Node *Node
}

func fieldOf(n *Node) Field {
	switch {
	case n == nil:
		return Field{}
	case n.IsScalar():
		s := n.Str
		if s.Range.Filename == "" {
			s.Range = n.Pos.Range
		}
		return Field{Str: s, Set: true, Pos: n.Pos, Node: n}
	case n.Kind == KindNull:
		// API Gateway reads a null field as not written.
		return Field{}
	case n.Kind == KindUnknown:
		return Field{Str: n.Str, Set: true, Pos: n.Pos, Node: n}
	}
	// A map or list where a scalar belongs: not a value the reader knows.
	return Field{Str: partial.Unknown(""), Set: true, Pos: n.Pos, Node: n}
}

// Text returns the field's value when it is written and fully known.
func (f Field) Text() (string, bool) {
	if !f.Set {
		return "", false
	}
	return f.Str.Known()
}

// Bool returns the field's value as a boolean (true/false, as written or
// quoted); ok is false when it is not set, not known or not a boolean.
func (f Field) Bool() (value, ok bool) {
	text, known := f.Text()
	if !known {
		return false, false
	}
	switch strings.ToLower(text) {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}

// Int returns the field's value as a whole number.
func (f Field) Int() (int, bool) {
	text, known := f.Text()
	if !known {
		return 0, false
	}
	if v, err := strconv.Atoi(text); err == nil {
		return v, true
	}
	if v, err := strconv.ParseFloat(text, 64); err == nil && v == float64(int(v)) {
		return int(v), true
	}
	return 0, false
}

// StringList is a list of strings of the view.
type StringList struct {
	Items []Field
	Set   bool
	// Known is false when the list may hold entries the reader cannot see.
	Known bool
	Pos   Pos
}

func listOf(n *Node) StringList {
	switch {
	case n == nil || n.Kind == KindNull:
		return StringList{Known: true}
	case n.IsScalar():
		// One string where a list belongs: API Gateway reads it as one.
		return StringList{Items: []Field{fieldOf(n)}, Set: true, Known: true, Pos: n.Pos}
	case n.Kind != KindList:
		return StringList{Set: true, Pos: n.Pos}
	}
	l := StringList{Set: true, Known: true, Pos: n.Pos}
	for _, it := range n.Items {
		if !it.IsScalar() && it.Kind != KindUnknown {
			l.Known = false
			continue
		}
		l.Items = append(l.Items, fieldOf(it))
	}
	return l
}

// Spec is the view of a document API Gateway imports.
type Spec struct {
	Doc *Document
	// Known is false when the document is unknown or is not an object.
	Known bool
	// Version is the "openapi" (3.x) or "swagger" (2.0) field.
	Version Field
	// Operations are the operations of the paths in the order written.
	Operations []*Operation
	// OperationsKnown is false when there may be operations the reader
	// cannot see (unknown paths, path items or keys).
	OperationsKnown bool
	// Security is the root-level security. API Gateway has been reported
	// to ignore it on import: see Operation.Security.
	Security Security
	// Schemes are securityDefinitions (2.0) and
	// components.securitySchemes (3.x), in the order written.
	Schemes []*Scheme
	// SchemesKnown is false when there may be schemes the reader cannot see.
	SchemesKnown bool
	// APIKeySource is x-amazon-apigateway-api-key-source.
	APIKeySource Field
	// Policy is x-amazon-apigateway-policy: nil when surely absent, an
	// unknown node when it may be there. Plain() gives the policy reader
	// its input.
	Policy *Node
	// Endpoint is x-amazon-apigateway-endpoint-configuration.
	Endpoint Endpoint
	// GatewayResponses are x-amazon-apigateway-gateway-responses.
	GatewayResponses []*GatewayResponse
	// GatewayResponsesKnown is false when there may be responses the
	// reader cannot see.
	GatewayResponsesKnown bool
}

// Operation is one method of one path.
type Operation struct {
	Path string
	// Method is the key as written, lower case: get, put, ...,
	// x-amazon-apigateway-any-method.
	Method string
	// Pos is where the method key is written.
	Pos  Pos
	Node *Node
	// Integration is x-amazon-apigateway-integration.
	Integration Integration
	// Security is the operation's own security; when not Set, the root
	// level (Spec.Security) is the only one written.
	Security Security
	// IsDefaultRoute is the HTTP API isDefaultRoute flag.
	IsDefaultRoute Field
}

// HTTPMethod is the method in upper case, ANY for the catch-all.
func (o *Operation) HTTPMethod() string {
	if o.Method == AnyMethod {
		return "ANY"
	}
	return strings.ToUpper(o.Method)
}

// Pointer names the operation in messages: paths./items.put.
func (o *Operation) Pointer() string { return "paths." + o.Path + "." + o.Method }

// Where names the operation with its position: openapi.yaml:30, paths./items.put.
func (o *Operation) Where() string {
	if p := o.Pos.String(); p != "" {
		return p + ", " + o.Pointer()
	}
	return o.Pointer()
}

// RouteKey is the operation as an HTTP API route: "GET /items",
// "ANY /{proxy+}", or "$default".
func (o *Operation) RouteKey() string {
	if def, _ := o.IsDefaultRoute.Bool(); def || (o.Method == AnyMethod && o.Path == "/$default") {
		return "$default"
	}
	return o.HTTPMethod() + " " + o.Path
}

// Integration is x-amazon-apigateway-integration.
type Integration struct {
	// Set is false when the operation surely has none; Known is false when
	// it is written but is not an object the reader can read.
	Set, Known  bool
	Pos         Pos
	Node        *Node
	Type        Field
	HTTPMethod  Field
	URI         Field
	Credentials Field
	// PayloadFormatVersion, ConnectionType and ConnectionID are read by
	// HTTP APIs (and REST VPC links).
	PayloadFormatVersion Field
	ConnectionType       Field
	ConnectionID         Field
}

func integrationOf(n *Node) Integration {
	if n == nil || n.Kind == KindNull {
		return Integration{}
	}
	return Integration{
		Set: true, Known: n.Kind == KindMap, Pos: n.Pos, Node: n,
		Type:                 fieldOf(n.Get("type")),
		HTTPMethod:           fieldOf(n.Get("httpMethod")),
		URI:                  fieldOf(n.Get("uri")),
		Credentials:          fieldOf(n.Get("credentials")),
		PayloadFormatVersion: fieldOf(n.Get("payloadFormatVersion")),
		ConnectionType:       fieldOf(n.Get("connectionType")),
		ConnectionID:         fieldOf(n.Get("connectionId")),
	}
}

// Security is a security list: alternatives, each naming the schemes that
// must all pass. An empty list that is Set means no authorization.
type Security struct {
	Set bool
	// Known is false when some requirement cannot be read.
	Known        bool
	Pos          Pos
	Node         *Node
	Requirements []Requirement
}

// Requirement is one alternative of a security list.
type Requirement struct {
	Schemes []SchemeUse
	// Known is false when the requirement names schemes the reader cannot see.
	Known bool
	Pos   Pos
}

// SchemeUse is one scheme a requirement names, with its scopes.
type SchemeUse struct {
	Name   string
	Pos    Pos
	Scopes StringList
}

// Names returns every scheme name the list uses, once each, in order.
func (s Security) Names() []string {
	var out []string
	seen := map[string]bool{}
	for _, r := range s.Requirements {
		for _, u := range r.Schemes {
			if !seen[u.Name] {
				seen[u.Name] = true
				out = append(out, u.Name)
			}
		}
	}
	return out
}

func securityOf(n *Node) Security {
	if n == nil || n.Kind == KindNull {
		return Security{Known: true}
	}
	s := Security{Set: true, Pos: n.Pos, Node: n}
	if n.Kind != KindList {
		return s
	}
	s.Known = true
	for _, it := range n.Items {
		if it.Kind != KindMap {
			s.Known = false
			continue
		}
		r := Requirement{Known: !it.Partial, Pos: it.Pos}
		for _, e := range it.Entries {
			r.Schemes = append(r.Schemes, SchemeUse{Name: e.Key, Pos: e.KeyPos, Scopes: listOf(e.Value)})
		}
		if !r.Known {
			s.Known = false
		}
		s.Requirements = append(s.Requirements, r)
	}
	return s
}

// Scheme is one security scheme with the API Gateway extensions.
type Scheme struct {
	Name string
	Pos  Pos
	Node *Node
	// Type is apiKey, oauth2, http, openIdConnect...
	Type Field
	// In and ParamName are where an apiKey is read (header, query) and its name.
	In, ParamName Field
	// AuthType is x-amazon-apigateway-authtype (custom, cognito_user_pools...).
	AuthType Field
	// Authorizer is x-amazon-apigateway-authorizer.
	Authorizer Authorizer
}

// Authorizer is x-amazon-apigateway-authorizer.
type Authorizer struct {
	Set, Known bool
	Pos        Pos
	Node       *Node
	// Type is token, request, cognito_user_pools (REST) or jwt, request (HTTP).
	Type           Field
	URI            Field // authorizerUri
	Credentials    Field // authorizerCredentials
	ResultTTL      Field // authorizerResultTtlInSeconds
	IdentitySource Field
	// ProviderARNs are a cognito_user_pools authorizer's pools.
	ProviderARNs StringList
	// PayloadFormatVersion and EnableSimpleResponses are HTTP API request
	// authorizer fields.
	PayloadFormatVersion  Field
	EnableSimpleResponses Field
	// Issuer and Audience are an HTTP API jwt authorizer's jwtConfiguration.
	Issuer   Field
	Audience StringList
}

func authorizerOf(n *Node) Authorizer {
	if n == nil || n.Kind == KindNull {
		return Authorizer{}
	}
	jwt := n.Get("jwtConfiguration")
	return Authorizer{
		Set: true, Known: n.Kind == KindMap, Pos: n.Pos, Node: n,
		Type:                  fieldOf(n.Get("type")),
		URI:                   fieldOf(n.Get("authorizerUri")),
		Credentials:           fieldOf(n.Get("authorizerCredentials")),
		ResultTTL:             fieldOf(n.Get("authorizerResultTtlInSeconds")),
		IdentitySource:        fieldOf(n.Get("identitySource")),
		ProviderARNs:          listOf(n.Get("providerARNs")),
		PayloadFormatVersion:  fieldOf(n.Get("authorizerPayloadFormatVersion")),
		EnableSimpleResponses: fieldOf(n.Get("enableSimpleResponses")),
		Issuer:                fieldOf(jwt.Get("issuer")),
		Audience:              listOf(jwt.Get("audience")),
	}
}

// SecurityOf returns the security that applies to an operation as
// written: its own when it has one, else the root level (fromRoot), which
// API Gateway has been reported to ignore on import; callers decide.
func (s *Spec) SecurityOf(op *Operation) (sec Security, fromRoot bool) {
	if op.Security.Set {
		return op.Security, false
	}
	return s.Security, s.Security.Set
}

// Scheme returns the scheme of a name; known is false when the spec may
// define it where the reader cannot see.
func (s *Spec) Scheme(name string) (sc *Scheme, known bool) {
	for _, sc := range s.Schemes {
		if sc.Name == name {
			return sc, true
		}
	}
	return nil, s.SchemesKnown
}

// Endpoint is x-amazon-apigateway-endpoint-configuration.
type Endpoint struct {
	Set, Known                bool
	Pos                       Pos
	Node                      *Node
	DisableExecuteAPIEndpoint Field
	VPCEndpointIDs            StringList
}

// GatewayResponse is one entry of x-amazon-apigateway-gateway-responses.
type GatewayResponse struct {
	// Type is the response type: DEFAULT_4XX, ACCESS_DENIED, ...
	Type       string
	Pos        Pos
	Node       *Node
	StatusCode Field
	// Parameters are responseParameters in the order written
	// (gatewayresponse.header.Access-Control-Allow-Origin: "'*'").
	Parameters []Parameter
	// ParametersKnown is false when there may be parameters the reader
	// cannot see.
	ParametersKnown bool
}

// Parameter is one response parameter.
type Parameter struct {
	Name  string
	Value Field
}

// Read returns the view of a document. It never fails: what the document
// does not show is unknown in the view.
func Read(doc *Document) (spec *Spec) {
	defer func() {
		if recover() != nil {
			spec = Read(UnknownDocument("the view failed"))
		}
	}()
	s := &Spec{Doc: doc}
	if doc == nil || doc.Root == nil || doc.Root.Kind != KindMap {
		s.Security = Security{Set: true}
		s.APIKeySource = fieldOf(&Node{Kind: KindUnknown, Str: partial.Unknown("")})
		s.Policy = &Node{Kind: KindUnknown, Str: partial.Unknown("")}
		s.Endpoint = Endpoint{Set: true}
		return s
	}
	root := doc.Root
	s.Known = true
	s.Version = fieldOf(root.Get("openapi"))
	if !s.Version.Set {
		s.Version = fieldOf(root.Get("swagger"))
	}
	s.readOperations(root.Get("paths"))
	s.Security = securityOf(root.Get("security"))
	s.SchemesKnown = true
	s.readSchemes(root.Get("securityDefinitions"))
	s.readSchemes(root.At("components", "securitySchemes"))
	s.APIKeySource = fieldOf(root.Get(APIKeySourceKey))
	if p := root.Get(PolicyKey); p != nil && p.Kind != KindNull {
		s.Policy = p
	}
	if e := root.Get(EndpointKey); e != nil && e.Kind != KindNull {
		s.Endpoint = Endpoint{
			Set: true, Known: e.Kind == KindMap, Pos: e.Pos, Node: e,
			DisableExecuteAPIEndpoint: fieldOf(e.Get("disableExecuteApiEndpoint")),
			VPCEndpointIDs:            listOf(e.Get("vpcEndpointIds")),
		}
	}
	s.readGatewayResponses(root.Get(GatewayResponses))
	return s
}

// mapSection returns the entries of a section that should be a map, and
// whether the reader sees all of them: a missing or null section is known
// and empty; anything but a map, or a map with keys the reader cannot see,
// is not known.
func mapSection(n *Node) ([]Entry, bool) {
	switch {
	case n == nil || n.Kind == KindNull:
		return nil, true
	case n.Kind != KindMap:
		return nil, false
	}
	return n.Entries, !n.Partial
}

func (s *Spec) readOperations(paths *Node) {
	entries, known := mapSection(paths)
	s.OperationsKnown = known
	for _, p := range entries {
		item := p.Value
		if item.Kind != KindMap {
			if item.Kind != KindNull {
				s.OperationsKnown = false
			}
			continue
		}
		if item.Partial || item.Get("$ref") != nil {
			s.OperationsKnown = false
		}
		for _, m := range item.Entries {
			method := m.Key
			if !methods[method] {
				continue
			}
			op := &Operation{Path: p.Key, Method: method, Pos: m.KeyPos, Node: m.Value}
			op.Integration = integrationOf(s.deref(m.Value.Get(IntegrationKey), 0))
			op.Security = securityOf(m.Value.Get("security"))
			op.IsDefaultRoute = fieldOf(m.Value.Get("isDefaultRoute"))
			s.Operations = append(s.Operations, op)
		}
	}
}

func (s *Spec) readSchemes(n *Node) {
	entries, known := mapSection(n)
	if !known {
		s.SchemesKnown = false
	}
	for _, e := range entries {
		v := s.deref(e.Value, 0)
		s.Schemes = append(s.Schemes, &Scheme{
			Name: e.Key, Pos: e.KeyPos, Node: v,
			Type:       fieldOf(v.Get("type")),
			In:         fieldOf(v.Get("in")),
			ParamName:  fieldOf(v.Get("name")),
			AuthType:   fieldOf(v.Get(AuthTypeKey)),
			Authorizer: authorizerOf(v.Get(AuthorizerKey)),
		})
	}
}

func (s *Spec) readGatewayResponses(n *Node) {
	entries, known := mapSection(n)
	s.GatewayResponsesKnown = known
	for _, e := range entries {
		r := &GatewayResponse{Type: e.Key, Pos: e.KeyPos, Node: e.Value, StatusCode: fieldOf(e.Value.Get("statusCode")), ParametersKnown: true}
		params := e.Value.Get("responseParameters")
		switch {
		case params == nil || params.Kind == KindNull:
		case params.Kind != KindMap:
			r.ParametersKnown = false
		default:
			r.ParametersKnown = !params.Partial
			for _, p := range params.Entries {
				r.Parameters = append(r.Parameters, Parameter{Name: p.Key, Value: fieldOf(p.Value)})
			}
		}
		if e.Value.Kind != KindMap {
			r.ParametersKnown = false
		}
		s.GatewayResponses = append(s.GatewayResponses, r)
	}
}

// maxRefs bounds a chain of $ref.
const maxRefs = 8

// deref follows a $ref to another part of the same document
// ("#/components/x-amazon-apigateway-integrations/items", as HTTP APIs
// share integrations); a reference to another file, or one that does not
// resolve, is unknown.
func (s *Spec) deref(n *Node, depth int) *Node {
	ref := n.Get("$ref")
	if ref == nil || n.Kind != KindMap {
		return n
	}
	target, known := ref.Text()
	if !known || !strings.HasPrefix(target, "#/") || depth >= maxRefs {
		return unknownAt(n.Pos, partial.String{})
	}
	at := s.Doc.Root
	for _, token := range strings.Split(target[2:], "/") {
		at = at.Get(strings.NewReplacer("~1", "/", "~0", "~").Replace(token))
	}
	if at == nil {
		return unknownAt(n.Pos, partial.String{})
	}
	return s.deref(at, depth+1)
}
