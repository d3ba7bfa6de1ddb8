//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

const updatedNote = "```napkin\nx = 2 * 3  # => 6\n```\n"

func writeNote(t *testing.T, mode os.FileMode) string {
	t.Helper()
	note := filepath.Join(t.TempDir(), "note.md")
	if err := os.WriteFile(note, []byte(staleNote), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(note, mode); err != nil {
		t.Fatal(err)
	}
	return note
}

func readString(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestNotesRefusesALostUpdate: a note saved by someone else while napkin
// runs is kept as they saved it, even when the size and time match.
func TestNotesRefusesALostUpdate(t *testing.T) {
	for _, c := range []struct{ name, edit string }{
		{"longer", staleNote + "more prose\n"},
		{"same size and time", strings.Replace(staleNote, "2 * 3", "3 * 2", 1)},
	} {
		t.Run(c.name, func(t *testing.T) {
			note := writeNote(t, 0o644)
			info, _ := os.Stat(note)
			beforeReplace = func(string) {
				os.WriteFile(note, []byte(c.edit), 0o644)
				os.Chtimes(note, info.ModTime(), info.ModTime())
			}
			defer func() { beforeReplace = nil }()
			_, errOut, code := runCLI(t, "", "notes", note)
			if code != exitUsage || !strings.Contains(errOut, "it changed on disk while napkin was running; your version was kept") {
				t.Errorf("exit %d, stderr %q", code, errOut)
			}
			if got := readString(t, note); got != c.edit {
				t.Errorf("the user's edit was lost: %q", got)
			}
			if entries, _ := os.ReadDir(filepath.Dir(note)); len(entries) != 1 {
				t.Errorf("left behind: %v", entries)
			}
		})
	}
}

// TestNotesKeepsSpecialBitsAndOwner: setuid, setgid and sticky bits, the
// owner and the group survive the rewrite.
func TestNotesKeepsSpecialBitsAndOwner(t *testing.T) {
	for _, mode := range []os.FileMode{0o2754, 0o4700 | os.ModeSetuid, os.ModeSetgid | 0o754, os.ModeSticky | 0o644, os.ModeSetuid | os.ModeSetgid | 0o755} {
		mode &= os.ModePerm | os.ModeSetuid | os.ModeSetgid | os.ModeSticky
		note := writeNote(t, mode)
		chowned := os.Geteuid() == 0 && os.Chown(note, 1234, 5678) == nil
		if chowned {
			os.Chmod(note, mode) // chown cleared the setuid and setgid bits
		}
		before, _ := os.Stat(note)
		if _, errOut, code := runCLI(t, "", "notes", note); code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		after, _ := os.Stat(note)
		if readString(t, note) != updatedNote {
			t.Fatalf("not updated: %q", readString(t, note))
		}
		if after.Mode() != before.Mode() {
			t.Errorf("mode %v became %v", before.Mode(), after.Mode())
		}
		if chowned {
			st := after.Sys().(*syscall.Stat_t)
			if st.Uid != 1234 || st.Gid != 5678 {
				t.Errorf("owner %d:%d, want 1234:5678", st.Uid, st.Gid)
			}
		}
	}
}

// TestNotesRefusesAReadOnlyNote: a 0444 note is left alone with a clear
// error, even for root (who could write it).
func TestNotesRefusesAReadOnlyNote(t *testing.T) {
	note := writeNote(t, 0o444)
	_, errOut, code := runCLI(t, "", "notes", note)
	if code != exitUsage || !strings.Contains(errOut, "did not write "+note+": it is read-only") || !strings.Contains(errOut, "chmod u+w") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if readString(t, note) != staleNote {
		t.Error("the read-only note was rewritten")
	}
	// --check and -o - write nothing, so they work.
	if out, _, code := runCLI(t, "", "notes", "-o", "-", note); code != 0 || out != updatedNote {
		t.Errorf("-o -: exit %d, %q", code, out)
	}
}

func TestWritableByPermissionBits(t *testing.T) {
	note := writeNote(t, 0o644)
	for _, c := range []struct {
		mode os.FileMode
		uid  uint32 // 0: the test's own user
		want bool
	}{
		{0o644, 0, true},
		{0o444, 0, false},
		{0o464, 0, os.Geteuid() == 0}, // root: some write bit is enough
	} {
		os.Chmod(note, c.mode)
		info, _ := os.Stat(note)
		if got := writable(info); got != c.want {
			t.Errorf("mode %v: writable %v, want %v", c.mode, got, c.want)
		}
	}
}

// TestNotesWritesHardLinksInPlace: a note with another name stays one
// file with two names.
func TestNotesWritesHardLinksInPlace(t *testing.T) {
	note := writeNote(t, 0o640)
	other := filepath.Join(filepath.Dir(note), "other.md")
	if err := os.Link(note, other); err != nil {
		t.Fatal(err)
	}
	if _, errOut, code := runCLI(t, "", "notes", note); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	a, _ := os.Stat(note)
	b, _ := os.Stat(other)
	if !os.SameFile(a, b) || readString(t, other) != updatedNote || a.Mode().Perm() != 0o640 {
		t.Errorf("same file %v, other %q, mode %v", os.SameFile(a, b), readString(t, other), a.Mode())
	}
}

// TestNotesTidiesStaleTemps: a temporary file left by a killed run (its
// process is gone) is removed; one of a live run is not.
func TestNotesTidiesStaleTemps(t *testing.T) {
	note := writeNote(t, 0o644)
	dir := filepath.Dir(note)
	stale := filepath.Join(dir, ".note.md.napkin-999999999-123"+tempSuffix)
	live := filepath.Join(dir, ".note.md.napkin-"+strconv.Itoa(os.Getppid())+"-456"+tempSuffix)
	other := filepath.Join(dir, ".other.md.napkin-999999999-789"+tempSuffix)
	for _, f := range []string{stale, live, other} {
		os.WriteFile(f, []byte("partial"), 0o644)
	}
	if _, errOut, code := runCLI(t, "", "notes", note); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for f, want := range map[string]bool{stale: false, live: true, other: true} {
		if _, err := os.Stat(f); (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", filepath.Base(f), err == nil, want)
		}
	}
}

// TestSignalRemovesTemps: SIGTERM (or SIGINT) while a note is written
// removes the temporary file before napkin dies.
func TestSignalRemovesTemps(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		tmp := filepath.Join(t.TempDir(), ".note.md.napkin-1-2"+tempSuffix)
		os.WriteFile(tmp, []byte("partial"), 0o644)
		temps.add(tmp)
		died := make(chan os.Signal, 1)
		saved := die
		die = func(s os.Signal) { died <- s }
		stop := removeTempsOnSignal()
		syscall.Kill(os.Getpid(), sig)
		if got := <-died; got != sig {
			t.Errorf("died of %v, want %v", got, sig)
		}
		stop()
		die = saved
		if _, err := os.Stat(tmp); err == nil {
			t.Errorf("%v: the temporary file is still there", sig)
		}
	}
}

// TestNotesRefusesSpecialFiles: a FIFO or a link to /dev/zero is refused
// before it is opened.
func TestNotesRefusesSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	zero := filepath.Join(dir, "zero.md")
	os.Symlink("/dev/zero", zero)
	for file, kind := range map[string]string{fifo: "a named pipe", zero: "a device"} {
		_, errOut, code := runCLI(t, "", "notes", "--check", file)
		if code != exitUsage || !strings.Contains(errOut, "not a regular file ("+kind+")") {
			t.Errorf("%s: exit %d, stderr %q", file, code, errOut)
		}
	}
}

// TestInPlaceWriteHoldsTheSignalLock: the signal handler needs the
// temporary files' lock, which an in-place rewrite holds, so that a signal
// never cuts a hard-linked note's rewrite in half.
func TestInPlaceWriteHoldsTheSignalLock(t *testing.T) {
	note := writeNote(t, 0o644)
	info, _ := os.Stat(note)
	n := &noteFile{name: note, target: note, info: info, src: []byte(staleNote)}
	temps.mu.Lock() // as the signal handler would
	done := make(chan error, 1)
	go func() { done <- n.writeInPlace([]byte(updatedNote)) }()
	select {
	case err := <-done:
		temps.mu.Unlock()
		t.Fatalf("the rewrite did not wait for the lock: %v", err)
	case <-time.After(50 * time.Millisecond):
	}
	if readString(t, note) != staleNote {
		t.Error("the note changed while the lock was held")
	}
	temps.mu.Unlock()
	if err := <-done; err != nil || readString(t, note) != updatedNote {
		t.Errorf("%v, %q", err, readString(t, note))
	}
}
