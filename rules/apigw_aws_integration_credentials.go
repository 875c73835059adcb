package rules

import (
	"fmt"

	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/project"
	"github.com/apigw403/tflint-ruleset-apigw403/rules/apigw"
)

// ApigwAwsIntegrationCredentialsRule reports AWS service integrations
// (other than Lambda) that have no role to call the service with.
type ApigwAwsIntegrationCredentialsRule struct {
	tflint.DefaultRule
}

// NewApigwAwsIntegrationCredentialsRule returns the rule.
func NewApigwAwsIntegrationCredentialsRule() *ApigwAwsIntegrationCredentialsRule {
	return &ApigwAwsIntegrationCredentialsRule{}
}

func (r *ApigwAwsIntegrationCredentialsRule) Name() string {
	return "apigw_aws_integration_credentials"
}
func (r *ApigwAwsIntegrationCredentialsRule) Enabled() bool             { return true }
func (r *ApigwAwsIntegrationCredentialsRule) Severity() tflint.Severity { return tflint.WARNING }
func (r *ApigwAwsIntegrationCredentialsRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports REST `AWS` integrations to a service other than Lambda
// without credentials, and HTTP API service integrations (integration_subtype)
// or WebSocket `AWS` integrations without credentials_arn.
func (r *ApigwAwsIntegrationCredentialsRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, n := range append(append([]*apigw.Node{}, g.Resources(apigw.Integration)...), g.Resources(apigw.V2Integration)...) {
		if n.API != nil && n.API.External {
			continue
		}
		var msg string
		switch n.Type {
		case apigw.Integration:
			typ, _ := g.String(n.Attr("type"))
			service, known := g.IntegrationService(n)
			if typ != "AWS" || !known || service == "lambda" || g.IsSet(n.Attr("credentials")) {
				continue
			}
			msg = fmt.Sprintf("%s calls %s without credentials: terraform apply fails with \"BadRequestException: Role ARN must be specified for AWS integrations\", as API Gateway needs a role that may call %s (only Lambda can authorize API Gateway with a resource policy instead)", n.Address(), service, service)
		case apigw.V2Integration:
			typ, _ := g.String(n.Attr("integration_type"))
			if g.IsSet(n.Attr("credentials_arn")) {
				continue
			}
			if subtype, known := g.String(n.Attr("integration_subtype")); typ == "AWS_PROXY" && known {
				msg = fmt.Sprintf("%s is an AWS service integration (%s) without credentials_arn: API Gateway has no role to call the service with, and the route cannot reach it", n.Address(), subtype)
			} else if service, known := g.IntegrationService(n); typ == "AWS" && known && service != "lambda" {
				msg = fmt.Sprintf("%s calls %s without credentials_arn: API Gateway has no role to call the service with, and the route cannot reach it", n.Address(), service)
			} else {
				continue
			}
		}
		if err := runner.EmitIssue(r, msg, n.Block.DefRange); err != nil {
			return err
		}
	}
	return nil
}
