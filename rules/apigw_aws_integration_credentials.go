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
func (r *ApigwAwsIntegrationCredentialsRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *ApigwAwsIntegrationCredentialsRule) Link() string              { return project.ReferenceLink(r.Name()) }

// Check reports REST `AWS` integrations to a service other than Lambda
// without credentials, and HTTP API service integrations (integration_subtype)
// or WebSocket `AWS` integrations without credentials_arn.
func (r *ApigwAwsIntegrationCredentialsRule) Check(runner tflint.Runner) error {
	g, err := apigw.Load(runner)
	if g == nil {
		return err
	}
	for _, in := range append(g.Integrations(), g.BodyIntegrations()...) {
		if (in.API() != nil && in.API().External) || g.NeverExists(in.Node) {
			continue
		}
		var msg string
		switch in.Version() {
		case 1:
			service, known := in.Service()
			if !in.TypeIs("AWS") || !known || service == "lambda" || in.Credentials().IsSet() {
				continue
			}
			msg = fmt.Sprintf("%s calls %s without credentials: terraform apply fails with \"BadRequestException: Role ARN must be specified for AWS integrations\", as API Gateway needs a role that may call %s (only Lambda can authorize API Gateway with a resource policy instead)", in.Location, service, service)
		case 2:
			if in.Credentials().IsSet() {
				continue
			}
			if subtype, known := in.Subtype().String(); in.TypeIs("AWS_PROXY") && known {
				msg = fmt.Sprintf("%s is an AWS service integration (%s) without credentials_arn: API Gateway has no role to call the service with, and the route cannot reach it", in.Location, subtype)
			} else if service, known := in.Service(); in.TypeIs("AWS") && known && service != "lambda" {
				msg = fmt.Sprintf("%s calls %s without credentials_arn: API Gateway has no role to call the service with, and the route cannot reach it", in.Location, service)
			} else {
				continue
			}
		}
		if err := runner.EmitIssue(r, msg, in.Range); err != nil {
			return err
		}
	}
	return nil
}
