//go:build unix

package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// memFile is a file in memory on a disk with room for limit bytes of it
// (none when limit is negative): a write past that writes what fits and
// fails as a full disk does. Each call of an operation ("write",
// "truncate", "sync") takes the next error of errs[op], if any.
type memFile struct {
	data  []byte
	limit int
	errs  map[string][]error
}

func (m *memFile) next(op string) error {
	if len(m.errs[op]) == 0 {
		return nil
	}
	err := m.errs[op][0]
	m.errs[op] = m.errs[op][1:]
	if err == nil {
		return nil
	}
	return &os.PathError{Op: op, Path: "note.md", Err: err}
}

func (m *memFile) WriteAt(p []byte, off int64) (int, error) {
	if err := m.next("write"); err != nil {
		return 0, err
	}
	n, err := len(p), error(nil)
	if m.limit >= 0 && int(off)+n > m.limit {
		n, err = max(0, m.limit-int(off)), &os.PathError{Op: "write", Path: "note.md", Err: syscall.ENOSPC}
	}
	if end := int(off) + n; end > len(m.data) {
		m.data = append(m.data, make([]byte, end-len(m.data))...)
	}
	copy(m.data[off:], p[:n])
	return n, err
}

func (m *memFile) Truncate(size int64) error {
	if err := m.next("truncate"); err != nil {
		return err
	}
	if int(size) <= len(m.data) {
		m.data = m.data[:size]
	} else {
		m.data = append(m.data, make([]byte, int(size)-len(m.data))...)
	}
	return nil
}

func (m *memFile) Sync() error  { return m.next("sync") }
func (m *memFile) Close() error { return nil }

// TestOverwriteNeverLeavesHalfANote: whatever fails, and wherever the disk
// fills, the file ends up holding either the new contents (no error) or
// exactly the old ones (restored), or the error says it could not be put
// back.
func TestOverwriteNeverLeavesHalfANote(t *testing.T) {
	const old, longer, shorter = "x = 1 # =>\n", "x = 1 # => 1\ny = 2 # => 2\n", "x # =>\n"
	eio := syscall.EIO
	for _, c := range []struct {
		name     string
		new      string
		limit    int
		errs     map[string][]error
		wantErr  error // nil: written
		restored bool
	}{
		{"longer, with room", longer, -1, nil, nil, false},
		{"shorter", shorter, -1, nil, nil, false},
		{"the same size", strings.ToUpper(old), len(old), nil, nil, false},
		{"disk full at the first new byte", longer, len(old), nil, syscall.ENOSPC, true},
		{"disk full within the new part", longer, len(old) + 5, nil, syscall.ENOSPC, true},
		{"the old part fails", longer, -1, map[string][]error{"write": {nil, eio}}, eio, true},
		{"the old part fails, shorter", shorter, -1, map[string][]error{"write": {eio}}, eio, true},
		{"cutting it shorter fails", shorter, -1, map[string][]error{"truncate": {eio}}, eio, true},
		{"sync fails", longer, -1, map[string][]error{"sync": {eio}}, eio, true},
		{"disk full, then cutting back fails", longer, len(old) + 5, map[string][]error{"truncate": {eio}}, syscall.ENOSPC, false},
		{"the old part fails, then putting it back fails", longer, -1, map[string][]error{"write": {nil, eio, eio}}, eio, false},
		{"sync fails twice", longer, -1, map[string][]error{"sync": {eio, eio}}, eio, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			f := &memFile{data: []byte(old), limit: c.limit, errs: c.errs}
			err := overwrite(f, []byte(old), []byte(c.new))
			if c.wantErr == nil {
				if err != nil || string(f.data) != c.new {
					t.Fatalf("%v, %q", err, f.data)
				}
				return
			}
			var e *inPlaceError
			if !errors.As(err, &e) || !errors.Is(err, c.wantErr) {
				t.Fatalf("error %#v, want %v", err, c.wantErr)
			}
			if e.Error() != c.wantErr.Error() {
				t.Errorf("message %q: Go's operation and file name are not napkin's", e.Error())
			}
			if e.restored != c.restored || (e.restoreErr == nil) != c.restored {
				t.Errorf("restored %v (%v), want %v", e.restored, e.restoreErr, c.restored)
			}
			if c.restored && string(f.data) != old {
				t.Errorf("said restored, holds %q", f.data)
			}
		})
	}
}

// quotaFile is a real file on a disk with room for limit bytes of it;
// failAtZero makes a write at offset 0 fail halfway through.
type quotaFile struct {
	*os.File
	limit      int64
	failAtZero bool
}

