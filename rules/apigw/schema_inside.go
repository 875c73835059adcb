package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// Resource types around integrations and authorizers: who an authorizer
// trusts, which role an integration assumes, which Lambda version it calls.
const (
	CognitoUserPool       = "aws_cognito_user_pool"
	CognitoUserPoolClient = "aws_cognito_user_pool_client"
	CognitoUserPoolDomain = "aws_cognito_user_pool_domain"
	IAMRole               = "aws_iam_role"
)

// insideSchemas are the kinds the authorizer, role trust and Lambda
// qualifier rules read, and the attributes they add to kinds other
// families read (merged, not replaced).
var insideSchemas = map[string]*hclext.BodySchema{
	CognitoUserPool:       schema([]string{"name"}),
	CognitoUserPoolClient: schema([]string{"user_pool_id", "name"}),
	CognitoUserPoolDomain: schema([]string{"user_pool_id", "domain"}),
	IAMRole:               schema([]string{"name", "assume_role_policy"}),

	V2Authorizer:   schema([]string{"authorizer_type"}, block("jwt_configuration", "audience", "issuer")),
	LambdaAlias:    schema([]string{"function_name", "name", "function_version"}),
	LambdaFunction: schema([]string{"function_name", "publish"}),
	Stage:          schema([]string{"variables"}),
	V2Stage:        schema([]string{"stage_variables"}),
}
