package apigw

import (
	"testing"
	"testing/fstest"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/beside"
)

const fastAPIApp = "from fastapi import FastAPI\nfrom mangum import Mangum\n\napp = FastAPI(title=\"orders\")\nhandler = Mangum(app)\n"

func sourcesGraph(t *testing.T, tf string, sources map[string]string) *Graph {
	t.Helper()
	g := Build(parseModule(t, map[string]string{"main.tf": tf}), nil)
	fsys := fstest.MapFS{}
	for name, text := range sources {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	g.openSources = func() *beside.Tree { return beside.FromFS(fsys) }
	return g
}

func TestMountUnawareApp(t *testing.T) {
	for _, tc := range []struct {
		name    string
		tf      string
		sources map[string]string
		want    *MountUnaware
	}{
		{
			name: "source_dir packed through output_path",
			tf: `data "archive_file" "api" {
  type        = "zip"
  source_dir  = "${path.module}/src"
  output_path = "${path.module}/build/api.zip"
}
resource "aws_lambda_function" "api" {
  filename = data.archive_file.api.output_path
  handler  = "main.handler"
}`,
			sources: map[string]string{"src/main.py": fastAPIApp},
			want:    &MountUnaware{File: "src/main.py", Line: 4, DocsURL: "/docs"},
		},
		{
			name: "a literal filename with source_code_hash, a local source dir, the app imported from a package",
			tf: `locals {
  src = "${path.module}/lambda"
}
data "archive_file" "api" {
  type        = "zip"
  source_dir  = local.src
  output_path = "api.zip"
}
resource "aws_lambda_function" "api" {
  filename         = "api.zip"
  source_code_hash = data.archive_file.api.output_base64sha256
  handler          = "handler.lambda_handler"
}`,
			sources: map[string]string{
				"lambda/handler.py":      "from mangum import Mangum\nfrom app.main import app\nlambda_handler = Mangum(app)\n",
				"lambda/app/__init__.py": "",
				"lambda/app/main.py":     "from .routes import router\nfrom fastapi import FastAPI\napp = FastAPI()\napp.include_router(router)\n",
				"lambda/app/routes.py":   "from fastapi import APIRouter\nrouter = APIRouter()\n",
			},
			want: &MountUnaware{File: "lambda/app/main.py", Line: 3, DocsURL: "/docs"},
		},
		{
			name: "filename equal to output_path, no reference",
			tf: `data "archive_file" "api" {
  type        = "zip"
  source_file = "app.py"
  output_path = "${path.module}/app.zip"
}
resource "aws_lambda_function" "api" {
  filename = "./app.zip"
  handler  = "app.handler"
}`,
			sources: map[string]string{"app.py": fastAPIApp},
			want:    &MountUnaware{File: "app.py", Line: 4, DocsURL: "/docs"},
		},
		{
			name: "root_path set: silent",
			tf: `data "archive_file" "api" {
  source_dir  = "src"
  output_path = "api.zip"
}
resource "aws_lambda_function" "api" {
  filename = data.archive_file.api.output_path
  handler  = "main.handler"
}`,
			sources: map[string]string{"src/main.py": "import os\nfrom fastapi import FastAPI\napp = FastAPI(root_path=os.environ.get('ROOT_PATH', ''))\n"},
		},
		{
			name: "a plain handler: silent",
			tf: `data "archive_file" "api" {
  source_dir  = "src"
  output_path = "api.zip"
}
resource "aws_lambda_function" "api" {
  filename = data.archive_file.api.output_path
  handler  = "main.handler"
}`,
			sources: map[string]string{"src/main.py": "def handler(event, context):\n    return {'statusCode': 200}\n", "src/other.py": fastAPIApp},
		},
		{
			name: "the handler names a missing module, a source dir outside the folder, an unknown dir",
			tf: `data "archive_file" "a" {
  source_dir  = "src"
  output_path = "a.zip"
}
data "archive_file" "b" {
  source_dir  = "${path.module}/../src"
  output_path = "b.zip"
}
data "archive_file" "c" {
  source_dir  = var.dir
  output_path = "c.zip"
}
resource "aws_lambda_function" "a" {
  filename = data.archive_file.a.output_path
  handler  = "missing.handler"
}
resource "aws_lambda_function" "b" {
  filename = data.archive_file.b.output_path
  handler  = "main.handler"
}
resource "aws_lambda_function" "c" {
  filename = data.archive_file.c.output_path
  handler  = "main.handler"
}`,
			sources: map[string]string{"src/main.py": fastAPIApp},
		},
		{
			name: "no archive, or a handler from a variable",
			tf: `data "archive_file" "api" {
  source_dir  = "src"
  output_path = "api.zip"
}
resource "aws_lambda_function" "zip" {
  filename = "prebuilt.zip"
  handler  = "main.handler"
}
resource "aws_lambda_function" "api" {
  filename = data.archive_file.api.output_path
  handler  = var.handler
}`,
			sources: map[string]string{"src/main.py": fastAPIApp},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := sourcesGraph(t, tc.tf, tc.sources)
			for _, fn := range g.Resources(LambdaFunction) {
				got, ok := g.MountUnawareApp(fn)
				switch {
				case tc.want == nil && ok:
					t.Errorf("%s: evidence %+v, want none", fn.Address(), got)
				case tc.want != nil && fn.Name == "api" && (!ok || got != *tc.want):
					t.Errorf("%s: evidence %+v, %v; want %+v", fn.Address(), got, ok, *tc.want)
				}
			}
		})
	}
}

func TestMountUnawareAppInJSON(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf.json": `{
  "data": {"archive_file": {"api": {"source_dir": "${path.module}/src", "output_path": "api.zip"}}},
  "resource": {"aws_lambda_function": {"api": {"filename": "${data.archive_file.api.output_path}", "handler": "main.handler"}}}
}`}), nil)
	g.openSources = func() *beside.Tree {
		return beside.FromFS(fstest.MapFS{"src/main.py": {Data: []byte(fastAPIApp)}})
	}
	got, ok := g.MountUnawareApp(g.Resources(LambdaFunction)[0])
	if want := (MountUnaware{File: "src/main.py", Line: 4, DocsURL: "/docs"}); !ok || got != want {
		t.Errorf("evidence %+v, %v; want %+v", got, ok, want)
	}
}

func TestMountUnawareAppWithoutFolder(t *testing.T) {
	g := Build(parseModule(t, map[string]string{"main.tf": `data "archive_file" "api" {
  source_dir  = "src"
  output_path = "api.zip"
}
resource "aws_lambda_function" "api" {
  filename = data.archive_file.api.output_path
  handler  = "main.handler"
}`}), nil)
	if _, ok := g.MountUnawareApp(g.Resources(LambdaFunction)[0]); ok {
		t.Error("evidence without a folder to read")
	}
}