func (q quotaFile) WriteAt(p []byte, off int64) (int, error) {
	if q.failAtZero && off == 0 {
		n, _ := q.File.WriteAt(p[:len(p)/2], 0)
		return n, &os.PathError{Op: "write", Path: q.Name(), Err: syscall.EIO}
	}
	if off+int64(len(p)) > q.limit {
		n, _ := q.File.WriteAt(p[:max(0, q.limit-off)], off)
		return n, &os.PathError{Op: "write", Path: q.Name(), Err: syscall.ENOSPC}
	}
	return q.File.WriteAt(p, off)
}

// linkedNote is a stale note with a second name, so that it is written in
// place; openInPlace opens it as q describes for the rest of the test.
func linkedNote(t *testing.T, q quotaFile) (note, other string) {
	t.Helper()
	note = writeNote(t, 0o644)
	other = filepath.Join(filepath.Dir(note), "other.md")
	if err := os.Link(note, other); err != nil {
		t.Fatal(err)
	}
	saved := openInPlace
	openInPlace = func(path string) (inPlaceFile, error) {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, err
		}
		q.File = f
		return q, nil
	}
	t.Cleanup(func() { openInPlace = saved })
	return note, other
}

// TestNotesInPlaceOnAFullDisk: a hard-linked note on a full disk keeps
// every byte, under both names, and the error says so truthfully.
func TestNotesInPlaceOnAFullDisk(t *testing.T) {
	note, other := linkedNote(t, quotaFile{limit: int64(len(staleNote)) + 1})
	_, errOut, code := runCLI(t, "", "notes", note)
	want := "napkin: error: cannot write " + note + ": no space left on device\n" +
		"napkin: hint: the file was left as it was; free some space and run napkin notes again\n"
	if code != exitUsage || errOut != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, errOut, want)
	}
	a, _ := os.Stat(note)
	b, _ := os.Stat(other)
	if readString(t, note) != staleNote || !os.SameFile(a, b) {
		t.Errorf("same file %v, now %q", os.SameFile(a, b), readString(t, note))
	}
}

// TestNotesInPlaceCannotRestore: when even the old contents cannot be
// written back, napkin says the note may be incomplete and where a copy of
// its old contents is.
func TestNotesInPlaceCannotRestore(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	note, _ := linkedNote(t, quotaFile{limit: 1 << 20, failAtZero: true})
	_, errOut, code := runCLI(t, "", "notes", note)
	copies, _ := filepath.Glob(filepath.Join(tmp, "napkin-note.md-*.old"))
	if len(copies) != 1 {
		t.Fatalf("copies %v; stderr %s", copies, errOut)
	}
	want := "napkin: error: cannot write " + note + ": input/output error; putting back what it held failed too (input/output error), so it may now be incomplete\n" +
		"napkin: hint: its old contents are saved in " + copies[0] + "; once the problem is fixed, put them back with cp " + copies[0] + " " + note + "\n"
	if code != exitUsage || errOut != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, errOut, want)
	}
	if got := readString(t, copies[0]); got != staleNote {
		t.Errorf("the copy holds %q", got)
	}
	if info, _ := os.Stat(copies[0]); info.Mode().Perm() != 0o600 {
		t.Errorf("the copy's mode is %v: a note may be private", info.Mode())
	}
}

// TestReplaceErrorInPlace: what napkin says for each state a failed
// rewrite in place leaves the note in.
func TestReplaceErrorInPlace(t *testing.T) {
	full, eio := syscall.ENOSPC, syscall.EIO
	for _, c := range []struct {
		err       *inPlaceError
		msg, hint string
		notSaid   string
	}{
		{&inPlaceError{err: full, restored: true},
			"cannot write n.md: no space left on device",
			"the file was left as it was; free some space and run napkin notes again", "incomplete"},
		{&inPlaceError{err: eio, restored: true},
			"cannot write n.md: input/output error", "the file was left as it was", "incomplete"},
		{&inPlaceError{err: full, restoreErr: eio, saved: "/tmp/napkin-n.md-1.old"},
			"cannot write n.md: no space left on device; putting back what it held failed too (input/output error), so it may now be incomplete",
			"its old contents are saved in /tmp/napkin-n.md-1.old; once the problem is fixed, put them back with cp /tmp/napkin-n.md-1.old n.md", "left as it was"},
		{&inPlaceError{err: full, restoreErr: full, saveErr: full},
			"cannot write n.md: no space left on device; putting back what it held failed too (no space left on device), so it may now be incomplete",
			"restore it from version control or a backup: napkin could not save a copy of it either (no space left on device)", "left as it was"},
	} {
		var u *usageError
		if !errors.As(replaceError("n.md", c.err), &u) {
			t.Fatalf("%v: not a usage error", c.err)
		}
		if u.msg != c.msg || u.hint != c.hint {
			t.Errorf("got\n%s\n%s\nwant\n%s\n%s", u.msg, u.hint, c.msg, c.hint)
		}
		if strings.Contains(u.msg+u.hint, c.notSaid) {
			t.Errorf("%q / %q says %q", u.msg, u.hint, c.notSaid)
		}
	}
}
