package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwAuthorizerCacheRule notes Lambda authorizers whose policies are
// cached across methods: a policy scoped to one method denies the others.
type ApigwAuthorizerCacheRule struct {
	tflint.DefaultRule
}

// NewApigwAuthorizerCacheRule returns the rule.
func NewApigwAuthorizerCacheRule() *ApigwAuthorizerCacheRule {
	return &ApigwAuthorizerCacheRule{}
}

func (r *ApigwAuthorizerCacheRule) Name() string              { return "apigw_authorizer_cache" }
func (r *ApigwAuthorizerCacheRule) Enabled() bool             { return true }
func (r *ApigwAuthorizerCacheRule) Severity() tflint.Severity { return tflint.NOTICE }
func (r *ApigwAuthorizerCacheRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check notes every caching Lambda authorizer, except one the module proves
// serves a single method or route.
func (r *ApigwAuthorizerCacheRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, auth := range append(g.Authorizers(), g.BodyAuthorizers()...) {
		cache, caching := auth.CachedPolicy()
		if !caching {
			continue
		}
		if users, known := auth.Users(); known && users <= 1 {
			continue // one method: no other method can meet its cached policy
		}
		ttl, rng := fmt.Sprintf("for %d seconds", cache.Seconds), auth.Range
		if cache.Default {
			ttl += " (" + auth.TTL().Name + " is unset)"
		} else {
			rng = auth.TTL().Range()
		}
		denied, users := `403 "User is not authorized to access this resource"`, "method"
		if auth.Version() == 2 {
			denied, users = "403 Forbidden", "route"
		}
		msg := fmt.Sprintf("%s caches the policy its Lambda returns %s and reuses it for every %s it protects: if the policy allows only the method ARN of the first call, the caller's other calls answer %s until the cache expires; return a wildcard resource or set the TTL to 0", auth.Location, ttl, users, denied)
		if err := runner.EmitIssue(r, msg, rng); err != nil {
			return err
		}
	}
	return nil
}
