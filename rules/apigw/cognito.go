package apigw

import (
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/hclext"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

// JWTSettings is the jwt_configuration of an HTTP API JWT authorizer.
type JWTSettings struct {
	Audience *hclext.Attribute
	Issuer   *hclext.Attribute
}

// UserPoolOfID returns the Cognito user pool an expression is the id of:
// aws_cognito_user_pool.X.id, or the user_pool_id of one of its clients.
// isID is true when the expression is surely a user pool id, even of a pool
// the model cannot name (pool is nil then).
func (g *Graph) UserPoolOfID(expr hcl.Expression) (pool *Node, isID bool) {
	s, ok := g.template(expr)
	trav := singleTraversal(s)
	if !ok || trav == nil {
		return nil, false
	}
	ref, ok := ParseRef(trav)
	if !ok || ref.Data {
		return nil, false
	}
	switch {
	case ref.Type == CognitoUserPool && ref.Attr == "id":
		return g.byAddr[ref.Address()], true
	case ref.Type == CognitoUserPoolClient && ref.Attr == "user_pool_id":
		if client := g.byAddr[ref.Address()]; client != nil {
			return g.poolNamedBy(client), true
		}
		return nil, true
	}
	return nil, false
}

// poolNamedBy returns the pool whose id a client's or domain's
// user_pool_id references.
func (g *Graph) poolNamedBy(n *Node) *Node {
	if pool := g.Resolve(exprOf(n.Attr("user_pool_id"))); pool != nil && pool.Type == CognitoUserPool && RefsIn(exprOf(n.Attr("user_pool_id")))[0].Attr == "id" {
		return pool
	}
	return nil
}

// PoolClients returns the app clients of a user pool: the
// aws_cognito_user_pool_client resources whose user_pool_id references it.
func (g *Graph) PoolClients(pool *Node) []*Node {
	var out []*Node
	for _, c := range g.byType[CognitoUserPoolClient] {
		if g.poolNamedBy(c) == pool {
			out = append(out, c)
		}
	}
	return out
}

// IssuerFault says what is wrong with a JWT issuer for a Cognito pool.
type IssuerFault string

// The issuer faults the model proves.
const (
	IssuerNoScheme      IssuerFault = "lacks https://"
	IssuerTrailingSlash IssuerFault = "ends with a /"
	IssuerHostedUI      IssuerFault = "is the hosted UI domain, not the token issuer"
	IssuerNotPool       IssuerFault = "is not https://cognito-idp.<region>.amazonaws.com/<pool id>"
)

// IssuerCheck is what the model proves about a JWT issuer.
type IssuerCheck struct {
	// Fault is empty when the issuer is right or not proven wrong.
	Fault IssuerFault
	// Pool is the user pool the issuer is meant for, when the model knows it.
	Pool *Node
}

// cognitoIssuerPrefix is the issuer of a pool up to its id; a partial
// marker stands for a part the model does not know (a region from a variable).
var cognitoIssuerPrefix = regexp.MustCompile(`^https://cognito-idp\.[^/]+\.amazonaws\.com/$`)

// CognitoIssuer reads a JWT issuer that names a Cognito user pool: the
// pool's endpoint (which has no scheme), the issuer URL built from its id,
// or a hosted UI domain. An issuer the model cannot read is not proven wrong.
func (g *Graph) CognitoIssuer(expr hcl.Expression) IssuerCheck {
	s, ok := g.template(expr)
	if !ok {
		return IssuerCheck{}
	}
	var before, after strings.Builder
	var anchor *Ref
	var anchorNode *Node
	for _, p := range s.Parts {
		if text, ok := g.partText(p); ok {
			if anchor == nil {
				before.WriteString(text)
			} else {
				after.WriteString(text)
			}
			continue
		}
		ref, isRef := Ref{}, false
		if trav := holeTraversal(p); trav != nil {
			ref, isRef = ParseRef(trav)
		}
		if isRef && !ref.Data && anchor == nil && cognitoAnchor(ref) {
			anchor, anchorNode = &ref, g.byAddr[ref.Address()]
			continue
		}
		if anchor == nil {
			before.WriteString(partial.Marker(0))
		} else {
			after.WriteString(partial.Marker(0))
		}
	}
	if anchor == nil {
		return literalIssuer(before.String())
	}
	check := IssuerCheck{Pool: anchorNode}
	if anchorNode != nil && anchorNode.Type == CognitoUserPoolDomain {
		check.Pool = g.poolNamedBy(anchorNode)
	}
	prefix, suffix := before.String(), after.String()
	switch {
	case anchor.Type == CognitoUserPoolDomain || anchor.Attr == "domain":
		check.Fault = IssuerHostedUI
	case partial.HasMarker(suffix):
	case suffix == "/":
		check.Fault = IssuerTrailingSlash
	case suffix != "":
		check.Fault = IssuerNotPool
	case partial.HasMarker(prefix):
	case anchor.Attr == "endpoint" && prefix == "":
		check.Fault = IssuerNoScheme
	case anchor.Attr == "endpoint" && prefix != "https://":
		check.Fault = IssuerNotPool
	case anchor.Attr == "id" && cognitoIssuerPrefix.MatchString("https://"+prefix):
		check.Fault = IssuerNoScheme
	case anchor.Attr == "id" && !cognitoIssuerPrefix.MatchString(prefix):
		check.Fault = IssuerNotPool
	}
	return check
}

// cognitoAnchor reports whether a reference names the pool in an issuer.
func cognitoAnchor(ref Ref) bool {
	switch ref.Type {
	case CognitoUserPool:
		return ref.Attr == "endpoint" || ref.Attr == "id" || ref.Attr == "domain"
	case CognitoUserPoolDomain:
		return ref.Attr == "domain" || ref.Attr == "cloudfront_distribution"
	}
	return false
}

// literalIssuer checks an issuer written without references to a pool;
// partial markers stand for the parts the model does not know.
func literalIssuer(text string) IssuerCheck {
	switch {
	case strings.Contains(text, ".amazoncognito.com"):
		return IssuerCheck{Fault: IssuerHostedUI}
	case !strings.Contains(text, "cognito-idp.") || !strings.Contains(text, ".amazonaws.com/"):
		return IssuerCheck{}
	case strings.HasSuffix(text, "/"):
		return IssuerCheck{Fault: IssuerTrailingSlash}
	case strings.HasPrefix(text, "cognito-idp."):
		return IssuerCheck{Fault: IssuerNoScheme}
	}
	return IssuerCheck{}
}

// AudienceEntries returns the entries of a list literal (native syntax);
// ok is false for any other expression.
func AudienceEntries(attr *hclext.Attribute) ([]hcl.Expression, bool) {
	list, ok := exprOf(attr).(*hclsyntax.TupleConsExpr)
	if !ok {
		return nil, false
	}
	out := make([]hcl.Expression, len(list.Exprs))
	for i, e := range list.Exprs {
		out[i] = e
	}
	return out, true
}
