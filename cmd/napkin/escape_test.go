package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const evil = "\x1b]0;pwned\x07\x1b[2J\u009b\x7f"

func noRawControls(t *testing.T, what, s string) {
	t.Helper()
	for _, r := range s {
		if isControl(r) {
			t.Errorf("%s: raw control character %q in:\n%q", what, r, s)
			return
		}
	}
}

// TestControlCharactersAreEscaped: a label, a source line in an error,
// a slot's old text, a preset's title and an echoed answer never reach
// the terminal with their escape sequences live.
func TestControlCharactersAreEscaped(t *testing.T) {
	out, errOut, _ := runCLI(t, "", `5 "a`+evil+`" * 2`)
	noRawControls(t, "a label", out+errOut)
	if !strings.Contains(out, `\x1b]0;pwned\x07\x1b[2J\u009b\x7f`) {
		t.Errorf("the label is not shown escaped:\n%s", out)
	}

	out, errOut, _ = runCLI(t, "", "x = 5 "+evil)
	noRawControls(t, "an error", out+errOut)
	if !strings.Contains(errOut, "\n          ^^^^\n") {
		t.Errorf("the caret is not under the escaped character:\n%s", errOut)
	}

	note := "```napkin\nx = 5 # => old" + evil + "\n```\n"
	out, errOut, code := runCLI(t, note, "notes", "--check", "-")
	noRawControls(t, "notes --check", out+errOut)
	if code != exitEval {
		t.Errorf("notes --check: exit %d", code)
	}

	dir := t.TempDir()
	t.Setenv("NAPKIN_PRESETS", dir)
	preset := "#@ title: Evil" + evil + "\n#@ summary: s" + evil + "\n#@ section: Assumptions\nx = 5 users # why" + evil + "\n#@ section: Estimates\n#? How many?\ny = x * 2\n"
	if err := os.WriteFile(filepath.Join(dir, "evil.napkin"), []byte(preset), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"preset", "list"}, {"preset", "show", "evil"}, {"practice", "evil"}} {
		out, errOut, _ = runCLI(t, "3 users"+evil+"\n", args...)
		noRawControls(t, strings.Join(args, " "), out+errOut)
		if !strings.Contains(out+errOut, `Evil\x1b]0;pwned`) {
			t.Errorf("%s: no escaped title:\n%s%s", args, out, errOut)
		}
	}
}

// TestNoteBytesAreNotEscaped: napkin notes - prints the note itself, byte
// for byte, control characters and CRLF included.
func TestNoteBytesAreNotEscaped(t *testing.T) {
	note := "prose " + evil + "\r\n```napkin\r\nx = 5 # =>\r\n```\r\n"
	out, _, code := runCLI(t, note, "notes", "-")
	want := strings.Replace(note, "# =>", "# => 5", 1)
	if code != 0 || out != want {
		t.Errorf("exit %d\n got %q\nwant %q", code, out, want)
	}
}

// TestColourSurvivesEscaping: napkin's own colours still reach a colour
// terminal.
func TestColourSurvivesEscaping(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"-q", "2 * 3"}, &ioStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut, Color: true})
	if code != 0 || out.String() != styleBold+"6"+styleReset+"\n" {
		t.Errorf("exit %d, %q", code, out.String())
	}
}

// TestJSONEscapesC1: JSON output escapes DEL and C1 characters too (the
// encoder leaves them raw), and stays valid JSON.
func TestJSONEscapesC1(t *testing.T) {
	out, _, _ := runCLI(t, "", "--json", "5 \"a\u009b\x7fb\"")
	noRawControls(t, "JSON", strings.TrimSuffix(out, "\n"))
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("invalid JSON %q: %v", out, err)
	}
	if v["input"] != "5 \"a\u009b\x7fb\"" {
		t.Errorf("input %q", v["input"])
	}
}
