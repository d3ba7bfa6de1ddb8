package main

import (
	"strings"
	"testing"
)

// TestUnknownNamesAndFilesAreUsageErrors: a name or a file on the command
// line that does not exist is exit 2 (as preset show and latency compare
// have it), with an error and a hint; never help text and exit 0.
func TestUnknownNamesAndFilesAreUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"ref", "nosuch"}, `no reference constant or formula is called "nosuch"`},
		{[]string{"--json", "ref", "nosuch"}, `no reference constant or formula is called "nosuch"`},
		{[]string{"help", "nosuch"}, `no help topic "nosuch"`},
		{[]string{"run", dir}, "is a directory"},
	} {
		_, errOut, code := runCLI(t, "", c.args...)
		if code != exitUsage || !strings.Contains(errOut, "napkin: error: ") || !strings.Contains(errOut, c.msg) || !strings.Contains(errOut, "napkin: hint: ") {
			t.Errorf("%v: exit %d, stderr %q; want exit %d, %q and a hint", c.args, code, errOut, exitUsage, c.msg)
		}
	}
	if out, _, code := runCLI(t, "", "help", "language"); code != 0 || !strings.Contains(out, "The napkin language") {
		t.Errorf("help language: exit %d, %q", code, out)
	}
}
