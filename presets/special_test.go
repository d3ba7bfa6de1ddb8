//go:build unix

package presets

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestUserPresetsSpecialFiles: a FIFO or a link to /dev/zero among the
// user's presets is reported, not read (it would block, or never end).
func TestUserPresetsSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.napkin"), 0o644); err != nil {
		t.Skip(err)
	}
	os.Symlink("/dev/zero", filepath.Join(dir, "zero.napkin"))
	os.WriteFile(filepath.Join(dir, "big.napkin"), make([]byte, maxUserPresetSize+1), 0o644)
	all, errs := All(dir)
	if len(all) != len(Builtin()) {
		t.Errorf("%d presets, want the %d built-in ones", len(all), len(Builtin()))
	}
	var msgs []string
	for _, err := range errs {
		msgs = append(msgs, err.Error())
	}
	got := strings.Join(msgs, "\n")
	for _, want := range []string{"fifo.napkin: not a regular file", "zero.napkin: not a regular file", "big.napkin: larger than 1 MB"} {
		if !strings.Contains(got, want) {
			t.Errorf("no error %q in:\n%s", want, got)
		}
	}
}

// TestUserPresetLineEndings: a user's preset saved with CR line endings
// and a BOM is lines, as a script is.
func TestUserPresetLineEndings(t *testing.T) {
	dir := t.TempDir()
	src := "\ufeff#@ title: Mine\r#@ summary: s\r#@ section: Assumptions\rx = 5 users # why\r#@ section: Estimates\ry = x * 2\r"
	os.WriteFile(filepath.Join(dir, "mine.napkin"), []byte(src), 0o644)
	all, errs := All(dir)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	p, ok := Find(all, "mine")
	if !ok || p.Title != "Mine" || len(p.Assumptions()) != 1 {
		t.Fatalf("found %v, %+v", ok, p)
	}
}
