package hclfix

import (
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/terraform-linters/tflint-plugin-sdk/helper"
	"github.com/terraform-linters/tflint-plugin-sdk/tflint"

	"github.com/apigw403/tflint-ruleset-apigw403/rules/ref"
)

// fixRule emits one issue whose fix runs edit on main.tf's first block:
// the real fixer of the SDK's test runner, formatting included.
type fixRule struct {
	tflint.DefaultRule
	edit func(f tflint.Fixer, src []byte, blk *hclsyntax.Block) error
}

func (r *fixRule) Name() string              { return "hclfix_test" }
func (r *fixRule) Enabled() bool             { return true }
func (r *fixRule) Severity() tflint.Severity { return tflint.ERROR }
func (r *fixRule) Check(runner tflint.Runner) error {
	file, err := runner.GetFile("main.tf")
	if err != nil {
		return err
	}
	blk := file.Body.(*hclsyntax.Body).Blocks[0]
	return runner.EmitIssueWithFix(r, "fix", blk.DefRange(), func(f tflint.Fixer) error {
		return r.edit(f, file.Bytes, blk)
	})
}

func applyFix(t *testing.T, src string, edit func(f tflint.Fixer, src []byte, blk *hclsyntax.Block) error) string {
	t.Helper()
	runner := helper.TestRunner(t, map[string]string{"main.tf": src})
	if err := (&fixRule{edit: edit}).Check(runner); err != nil {
		t.Fatalf("fix: %s", err)
	}
	changes := runner.Changes()
	got, ok := changes["main.tf"]
	if !ok {
		return src
	}
	if _, diags := hclsyntax.ParseConfig(got, "main.tf", hcl.InitialPos); diags.HasErrors() {
		t.Fatalf("the fix wrote invalid HCL: %s\n%s", diags, got)
	}
	return string(got)
}

