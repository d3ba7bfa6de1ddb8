package main

import (
	"os"
	"path/filepath"
)

// inPlaceFile is what rewriting a note in place needs of its open file. A
// test gives one that runs out of space at a chosen byte.
type inPlaceFile interface {
	WriteAt(p []byte, off int64) (int, error)
	Truncate(size int64) error
	Sync() error
	Close() error
}

// openInPlace opens a note for writing through its own inode.
var openInPlace = func(path string) (inPlaceFile, error) {
	return os.OpenFile(path, os.O_WRONLY, 0)
}

// inPlaceError is a rewrite in place that failed, with what became of the
// note: whether it holds its old contents, and if not, why they could not
// be put back and where a copy of them was saved.
type inPlaceError struct {
	err        error  // why the new contents could not be written
	restored   bool   // the note holds exactly its old contents
	restoreErr error  // why they could not be put back, when not restored
	saved      string // a file holding the old contents, when not restored; "" if none
	saveErr    error  // why no copy could be saved, when saved is ""
}

func (e *inPlaceError) Error() string { return e.err.Error() }
func (e *inPlaceError) Unwrap() error { return e.err }

// writeInPlace rewrites the note through its own inode, so that its other
// names see the new contents. It never leaves half a note: see overwrite.
// A signal that arrives meanwhile waits for the write to finish: the
// handler needs the temporary files' lock, held here.
func (n *noteFile) writeInPlace(data []byte) error {
	temps.mu.Lock()
	defer temps.mu.Unlock()
	f, err := openInPlace(n.target)
	if err != nil {
		return unwrapPathError(err)
	}
	err = overwrite(f, n.src, data)
	// After a successful Sync the new contents are on disk; an error from
	// Close adds nothing a user could act on.
	_ = f.Close()
	if e, ok := err.(*inPlaceError); ok && !e.restored {
		e.saved, e.saveErr = saveCopy(n.target, n.src)
	}
	return err
}

// overwrite replaces the contents old of f with data, or fails with an
// *inPlaceError that says whether f holds old again.
//
// The part of data past the old end is written first: it is the only part
// that needs new space on disk, so a full disk (or a quota) fails there,
// before any old byte has changed, and cutting f back to its old size
// undoes it. Only then is the rest written over the old bytes, which
// needs no new space. Should that or the final Sync fail all the same,
// the old bytes, still in memory, are written back.
func overwrite(f inPlaceFile, old, data []byte) error {
	oldSize := int64(len(old))
	if len(data) > len(old) {
		if _, err := f.WriteAt(data[len(old):], oldSize); err != nil {
			return undo(f, old, false, err)
		}
	}
	if _, err := f.WriteAt(data[:min(len(old), len(data))], 0); err != nil {
		return undo(f, old, true, err)
	}
	if len(data) < len(old) {
		if err := f.Truncate(int64(len(data))); err != nil {
			return undo(f, old, true, err)
		}
	}
	if err := f.Sync(); err != nil {
		return undo(f, old, true, err)
	}
	return nil
}

// undo puts the old contents back after err, writing the old bytes again
// when touched (some of them may have been overwritten), and reports what
// became of the file.
func undo(f inPlaceFile, old []byte, touched bool, err error) error {
	e := &inPlaceError{err: unwrapPathError(err)}
	if touched {
		if _, werr := f.WriteAt(old, 0); werr != nil {
			e.restoreErr = unwrapPathError(werr)
			return e
		}
	}
	if terr := f.Truncate(int64(len(old))); terr != nil {
		e.restoreErr = unwrapPathError(terr)
		return e
	}
	if serr := f.Sync(); serr != nil {
		e.restoreErr = unwrapPathError(serr)
		return e
	}
	e.restored = true
	return e
}

// saveCopy saves the old contents of a note that could not be put back,
// in the temporary directory (most often on another disk than the one that
// filled up), or else beside the note, and returns the copy's name.
func saveCopy(target string, old []byte) (string, error) {
	pattern := "napkin-" + filepath.Base(target) + "-*.old"
	var firstErr error
	for _, dir := range []string{os.TempDir(), filepath.Dir(target)} {
		name, err := writeCopy(dir, pattern, old)
		if err == nil {
			return name, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	return "", firstErr
}

// writeCopy writes data to a new file in dir, readable by its owner only
// (a note may be private), and removes it again when it is incomplete.
func writeCopy(dir, pattern string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return "", unwrapPathError(err)
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", unwrapPathError(err)
	}
	return f.Name(), nil
}
