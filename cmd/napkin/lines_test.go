package main

import (
	"strings"
	"testing"
)

// TestLoneCREndsALine: a script saved with lone CR line endings is lines,
// from a file, standard input or an argument; so are CRLF and BOM-first
// scripts.
func TestLoneCREndsALine(t *testing.T) {
	for _, c := range []struct{ name, src string }{
		{"CR", "x = 5 GB\rx * 2\r"},
		{"CRLF", "x = 5 GB\r\nx * 2\r\n"},
		{"BOM", "\ufeffx = 5 GB\nx * 2\n"},
		{"BOM and CR", "\ufeffx = 5 GB\rx * 2"},
	} {
		out, errOut, code := runCLI(t, c.src, "-q")
		if code != 0 || out != "x = 5 GB\n10 GB\n" {
			t.Errorf("%s on stdin: exit %d, stdout %q, stderr %q", c.name, code, out, errOut)
		}
		out, errOut, code = runCLI(t, "", "-q", c.src)
		if code != 0 || out != "x = 5 GB\n10 GB\n" {
			t.Errorf("%s as an argument: exit %d, stdout %q, stderr %q", c.name, code, out, errOut)
		}
	}
	// Line numbers count a lone CR as a line end.
	_, errOut, code := runCLI(t, "x = 5 GB\rx * 2\rx + 1 s\r", "run", "-")
	if code != exitEval || !strings.HasPrefix(errOut, "napkin: error: <stdin>:3:") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// TestNoteWithLoneCR: a CR-only note is processed, and its line endings
// are kept.
func TestNoteWithLoneCR(t *testing.T) {
	note := "# Note\r\r```napkin\rx = 5 GB  # =>\rx * 2  # =>\r```\r"
	out, errOut, code := runCLI(t, note, "notes", "-")
	want := "# Note\r\r```napkin\rx = 5 GB  # => 5 GB\rx * 2  # => 10 GB\r```\r"
	if code != 0 || out != want {
		t.Errorf("exit %d, stderr %q\n got %q\nwant %q", code, errOut, out, want)
	}
	_, _, code = runCLI(t, note, "notes", "--check", "-")
	if code != exitEval {
		t.Errorf("--check on a stale CR-only note: exit %d, want 1", code)
	}
}

// TestEndlessScriptIsAnError: napkin run /dev/zero ends with an error
// instead of reading for ever.
func TestEndlessScriptIsAnError(t *testing.T) {
	_, errOut, code := runCLI(t, "", "run", "/dev/zero")
	if code != exitUsage || !strings.Contains(errOut, "cannot read /dev/zero: larger than 64 MB, napkin's limit for a script") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