func TestAppendAttributeAndBlock(t *testing.T) {
	cases := []struct {
		name, src, want string
		block           bool
		lines           string
	}{
		{
			name:  "attribute joins the others and is aligned",
			src:   "resource \"a\" \"b\" {\n  name = \"x\"\n}\n",
			lines: "auto_deploy = true",
			want:  "resource \"a\" \"b\" {\n  name        = \"x\"\n  auto_deploy = true\n}\n",
		},
		{
			name:  "block is set apart by a blank line",
			src:   "resource \"a\" \"b\" {\n  name = \"x\"\n}\n",
			block: true,
			lines: "lifecycle {\ncreate_before_destroy = true\n}",
			want:  "resource \"a\" \"b\" {\n  name = \"x\"\n\n  lifecycle {\n    create_before_destroy = true\n  }\n}\n",
		},
		{
			name:  "empty one-line block",
			src:   "resource \"a\" \"b\" {}\n",
			block: true,
			lines: "x = 1",
			want:  "resource \"a\" \"b\" {\n  x = 1\n}\n",
		},
		{
			name:  "one-line block with an attribute",
			src:   "resource \"a\" \"b\" { name = \"x\" }\n",
			lines: "x = 1",
			want:  "resource \"a\" \"b\" {\n  name = \"x\"\n  x    = 1\n}\n",
		},
		{
			name:  "empty multi-line block gets no blank line",
			src:   "resource \"a\" \"b\" {\n}\n",
			block: true,
			lines: "x = 1",
			want:  "resource \"a\" \"b\" {\n  x = 1\n}\n",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := applyFix(t, tc.src, func(f tflint.Fixer, src []byte, blk *hclsyntax.Block) error {
				if tc.block {
					return AppendBlock(f, src, blk, tc.lines)
				}
				return AppendAttribute(f, src, blk, tc.lines)
			})
			if got != tc.want {
				t.Fatalf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestInsertBeforeMeta(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{
			name: "before depends_on",
			src:  "resource \"a\" \"b\" {\n  name = \"x\"\n\n  depends_on = [c.d]\n}\n",
			want: "resource \"a\" \"b\" {\n  name = \"x\"\n\n  x = 1\n\n  depends_on = [c.d]\n}\n",
		},
		{
			name: "before lifecycle, adding the blank line above",
			src:  "resource \"a\" \"b\" {\n  name = \"x\"\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n",
			want: "resource \"a\" \"b\" {\n  name = \"x\"\n\n  x = 1\n\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n",
		},
		{
			name: "no meta-arguments: at the end",
			src:  "resource \"a\" \"b\" {\n  name = \"x\"\n}\n",
			want: "resource \"a\" \"b\" {\n  name = \"x\"\n\n  x = 1\n}\n",
		},
		{
			name: "meta-argument first in the block",
			src:  "resource \"a\" \"b\" {\n  depends_on = [c.d]\n}\n",
			want: "resource \"a\" \"b\" {\n  x = 1\n\n  depends_on = [c.d]\n}\n",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := applyFix(t, tc.src, func(f tflint.Fixer, src []byte, blk *hclsyntax.Block) error {
				return InsertBeforeMeta(f, src, blk, "x = 1")
			})
			if got != tc.want {
				t.Fatalf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestInsertWithTail(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{
			name: "lines before depends_on, tail at the end",
			src:  "resource \"a\" \"b\" {\n  name = \"x\"\n\n  depends_on = [c.d]\n}\n",
			want: "resource \"a\" \"b\" {\n  name = \"x\"\n\n  x = 1\n\n  depends_on = [c.d]\n\n  y {\n  }\n}\n",
		},
		{
			name: "a one-line block is opened once",
			src:  "resource \"a\" \"b\" { depends_on = [c.d] }\n",
			want: "resource \"a\" \"b\" {\n  depends_on = [c.d]\n\n  x = 1\n\n  y {\n  }\n}\n",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := applyFix(t, tc.src, func(f tflint.Fixer, src []byte, blk *hclsyntax.Block) error {
				return InsertWithTail(f, src, blk, "x = 1", "y {\n}")
			})
			if got != tc.want {
				t.Fatalf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestEnsureCreateBeforeDestroy(t *testing.T) {
	cases := []struct{ name, src, want string }{
		{
			name: "adds the block",
			src:  "resource \"a\" \"b\" {\n  name = \"x\"\n}\n",
			want: "resource \"a\" \"b\" {\n  name = \"x\"\n\n  lifecycle {\n    create_before_destroy = true\n  }\n}\n",
		},
		{
			name: "adds the argument to an existing block",
			src:  "resource \"a\" \"b\" {\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n",
			want: "resource \"a\" \"b\" {\n  lifecycle {\n    prevent_destroy       = true\n    create_before_destroy = true\n  }\n}\n",
		},
		{
			name: "turns false into true",
			src:  "resource \"a\" \"b\" {\n  lifecycle {\n    create_before_destroy = false\n  }\n}\n",
			want: "resource \"a\" \"b\" {\n  lifecycle {\n    create_before_destroy = true\n  }\n}\n",
		},
		{
			name: "true already: nothing to do",
			src:  "resource \"a\" \"b\" {\n  lifecycle {\n    create_before_destroy = true\n  }\n}\n",
			want: "resource \"a\" \"b\" {\n  lifecycle {\n    create_before_destroy = true\n  }\n}\n",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := applyFix(t, tc.src, func(f tflint.Fixer, src []byte, blk *hclsyntax.Block) error {
				return EnsureCreateBeforeDestroy(f, src, blk)
			})
			if got != tc.want {
				t.Fatalf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestAppendToList(t *testing.T) {
	cases := []struct{ name, list, want string }{
		{
			name: "multi-line with trailing comma, before a trailing comment",
			list: "[\n    a.b.id,\n    # more\n  ]",
			want: "[\n    a.b.id,\n    c.d.id,\n    e.f.id,\n    # more\n  ]",
		},
		{
			name: "multi-line without trailing comma",
			list: "[\n    a.b.id\n  ]",
			want: "[\n    a.b.id,\n    c.d.id,\n    e.f.id,\n  ]",
		},
		{
			name: "one line becomes one entry a line",
			list: "[a.b.id, x.y]",
			want: "[\n    a.b.id,\n    x.y,\n    c.d.id,\n    e.f.id,\n  ]",
		},
		{
			name: "one line with a comment keeps its line and the comment stays last",
			list: "[a.b.id /* keep */]",
			want: "[a.b.id, c.d.id, e.f.id /* keep */]",
		},
		{
			name: "empty",
			list: "[]",
			want: "[\n    c.d.id,\n    e.f.id,\n  ]",
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := "locals {\n  l = " + tc.list + "\n}\n"
			got := applyFix(t, src, func(f tflint.Fixer, src []byte, blk *hclsyntax.Block) error {
				list := blk.Body.Attributes["l"].Expr.(*hclsyntax.TupleConsExpr)
				return AppendToList(f, src, list, []string{"c.d.id", "e.f.id"})
			})
			want := "locals {\n  l = " + tc.want + "\n}\n"
			if got != want {
				t.Fatalf("got:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestHashedList(t *testing.T) {
	cases := []struct {
		src  string
		want int // entries of the list found; -1 when none
	}{
		{`{ redeployment = sha1(jsonencode([a.b.id, c.d.id])) }`, 2},
		{`{ r = md5(jsonencode([])) }`, 0},
		{`{ r = sha1(jsonencode(a.b.body)) }`, -1},
		{`{ r = sha1(join(",", [a.b.id])) }`, -1},
		{`{ a = sha1(jsonencode([x.y])), b = sha1(jsonencode([z.w])) }`, -1},
		{`sha1(jsonencode([a.b.id]))`, -1},
	}
	for _, tc := range cases {
		expr, diags := hclsyntax.ParseExpression([]byte(tc.src), "t.tf", hcl.InitialPos)
		if diags.HasErrors() {
			t.Fatal(diags)
		}
		list, ok := HashedList(expr)
		got := -1
		if ok {
			got = len(list.Exprs)
		}
		if got != tc.want {
			t.Errorf("HashedList(%s) found %d entries, want %d", tc.src, got, tc.want)
		}
	}
}

func TestInsertAfterBlock(t *testing.T) {
	src := "resource \"a\" \"b\" {\n  name = \"x\"\n}\n\nresource \"c\" \"d\" {}\n"
	got := applyFix(t, src, func(f tflint.Fixer, src []byte, blk *hclsyntax.Block) error {
		return InsertAfterBlock(f, blk, "resource \"a\" \"new\" {\nname = \"y\"\n}")
	})
	want := "resource \"a\" \"b\" {\n  name = \"x\"\n}\n\nresource \"a\" \"new\" {\n  name = \"y\"\n}\n\nresource \"c\" \"d\" {}\n"
	if got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestMethodSettingsText(t *testing.T) {
	meta, stage := ref.InstanceOf("aws_api_gateway_stage.prod", ref.ForEach)
	src := "resource \"aws_api_gateway_stage\" \"prod\" {\n  stage_name = each.key\n}\n"
	got := applyFix(t, src, func(f tflint.Fixer, src []byte, blk *hclsyntax.Block) error {
		return InsertAfterBlock(f, blk, MethodSettings{
			Name: "prod", Meta: meta, RestAPIID: stage + ".rest_api_id", StageName: stage + ".stage_name",
		}.Text())
	})
	want := src + `
resource "aws_api_gateway_method_settings" "prod" {
  for_each = aws_api_gateway_stage.prod

  rest_api_id = aws_api_gateway_stage.prod[each.key].rest_api_id
  stage_name  = aws_api_gateway_stage.prod[each.key].stage_name
  method_path = "*/*"

  settings {
    logging_level   = "INFO"
    metrics_enabled = true
  }
}
`
	if got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
}
