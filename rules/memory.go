package rules

import (
	"os"
	"runtime/debug"
)

// The plugin's memory peak comes at the end of a Check, when the module's
// parsed files, the model and the rules' indexes are all alive: with Go's
// default collector target the heap may then grow to twice that. Once the
// model is built, little is left to allocate, so a tighter target costs a
// few more collections and keeps the peak near what is alive. Fetching and
// parsing the files, which makes most of the garbage, keeps the default.
const (
	parsingGCPercent = 100
	rulesGCPercent   = 50
)

// userSetGC is true when the user chose the collector's target with GOGC:
// the plugin then leaves it alone.
var userSetGC = os.Getenv("GOGC") != ""

// collectForParsing restores the default target at the start of a Check (a
// language server's plugin process serves many).
func collectForParsing() {
	if !userSetGC {
		debug.SetGCPercent(parsingGCPercent)
	}
}

// collectForRules tightens the target once the model holds the files.
func collectForRules() {
	if !userSetGC {
		debug.SetGCPercent(rulesGCPercent)
	}
}
