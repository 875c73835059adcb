package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/hclfix"
)

// ApigwCloudfrontOriginPathRule reports REST API origins whose requests
// reach API Gateway with a first path segment that names no stage.
type ApigwCloudfrontOriginPathRule struct {
	tflint.DefaultRule
}

// NewApigwCloudfrontOriginPathRule returns the rule.
func NewApigwCloudfrontOriginPathRule() *ApigwCloudfrontOriginPathRule {
	return &ApigwCloudfrontOriginPathRule{}
}

func (r *ApigwCloudfrontOriginPathRule) Name() string              { return "apigw_cloudfront_origin_path" }
func (r *ApigwCloudfrontOriginPathRule) Enabled() bool             { return true }
func (r *ApigwCloudfrontOriginPathRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *ApigwCloudfrontOriginPathRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports, once per origin, the first literal path that reaches a
// REST API as a stage it does not have. The fix sets origin_path to the
// API's single stage when no behaviour towards the origin may already
// carry the stage in its path.
func (r *ApigwCloudfrontOriginPathRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, d := range g.Distributions() {
		for _, o := range d.APIOrigins() {
			api := o.Host.API
			if api == nil || api.Version != 1 || g.PassedToModule(api.Node) {
				continue
			}
			stages, known := g.StageNames(api)
			originPath, pathKnown := g.OriginPath(o)
			if !known || !pathKnown {
				continue
			}
			if err := r.checkOrigin(runner, g, d, o, stages, originPath); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *ApigwCloudfrontOriginPathRule) checkOrigin(runner tflint.Runner, g *apigw.Graph, d *apigw.CloudFront, o *apigw.Origin, stages []string, originPath string) error {
	stageList := joinNames(quoteAll(stages), 3)
	if originPath != "" {
		seg, literal := firstSegment(originPath)
		if !literal || slices.Contains(stages, seg) || len(d.BehaviorsFor(o)) == 0 {
			return nil
		}
		attr := o.Block.Body.Attributes["origin_path"]
		msg := fmt.Sprintf("%s's origin %q sends every request to %s under origin_path %q, which names no stage of it (%s): API Gateway reads %q as the stage name and answers 403 {\"message\":\"Forbidden\"}", d.Node.Address(), o.ID, o.Label(), originPath, stageList, seg)
		return runner.EmitIssue(r, msg, attr.Range)
	}
	var first *apigw.Behavior
	var firstSeg string
	fixable := true
	for _, b := range d.BehaviorsFor(o) {
		pattern, known := g.PathPattern(b)
		seg, literal := firstSegment(pattern)
		if !known || !literal || slices.Contains(stages, seg) {
			fixable = false // this behaviour may carry the stage already
			continue
		}
		if first == nil {
			first, firstSeg = b, seg
		}
	}
	if first == nil {
		return nil
	}
	attr := first.Block.Body.Attributes["path_pattern"]
	msg := fmt.Sprintf("%s's %s sends its paths to %s without an origin_path naming a stage (%s): API Gateway reads %q as the stage name and answers 403 {\"message\":\"Forbidden\"}", d.Node.Address(), first.Label(), o.Label(), stageList, firstSeg)
	return runner.EmitIssueWithFix(r, msg, attr.Range, func(f tflint.Fixer) error {
		stage := singleStage(o.Host.API)
		blk := apigw.SyntaxBlock(d.Node, o.Block)
		if !fixable || stage == nil || blk == nil || !d.Node.Source().CanEdit() {
			return tflint.ErrFixNotSupported
		}
		return hclfix.InsertAttribute(f, g.File(d.Node.Filename()).Bytes, blk, fmt.Sprintf(`origin_path = "/${%s.stage_name}"`, stage.Address()))
	})
}

// firstSegment returns the first segment of a CloudFront path or path
// pattern; literal is false when it holds a wildcard or is the last
// segment of a pattern that may continue it.
func firstSegment(path string) (seg string, literal bool) {
	rest := strings.TrimPrefix(path, "/")
	seg, _, more := strings.Cut(rest, "/")
	if seg == "" || strings.ContainsAny(seg, "*?") {
		return "", false
	}
	return seg, more || !strings.ContainsAny(rest, "*?")
}

// singleStage is the API's one aws_api_gateway_stage when it has exactly
// one way to be served and that stage is a single resource.
func singleStage(api *apigw.API) *apigw.Node {
	if len(api.Stages) != 1 || !api.Stages[0].Source().Single() {
		return nil
	}
	for _, dep := range api.Deployments {
		if dep.Attr("stage_name") != nil {
			return nil
		}
	}
	return api.Stages[0]
}

func quoteAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = fmt.Sprintf("%q", n)
	}
	return out
}
