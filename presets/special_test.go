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
