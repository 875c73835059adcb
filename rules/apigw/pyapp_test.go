package apigw

import "testing"

func TestReadPyModuleApps(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		apps      []pyApp
		aware     bool
	}{
		{"the seed's app", "from fastapi import FastAPI\nfrom mangum import Mangum\n\napp = FastAPI(title=\"x\")\nhandler = Mangum(app)\n",
			[]pyApp{{line: 4, docsURL: "/docs"}}, false},
		{"a module import and an alias", "import fastapi as fa\n\napp = fa.FastAPI(\n    docs_url='/swagger',\n)\n",
			[]pyApp{{line: 3, docsURL: "/swagger"}}, false},
		{"a parenthesised import list", "from fastapi import (\n    Depends,\n    FastAPI as App,\n)\napi = App()\n",
			[]pyApp{{line: 5, docsURL: "/docs"}}, false},
		{"docs turned off", "from fastapi import FastAPI\napp = FastAPI(docs_url=None)\nother = FastAPI(openapi_url=None, title='t')\n",
			[]pyApp{{line: 2, docsURL: "/docs", docsOff: true}, {line: 3, docsURL: "/docs", docsOff: true}}, false},
		{"root_path set", "import os\nfrom fastapi import FastAPI\nSTAGE = os.getenv('API_STAGE', '')\napp = FastAPI(root_path=f'/{STAGE}' if STAGE else '')\n",
			[]pyApp{{line: 4, docsURL: "/docs"}}, true},
		{"root_path set later, Mangum's base path, a docs page of its own",
			"from fastapi import FastAPI\nfrom fastapi.openapi.docs import get_swagger_ui_html\napp = FastAPI()\n", []pyApp{{line: 3, docsURL: "/docs"}}, true},
		{"kwargs cannot be read", "from fastapi import FastAPI\napp = FastAPI(**settings)\n",
			[]pyApp{{line: 2, docsURL: "/docs", opaque: true}}, false},
		{"FastAPI in comments, strings and docstrings", "# app = FastAPI()\n\"\"\"\napp = FastAPI()\n\"\"\"\nx = 'FastAPI()'\n",
			nil, false},
		{"FastAPI not imported from fastapi", "from myweb import FastAPI\napp = FastAPI()\n", nil, false},
		{"a plain handler", "import json\n\ndef handler(event, context):\n    return {'statusCode': 200, 'body': json.dumps({'ok': True})}\n", nil, false},
		{"a subclass definition is not an app", "from fastapi import FastAPI\nclass FastAPI(FastAPI):\n    pass\ndef FastAPI(x): pass\n", nil, false},
		{"mentions in strings count as aware", "from fastapi import FastAPI\napp = FastAPI()\nscope['root_path'] = '/prod'\n", []pyApp{{line: 2, docsURL: "/docs"}}, true},
		{"an unclosed call", "from fastapi import FastAPI\napp = FastAPI(title='x'", []pyApp{{line: 2, docsURL: "/docs", opaque: true}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := readPyModule(tc.src)
			if len(m.apps) != len(tc.apps) {
				t.Fatalf("apps = %+v, want %+v", m.apps, tc.apps)
			}
			for i := range tc.apps {
				if m.apps[i] != tc.apps[i] {
					t.Errorf("app %d = %+v, want %+v", i, m.apps[i], tc.apps[i])
				}
			}
			if m.mountAware != tc.aware {
				t.Errorf("mountAware = %v, want %v", m.mountAware, tc.aware)
			}
		})
	}
}

func TestReadPyModuleImports(t *testing.T) {
	m := readPyModule("import os, app.config as cfg\nfrom .routes import items, users\nfrom .. import shared\nfrom app.main import app\nif True:\n    import lazy\n")
	want := []pyImport{
		{name: "os"}, {name: "app.config"},
		{level: 1, name: "routes"}, {level: 1, name: "routes.items"}, {level: 1, name: "routes.users"},
		{level: 2, name: "shared"},
		{name: "app.main"}, {name: "app.main.app"},
		{name: "lazy"},
	}
	if len(m.imports) != len(want) {
		t.Fatalf("imports = %+v, want %+v", m.imports, want)
	}
	for i := range want {
		if m.imports[i] != want[i] {
			t.Errorf("import %d = %+v, want %+v", i, m.imports[i], want[i])
		}
	}
}

func FuzzReadPyModule(f *testing.F) {
	f.Add("from fastapi import FastAPI\napp = FastAPI(docs_url=None,")
	f.Add("'''\n\\")
	f.Add("FastAPI(**")
	f.Fuzz(func(t *testing.T, src string) {
		readPyModule(src)
	})
}
