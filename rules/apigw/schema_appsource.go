package apigw

import "github.com/terraform-linters/tflint-plugin-sdk/hclext"

// ArchiveFile is the archive provider's zip of local sources, as a data
// source (data.archive_file) or the older managed resource.
const ArchiveFile = "archive_file"

// appSourceSchemas are what the model reads to find a function's packed
// sources: the function's package and handler, and the archives it names.
var appSourceSchemas = map[string]*hclext.BodySchema{
	LambdaFunction:        schema([]string{"filename", "source_code_hash", "handler", "runtime", "package_type"}),
	"data." + ArchiveFile: archiveSchema(),
	ArchiveFile:           archiveSchema(),
}

func archiveSchema() *hclext.BodySchema {
	return schema([]string{"type", "source_dir", "source_file", "output_path", "excludes"},
		hclext.BlockSchema{Type: "source", Body: &hclext.BodySchema{}})
}
