package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
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
