package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTrimHistory(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "history")
	var b strings.Builder
	for i := range historyLimit + 500 {
		fmt.Fprintf(&b, "line %d\n", i)
		if i%100 == 0 {
			b.WriteString("\n   \n") // blank lines are dropped, as the line editor drops them
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o640); err != nil {
		t.Fatal(err)
	}
	trimHistory(path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != historyLimit || lines[0] != "line 500" || lines[len(lines)-1] != fmt.Sprintf("line %d", historyLimit+499) {
		t.Errorf("trimmed to %d lines, %q … %q", len(lines), lines[0], lines[len(lines)-1])
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o640 {
		t.Errorf("mode after trimming: %v, %v", info.Mode(), err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}

	// A file within the limit is not rewritten.
	short := []byte("a\n\nb\n")
	os.WriteFile(path, short, 0o600)
	before, _ := os.Stat(path)
	trimHistory(path)
	after, _ := os.Stat(path)
	if data, _ := os.ReadFile(path); string(data) != string(short) || !os.SameFile(before, after) {
		t.Errorf("a short history was rewritten: %q", data)
	}
	trimHistory(filepath.Join(dir, "missing")) // no file: nothing to do
	trimHistory("")
}
