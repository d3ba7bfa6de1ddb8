package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const staleNote = "```napkin\nx = 2 * 3  # =>\n```\n"

// TestNotesKeepsModeAndWritesThroughSymlinks: the rewrite replaces the
// contents atomically but keeps the file's mode, and a symlinked note is
// updated where it lives (the link stays a link).
func TestNotesKeepsModeAndWritesThroughSymlinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.md")
	if err := os.WriteFile(real, []byte(staleNote), 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.md")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runCLI(t, "", "notes", link); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, _ := os.ReadFile(real)
	if want := "```napkin\nx = 2 * 3  # => 6\n```\n"; string(data) != want {
		t.Errorf("got %q", data)
	}
	info, _ := os.Stat(real)
	if info.Mode().Perm() != 0o640 {
		t.Errorf("mode %v, want 0640", info.Mode().Perm())
	}
	if fi, _ := os.Lstat(link); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the symlink was replaced by a file")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

// TestNotesLeavesFileAloneWhenWriteFails: a note in a folder napkin cannot
// write to is reported and left as it was.
func TestNotesLeavesFileAloneWhenWriteFails(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write to read-only folders")
	}
	dir := t.TempDir()
	note := filepath.Join(dir, "note.md")
	os.WriteFile(note, []byte(staleNote), 0o644)
	os.Chmod(dir, 0o555)
	defer os.Chmod(dir, 0o755)
	_, errOut, code := runCLI(t, "", "notes", note)
	if code != exitUsage {
		t.Errorf("exit %d, stderr %s", code, errOut)
	}
	if data, _ := os.ReadFile(note); string(data) != staleNote {
		t.Errorf("the note changed: %q", data)
	}
}

// TestReplaceRemovesTempOnFailure: when the rename fails, no temporary
// file is left behind.
func TestReplaceRemovesTempOnFailure(t *testing.T) {
	dir := t.TempDir()
	// A directory where the note should be: the temporary file is
	// written, then the last check (or the rename) fails.
	target := filepath.Join(dir, "note.md")
	if err := os.MkdirAll(filepath.Join(target, "inside"), 0o755); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(target)
	n := &noteFile{name: target, target: target, info: info}
	if err := n.writeAndRename([]byte("new")); err == nil {
		t.Error("replacing a directory succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestNotesExitCodes: a failing line is exit 1 with and without --check,
// even when its slot already holds the error (the note is current, but it
// shows an error); 2 is only for a bad command line or an unreadable file.
func TestNotesExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	failing := write("failing.md", "```napkin\nx = 1 GB + 1 s # =>\n```\n")
	current := write("current.md", "```napkin\nx = 2 GB # => 2 GB\n```\n")
	stale := write("stale.md", "```napkin\nx = 2 GB # => 3 GB\n```\n")
	for _, c := range []struct {
		args []string
		want int
	}{
		{[]string{"notes", failing}, exitEval}, // fills the slot with the error
		{[]string{"notes", failing}, exitEval}, // now current, still an error
		{[]string{"notes", "--check", failing}, exitEval},
		{[]string{"--json", "notes", "--check", failing}, exitEval},
		{[]string{"notes", "--check", stale}, exitEval},
		{[]string{"notes", "--check", current}, 0},
		{[]string{"notes", current}, 0},
		{[]string{"notes", "--check", filepath.Join(dir, "missing.md")}, exitUsage},
	} {
		if _, errOut, code := runCLI(t, "", c.args...); code != c.want {
			t.Errorf("%v: exit %d, want %d; stderr %s", c.args, code, c.want, errOut)
		}
	}
	if data, _ := os.ReadFile(failing); !strings.Contains(string(data), "# => error: cannot add data and time") {
		t.Errorf("the error is not in the slot: %q", data)
	}
}

// TestUnwrapPathError: Go's operation and file names ("write NOTE: ",
// "rename TEMP NOTE: ") are dropped; the reason is kept.
func TestUnwrapPathError(t *testing.T) {
	reason := os.ErrPermission
	for _, err := range []error{
		reason,
		&os.PathError{Op: "write", Path: "n.md", Err: reason},
		&os.LinkError{Op: "rename", Old: ".n.md.napkin-1-2.tmp", New: "n.md", Err: reason},
	} {
		if got := unwrapPathError(err); got != reason {
			t.Errorf("%v: got %v", err, got)
		}
	}
}
