package rules

import "github.com/terraform-linters/tflint-plugin-sdk/tflint"

// Family is a catalog section: the place in the request path a rule's 403
// comes from (design/rules.md).
type Family string

// The families, in the order their rules run.
const (
	Deployment Family = "deployment" // stale deployment snapshots (section 1)
	Policy     Family = "policy"     // resource policies that deny callers (section 2)
	Key        Family = "key"        // API keys, usage plans, authorizers, CORS preflights (section 3)
	Lambda     Family = "lambda"     // Lambda integrations, the proxy root, the stage prefix (sections 4, 5)
	Endpoint   Family = "endpoint"   // endpoints, WAF, VPC endpoints, execution logs (sections 5, 6)
	Around     Family = "around"     // CloudFront, DNS, custom domains, private-API conditions, mTLS (section 7)
)

// Families lists every family in run order.
var Families = []Family{Deployment, Policy, Key, Lambda, Endpoint, Around}

// Entry is one row of the registry: how to build a rule and what the rest of
// the project (docs/README.md, the tests) must say about it. Severity and
// Enabled repeat the rule's own methods so that the rule file reads on its
// own; TestRegistryMatchesTheRules keeps both in step.
type Entry struct {
	New      func() tflint.Rule
	Family   Family
	Severity tflint.Severity
	Enabled  bool // enabled by default
	Fixable  bool // the rule can emit fixes (EmitIssueWithFix)
}

// Registry returns every rule's row, family by family, in run order.
func Registry() []Entry {
	return append([]Entry(nil), registry...)
}

// All returns a new instance of every rule, in registry order, each guarded
// against panics.
func All() []tflint.Rule {
	all := make([]tflint.Rule, len(registry))
	for i, e := range registry {
		all[i] = e.New()
	}
	return guard(all)
}

// Rules returns a new instance of every rule of the family, guarded as in All.
func (f Family) Rules() []tflint.Rule {
	var rules []tflint.Rule
	for _, e := range registry {
		if e.Family == f {
			rules = append(rules, e.New())
		}
	}
	return guard(rules)
}

// of turns a rule's constructor into a registry constructor.
func of[R tflint.Rule](newRule func() R) func() tflint.Rule {
	return func() tflint.Rule { return newRule() }
}

