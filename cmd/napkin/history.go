package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"github.com/chzyer/readline"
)

// trimHistory keeps the history file at historyLimit lines: the newest
// ones, as the line editor would keep them. It runs when the session ends.
// The line editor appends every line it reads and, when it next starts
// and finds the file longer than the limit, rewrites it before the
// prompt; trimming at the end instead keeps that work off the start.
// The file is replaced atomically, and left alone on any error.
func trimHistory(path string) {
	if path == "" {
		return
	}
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		return
	}
	data, err := os.ReadFile(path)
	if err != nil || bytes.Count(data, []byte("\n")) <= historyLimit {
		return
	}
	var lines []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, len(data)+1)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" {
			lines = append(lines, l)
		}
	}
	if sc.Err() != nil {
		return
	}
	lines = lines[max(0, len(lines)-historyLimit):]
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return
	}
	_, werr := tmp.WriteString(strings.Join(lines, "\n") + "\n")
	merr := tmp.Chmod(info.Mode().Perm())
	cerr := tmp.Close()
	if werr != nil || merr != nil || cerr != nil || os.Rename(tmp.Name(), path) != nil {
		os.Remove(tmp.Name())
	}
}

// lazyHistory gives the line editor its history when the first key
// arrives rather than before the prompt: putting 1,000 lines into the
// editor is most of what the prompt would otherwise wait for. The editor
// itself is given no history file; lazyHistory reads it, and appends each
// line read to it as the editor would have.
type lazyHistory struct {
	path   string
	rl     *readline.Instance // set before the first line is read
	loaded bool
	last   string // the newest line, which the editor does not repeat
	file   *os.File
}

// filter is the editor's FuncFilterInputRune. It runs on the editor's own
// goroutine before the key is handled, so the history is all there by the
// time Up or Ctrl-R looks at it, and nothing else touches it meanwhile.
func (h *lazyHistory) filter(r rune) (rune, bool) {
	if !h.loaded {
		h.loaded = true
		h.load()
	}
	return r, true
}

func (h *lazyHistory) load() {
	if h.path == "" || h.rl == nil {
		return
	}
	data, err := os.ReadFile(h.path) // usableHistory has bounded its size
	if err != nil {
		return
	}
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	for _, l := range lines[max(0, len(lines)-historyLimit):] {
		_ = h.rl.SaveHistory(l)
		h.last = l
	}
}

// add appends a line the editor has read to the history file; like the
// editor, it skips an empty line and one that repeats the line before.
func (h *lazyHistory) add(line string) {
	if h.path == "" || line == "" || line == h.last {
		return
	}
	h.last = line
	if h.file == nil {
		f, err := os.OpenFile(h.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o666)
		if err != nil {
			h.path = "" // the session goes on without saving its history
			return
		}
		h.file = f
	}
	_, _ = h.file.WriteString(line + "\n")
}

func (h *lazyHistory) close() {
	if h.file != nil {
		_ = h.file.Close()
	}
}
