package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
)

// maxInputSize bounds a note or script napkin reads from a named file: a
// runaway file ends in an error, not in all the memory there is.
const maxInputSize = 64 << 20

// noteFile is a note as it was read, so that napkin can tell, before it
// replaces the file, whether someone saved it in the meantime.
type noteFile struct {
	name   string // as the user gave it
	target string // the file itself, symlinks resolved
	info   os.FileInfo
	src    []byte
}

func readNoteFile(name string) (*noteFile, error) {
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return nil, err
	}
	data, info, err := readRegularFile(target, maxInputSize)
	if err != nil {
		return nil, err
	}
	return &noteFile{name: name, target: target, info: info, src: data}, nil
}

// readRegularFile reads a regular file of at most limit bytes. A FIFO, a
// device or a directory is refused before it is opened (opening a FIFO
// waits for a writer; /dev/zero never ends).
func readRegularFile(path string, limit int64) ([]byte, os.FileInfo, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, unwrapPathError(err)
	}
	if !info.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("not a regular file (%s)", fileKind(info.Mode()))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, unwrapPathError(err)
	}
	defer f.Close()
	if info, err = f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, nil, errors.New("not a regular file")
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, nil, unwrapPathError(err)
	}
	if int64(len(data)) > limit {
		return nil, nil, fmt.Errorf("larger than %d MB, napkin's limit", limit>>20)
	}
	return data, info, nil
}

// regularOrNew refuses to write to path when it exists and is not a
// regular file: opening a FIFO for writing waits for a reader.
func regularOrNew(path string) error {
	if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
		return fmt.Errorf("not a regular file (%s)", fileKind(info.Mode()))
	}
	return nil
}

func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// errChangedMeanwhile is a note saved by someone else while napkin ran.
const errChangedMeanwhile = constError("it changed on disk while napkin was running")

// errReadOnly is a note its user could not write to.
const errReadOnly = constError("it is read-only")

// constError is an error that is a constant: nothing to build at init.
type constError string

func (e constError) Error() string { return string(e) }

// replace writes data as the note's new contents, keeping its mode
// (setuid, setgid and sticky bits too), owner and group where the process
// may. It refuses a note that changed since it was read, or that the user
// could not write. Normally the new contents go into a temporary file
// that is renamed over the note, so that an interrupted run never leaves
// half a note; a note with several hard links is written in place instead
// (as editors do), since a rename would split it from its other names, in
// an order that never leaves half a note on a full disk (writeInPlace).
func (n *noteFile) replace(data []byte) error {
	if !writable(n.info) {
		return errReadOnly
	}
	if err := n.unchanged(); err != nil {
		return err
	}
	if links(n.info) > 1 {
		return n.writeInPlace(data)
	}
	return n.writeAndRename(data)
}

// unchanged checks that the note on disk is still the one read: the same
// size, modification time and contents.
func (n *noteFile) unchanged() error {
	if beforeReplace != nil {
		beforeReplace(n.target)
	}
	now, err := os.Stat(n.target)
	if err != nil {
		return unwrapPathError(err)
	}
	if now.Size() != n.info.Size() || !now.ModTime().Equal(n.info.ModTime()) || !os.SameFile(now, n.info) {
		return errChangedMeanwhile
	}
	data, _, err := readRegularFile(n.target, maxInputSize)
	if err != nil {
		return err
	}
	if !bytes.Equal(data, n.src) {
		return errChangedMeanwhile
	}
	return nil
}

// beforeReplace lets a test change a note at the last moment.
var beforeReplace func(path string)

func (n *noteFile) writeAndRename(data []byte) (err error) {
	dir, base := filepath.Dir(n.target), filepath.Base(n.target)
	tidyStaleTemps(dir, base)
	tmp, err := os.CreateTemp(dir, tempPrefix(base)+strconv.Itoa(os.Getpid())+"-*"+tempSuffix)
	if err != nil {
		return unwrapPathError(err)
	}
	temps.add(tmp.Name())
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
		temps.remove(tmp.Name())
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	// The owner first: changing it clears the setuid and setgid bits.
	keepOwner(tmp, n.info)
	if err = tmp.Chmod(n.info.Mode() & (os.ModePerm | os.ModeSetuid | os.ModeSetgid | os.ModeSticky)); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	// Last look, just before the rename: the window for a lost edit is
	// as small as it can be.
	if err = n.unchanged(); err != nil {
		return err
	}
	// On any failure, including this rename, the deferred cleanup removes
	// the temporary file.
	return os.Rename(tmp.Name(), n.target)
}

// Temporary files are named .NOTE.napkin-PID-RANDOM.tmp: hidden, next to
// the note, and with the process that wrote them, so that a later run can
// remove one that a killed run left behind.
func tempPrefix(base string) string { return "." + base + ".napkin-" }

const tempSuffix = ".tmp"

// tidyStaleTemps removes the temporary files of base left by runs that no
// longer exist.
func tidyStaleTemps(dir, base string) {
	prefix := tempPrefix(base)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, tempSuffix) {
			continue
		}
		pidText, _, ok := strings.Cut(strings.TrimPrefix(name, prefix), "-")
		pid, err := strconv.Atoi(pidText)
		if !ok || err != nil || pid <= 0 || processAlive(pid) {
			continue
		}
		os.Remove(filepath.Join(dir, name))
	}
}

// temps are the temporary files being written now, removed if napkin is
// interrupted or terminated. Its map is made on first use, so that start-up
// does no work for it.
var temps tempFiles

type tempFiles struct {
	mu    sync.Mutex
	names map[string]bool
}

func (t *tempFiles) add(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.names == nil {
		t.names = map[string]bool{}
	}
	t.names[name] = true
}

func (t *tempFiles) remove(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.names, name)
}

// removeAll removes every temporary file; it is called on a signal.
func (t *tempFiles) removeAll() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for name := range t.names {
		os.Remove(name)
	}
	clear(t.names)
}