// registry is the table of rules. tools/newrule appends a row at the end of
// its family's rows.
var registry = []Entry{
	{New: of(NewApigwDeploymentTriggersRule), Family: Deployment, Severity: tflint.ERROR, Enabled: true, Fixable: true},
	{New: of(NewApigwDeploymentTriggersIncompleteRule), Family: Deployment, Severity: tflint.WARNING, Enabled: true, Fixable: true},
	{New: of(NewApigwDeploymentCreateBeforeDestroyRule), Family: Deployment, Severity: tflint.ERROR, Enabled: true, Fixable: true},
	{New: of(NewApigwDeploymentInlineStageRule), Family: Deployment, Severity: tflint.WARNING, Enabled: true, Fixable: false},
	{New: of(NewApigwV2StageNotDeployedRule), Family: Deployment, Severity: tflint.ERROR, Enabled: true, Fixable: true},
	{New: of(NewApigwAPINotDeployedRule), Family: Deployment, Severity: tflint.WARNING, Enabled: true, Fixable: false},
	{New: of(NewApigwPrivateAPIPolicyRule), Family: Policy, Severity: tflint.ERROR, Enabled: true, Fixable: true},
	{New: of(NewApigwPolicyNoAllowRule), Family: Policy, Severity: tflint.ERROR, Enabled: true, Fixable: false},
	{New: of(NewApigwPolicyVpcConditionPublicAPIRule), Family: Policy, Severity: tflint.ERROR, Enabled: true, Fixable: false},
	{New: of(NewApigwPolicyResourceMismatchRule), Family: Policy, Severity: tflint.WARNING, Enabled: true, Fixable: true},
	{New: of(NewApigwPolicyPrincipalAuthorizationRule), Family: Policy, Severity: tflint.WARNING, Enabled: true, Fixable: false},
	{New: of(NewApigwAPIKeyUsagePlanRule), Family: Key, Severity: tflint.ERROR, Enabled: true, Fixable: false},
	{New: of(NewApigwUsagePlanStageRule), Family: Key, Severity: tflint.ERROR, Enabled: true, Fixable: true},
	{New: of(NewApigwAPIKeyDisabledRule), Family: Key, Severity: tflint.WARNING, Enabled: true, Fixable: true},
	{New: of(NewApigwAPIKeySourceAuthorizerRule), Family: Key, Severity: tflint.WARNING, Enabled: true, Fixable: false},
	{New: of(NewApigwCORSPreflightAuthRule), Family: Key, Severity: tflint.ERROR, Enabled: true, Fixable: true},
	{New: of(NewApigwMethodAuthorizerMissingRule), Family: Key, Severity: tflint.ERROR, Enabled: true, Fixable: false},
	{New: of(NewApigwAuthorizerCacheRule), Family: Key, Severity: tflint.NOTICE, Enabled: true, Fixable: false},
	{New: of(NewApigwAuthorizerTypeMismatchRule), Family: Key, Severity: tflint.WARNING, Enabled: true, Fixable: true},
	{New: of(NewApigwJwtAuthorizerConfigRule), Family: Key, Severity: tflint.ERROR, Enabled: true, Fixable: true},
	{New: of(NewApigwCORSGatewayResponsesRule), Family: Key, Severity: tflint.WARNING, Enabled: true, Fixable: true},
	{New: of(NewApigwLambdaIntegrationMethodRule), Family: Lambda, Severity: tflint.ERROR, Enabled: true, Fixable: true},
	{New: of(NewApigwLambdaInvokeArnRule), Family: Lambda, Severity: tflint.ERROR, Enabled: true, Fixable: true},
	{New: of(NewApigwLambdaPermissionRule), Family: Lambda, Severity: tflint.ERROR, Enabled: true, Fixable: true},
	{New: of(NewApigwAwsIntegrationCredentialsRule), Family: Lambda, Severity: tflint.WARNING, Enabled: true, Fixable: false},
	{New: of(NewApigwProxyRootMethodRule), Family: Lambda, Severity: tflint.WARNING, Enabled: true, Fixable: true},
	{New: of(NewApigwStagePrefixRootPathRule), Family: Lambda, Severity: tflint.NOTICE, Enabled: true, Fixable: true},
	{New: of(NewApigwLambdaPermissionQualifierRule), Family: Lambda, Severity: tflint.ERROR, Enabled: true, Fixable: true},
	{New: of(NewApigwIntegrationRoleTrustRule), Family: Lambda, Severity: tflint.ERROR, Enabled: true, Fixable: true},
	{New: of(NewApigwDisabledDefaultEndpointRule), Family: Endpoint, Severity: tflint.ERROR, Enabled: true, Fixable: false},
	{New: of(NewApigwVpcePrivateDNSRule), Family: Endpoint, Severity: tflint.WARNING, Enabled: true, Fixable: false},
	{New: of(NewApigwWafDefaultBlockRule), Family: Endpoint, Severity: tflint.WARNING, Enabled: true, Fixable: false},
	{New: of(NewApigwBodyMixedWithResourcesRule), Family: Endpoint, Severity: tflint.WARNING, Enabled: true, Fixable: false},
	{New: of(NewApigwExecutionLoggingRule), Family: Endpoint, Severity: tflint.NOTICE, Enabled: true, Fixable: true},
	{New: of(NewApigwMethodSettingsStageReferenceRule), Family: Endpoint, Severity: tflint.WARNING, Enabled: true, Fixable: true},
	{New: of(NewApigwDataTraceEnabledRule), Family: Endpoint, Severity: tflint.NOTICE, Enabled: true, Fixable: false},
	{New: of(NewApigwCloudwatchRoleRule), Family: Endpoint, Severity: tflint.NOTICE, Enabled: false, Fixable: false},
	{New: of(NewApigwV2ThrottleZeroRule), Family: Endpoint, Severity: tflint.WARNING, Enabled: true, Fixable: true},
	{New: of(NewApigwAccessLogErrorFieldsRule), Family: Endpoint, Severity: tflint.NOTICE, Enabled: true, Fixable: true},
	{New: of(NewApigwCloudfrontHostHeaderRule), Family: Around, Severity: tflint.ERROR, Enabled: true, Fixable: true},
	{New: of(NewApigwCloudfrontAllowedMethodsRule), Family: Around, Severity: tflint.ERROR, Enabled: true, Fixable: true},
	{New: of(NewApigwCloudfrontOriginPathRule), Family: Around, Severity: tflint.WARNING, Enabled: true, Fixable: true},
	{New: of(NewApigwCustomDomainDNSRule), Family: Around, Severity: tflint.ERROR, Enabled: true, Fixable: true},
	{New: of(NewApigwCustomDomainMappingRule), Family: Around, Severity: tflint.WARNING, Enabled: true, Fixable: false},
	{New: of(NewApigwDeploymentInvokeURLRule), Family: Around, Severity: tflint.WARNING, Enabled: true, Fixable: true},
	{New: of(NewApigwPrivatePolicySourceIPRule), Family: Around, Severity: tflint.ERROR, Enabled: true, Fixable: true},
	{New: of(NewApigwPrivateVpceMismatchRule), Family: Around, Severity: tflint.ERROR, Enabled: true, Fixable: false},
	{New: of(NewApigwMtlsTruststoreVersionRule), Family: Around, Severity: tflint.WARNING, Enabled: true, Fixable: true},
}
