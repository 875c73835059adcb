package arn

import (
	"fmt"
	"strings"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/partial"
)

// ResourceKind says how a policy's Resource entry names API Gateway methods.
type ResourceKind int

const (
	// ResUnknown: the entry depends on values the model cannot read.
	ResUnknown ResourceKind = iota
	// ResAny is "*".
	ResAny
	// ResShorthand is "execute-api:/stage/VERB/path", which API Gateway
	// expands to the ARN of the API the policy is attached to.
	ResShorthand
	// ResExecutionARN is "${aws_api_gateway_rest_api.X.execution_arn}/stage/VERB/path".
	ResExecutionARN
	// ResARN is "arn:PARTITION:execute-api:REGION:ACCOUNT:API-ID/stage/VERB/path".
	ResARN
	// ResMalformed is an entry that can match no API Gateway method.
	ResMalformed
)

// Resource is a Resource entry read as an execute-api ARN pattern.
type Resource struct {
	Kind ResourceKind
	// APIRef is the API resource (TYPE.NAME, with any index) the entry's
	// execution_arn or id comes from; "" when it names no resource.
	APIRef string
	// APIID is the literal API id of an ARN; "" otherwise.
	APIID string
	// Stage and Verb are the literal segments after the API; "" when absent
	// or not literal. Wild is true when a segment up to the verb holds a
	// wildcard, so later segments cannot be told apart.
	Stage, Verb string
	Wild        bool
	// Rest is the pattern after the API part ("/prod/GET/items"), when known.
	Rest      string
	RestKnown bool
	// Problem says why a malformed entry matches nothing.
	Problem string
}

// Verbs are the HTTP methods API Gateway writes in the ARN it authorizes: the
// method of the request, never ANY.
var Verbs = []string{"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"}

// ParseResource reads a Resource entry.
func ParseResource(s partial.String) Resource {
	for _, p := range s.Parts {
		if !p.Hole && partial.HasMarker(p.Lit) {
			return Resource{Kind: ResUnknown} // marker text no ARN has
		}
	}
	// Holes become markers, which hold neither ':' nor '/', so the ARN's
	// fields can be split while remembering which are unknown.
	text, holes := s.Marked()
	first := partial.Marker(0)
	switch {
	case text == "*":
		return Resource{Kind: ResAny}
	case strings.HasPrefix(text, "execute-api:"):
		r := Resource{Kind: ResShorthand}
		return r.withRest(s, strings.TrimPrefix(text, "execute-api:"))
	case strings.HasPrefix(text, first):
		if api, ok := strings.CutSuffix(holes[0].Ref, ".execution_arn"); ok {
			r := Resource{Kind: ResExecutionARN, APIRef: api}
			return r.withRest(s, text[len(first):])
		}
		return Resource{Kind: ResUnknown}
	case strings.HasPrefix(text, "arn:"):
		return parseARN(s, text, holes)
	case len(holes) > 0:
		return Resource{Kind: ResUnknown}
	case strings.HasPrefix(text, "*"), strings.HasPrefix(text, "?"):
		return Resource{Kind: ResAny} // a pattern that may match any ARN
	}
	return Resource{Kind: ResMalformed, Problem: fmt.Sprintf("%q is not an ARN", text)}
}

func parseARN(s partial.String, text string, holes []partial.Part) Resource {
	fields := strings.SplitN(text, ":", 6)
	if len(fields) < 6 {
		if strings.Contains(fields[len(fields)-1], "*") {
			return Resource{Kind: ResAny} // a wildcard spanning the remaining fields
		}
		return Resource{Kind: ResMalformed, Problem: fmt.Sprintf("%q is not a complete ARN (arn:PARTITION:execute-api:REGION:ACCOUNT:API-ID/STAGE/VERB/PATH)", s.String())}
	}
	service := fields[2]
	switch {
	case partial.HasMarker(service):
		return Resource{Kind: ResUnknown}
	case !Match(service, "execute-api"):
		return Resource{Kind: ResMalformed, Problem: fmt.Sprintf("%q is an ARN of %s, not of execute-api", s.String(), service)}
	}
	r := Resource{Kind: ResARN}
	id, rest, found := strings.Cut(fields[5], "/")
	if found {
		rest = "/" + rest
	}
	switch idParts := partial.Unmark(id, holes).Parts; {
	case len(idParts) == 1 && idParts[0].Hole:
		if api, ok := strings.CutSuffix(idParts[0].Ref, ".id"); ok {
			r.APIRef = api
		}
	case partial.HasMarker(id):
	case strings.ContainsAny(id, "*?"):
		if rest == "" {
			return Resource{Kind: ResAny}
		}
	default:
		r.APIID = id
	}
	return r.withRest(s, rest)
}

// withRest reads the part after the API: /STAGE/VERB/PATH.
func (r Resource) withRest(s partial.String, rest string) Resource {
	if partial.HasMarker(rest) {
		// Keep the literal start: a stage from a variable says nothing
		// about the verb after it.
		return r
	}
	r.Rest, r.RestKnown = rest, true
	if rest == "" || rest[0] != '/' {
		if strings.HasPrefix(rest, "*") {
			r.Wild = true
			return r
		}
		r.Kind, r.Problem = ResMalformed, fmt.Sprintf("%q names no stage, method or path: it matches no request (end it with /*)", s.String())
		return r
	}
	segs := strings.SplitN(rest[1:], "/", 3)
	if strings.ContainsAny(segs[0], "*?") {
		r.Wild = true
		return r
	}
	r.Stage = segs[0]
	if len(segs) < 2 {
		r.Kind, r.Problem = ResMalformed, fmt.Sprintf("%q ends after the stage: it matches no request (add /* for every method and path)", s.String())
		return r
	}
	r.Verb = segs[1]
	if strings.ContainsAny(r.Verb, "*?") {
		// A wildcard verb may run into the path: keep it for ValidVerb.
		r.Wild = true
	}
	return r
}

// ValidVerb reports whether the verb segment can match a request's method.
func (r Resource) ValidVerb() bool {
	if r.Verb == "" {
		return true
	}
	for _, v := range append([]string{"*"}, Verbs...) {
		if Match(r.Verb, v) {
			return true
		}
	}
	return false
}

// CoversAll reports whether the entry matches every method of the API with
// address apiAddr (or of any API): "*", "execute-api:/*", or the API's
// execution_arn followed by wildcards only.
func (r Resource) CoversAll(apiAddr string) bool {
	switch r.Kind {
	case ResAny:
		return true
	case ResShorthand:
	case ResExecutionARN:
		if BaseAddress(r.APIRef) != apiAddr {
			return false
		}
	default:
		return false
	}
	return r.RestKnown && wildOnly(r.Rest)
}

// wildOnly reports whether a pattern after the API matches every
// /STAGE/VERB/PATH: slashes and stars only, at most three slashes.
func wildOnly(rest string) bool {
	return strings.Contains(rest, "*") && strings.Trim(rest, "/*") == "" && strings.Count(rest, "/") <= 3
}

// BaseAddress drops the instance keys from a resource address:
// aws_api_gateway_rest_api.main[0] is aws_api_gateway_rest_api.main.
func BaseAddress(addr string) string {
	if i := strings.IndexByte(addr, '['); i >= 0 {
		return addr[:i]
	}
	return addr
}
