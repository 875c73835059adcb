package rules

import (
	"fmt"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"
	"github.com/zclconf/go-cty/cty"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/hclfix"
)

// ApigwStagePrefixRootPathRule reports Lambda functions behind REST proxy
// integrations on a named stage whose packed source builds a FastAPI
// application that does not know the stage its callers' URLs start with.
type ApigwStagePrefixRootPathRule struct {
	tflint.DefaultRule
}

type stagePrefixConfig struct {
	EnvVars []string `hclext:"env_vars,optional"`
}

// NewApigwStagePrefixRootPathRule returns the rule.
func NewApigwStagePrefixRootPathRule() *ApigwStagePrefixRootPathRule {
	return &ApigwStagePrefixRootPathRule{}
}

func (r *ApigwStagePrefixRootPathRule) Name() string              { return "apigw_stage_prefix_root_path" }
func (r *ApigwStagePrefixRootPathRule) Enabled() bool             { return true }
func (r *ApigwStagePrefixRootPathRule) Severity() tflint.Severity { return tflint.NOTICE }
func (r *ApigwStagePrefixRootPathRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports each such function whose source is the evidence (see
// Graph.MountUnawareApp) and whose environment has none of the configured
// variables. The fix adds the first of them with the stage's name, written
// as a literal or as the variable the stage takes it from.
func (r *ApigwStagePrefixRootPathRule) Check(runner tflint.Runner) error {
	cfg := stagePrefixConfig{EnvVars: []string{"API_STAGE", "ROOT_PATH"}}
	if err := runner.DecodeRuleConfig(r.Name(), &cfg); err != nil {
		return err
	}
	if len(cfg.EnvVars) == 0 {
		return fmt.Errorf("%s: env_vars must name at least one environment variable", r.Name())
	}
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, sp := range g.Lambdas().StagePrefixed() {
		fn := sp.Function
		if has, known := g.EnvironmentHas(fn, cfg.EnvVars); has || !known {
			continue
		}
		app, ok := g.MountUnawareApp(fn)
		if !ok {
			continue
		}
		names, value := stageNames(g, sp.Stages)
		msg := fmt.Sprintf("%s serves %s through an AWS_PROXY integration on stage %s, but %s:%d builds FastAPI(...) without root_path and the function's environment has none of %s: API Gateway strips /<stage> from the path the function sees, so Swagger UI at /<stage>%s asks for /openapi.json without the stage and gets 403 Forbidden", fn.Address(), apiKeys(sp.APIs), names, app.File, app.Line, strings.Join(cfg.EnvVars, ", "), app.DocsURL)
		rng := fn.Block.DefRange
		if envs := fn.Blocks("environment"); len(envs) > 0 {
			rng = envs[0].DefRange
			if v := envs[0].Body.Attributes["variables"]; v != nil {
				rng = v.Range
			}
		}
		err := runner.EmitIssueWithFix(r, msg, rng, func(f tflint.Fixer) error {
			if !fn.Source().CanEdit() || value == nil {
				return tflint.ErrFixNotSupported
			}
			text := value.Var
			if text == "" {
				text = f.ValueText(cty.StringVal(value.Literal))
			}
			return hclfix.AddEnvironmentVariable(f, g.File(fn.Filename()).Bytes, fn.Syntax, cfg.EnvVars[0]+" = "+text)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// stageNames renders the stages' names for the message, and the one name a
// fix may write when all stages share it.
func stageNames(g *apigw.Graph, stages []*apigw.Node) (string, *apigw.StageName) {
	var shown []string
	var common *apigw.StageName
	same := true
	for _, s := range stages {
		name := g.NameOf(s)
		switch {
		case !name.Known:
			same = false
			shown = append(shown, "(unknown)")
		case name.Var != "":
			shown = append(shown, name.Var)
		default:
			shown = append(shown, fmt.Sprintf("%q", name.Literal))
		}
		if common == nil {
			common = &name
		} else if *common != name {
			same = false
		}
	}
	if !same || common == nil || !common.Known || common.Derived {
		common = nil
	}
	return commaNames(shown, 0), common
}

func apiKeys(apis []*apigw.API) string {
	keys := make([]string, len(apis))
	for i, a := range apis {
		keys[i] = a.Key
	}
	return commaNames(keys, 0)
}
