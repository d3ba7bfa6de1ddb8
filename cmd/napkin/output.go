package main

import (
	"bufio"
	"io"
	"sync"
)

// stdout is standard output as napkin writes it: buffered when it is not
// a terminal, and checked. The first failed write is kept (later writes
// are dropped) so that the command can end with "cannot write standard
// output" and exit 2 instead of exiting 0 with its output cut short.
type stdout struct {
	mu  sync.Mutex
	w   io.Writer
	buf *bufio.Writer // nil on a terminal: every write goes straight out
	err error
}

func newStdout(w io.Writer, buffered bool) *stdout {
	s := &stdout{w: w}
	if buffered {
		s.buf = bufio.NewWriterSize(w, 64*1024)
	}
	return s
}

func (s *stdout) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return 0, s.err
	}
	var n int
	if s.buf != nil {
		n, s.err = s.buf.Write(p)
	} else {
		n, s.err = s.w.Write(p)
	}
	if s.err == nil && n < len(p) {
		s.err = io.ErrShortWrite
	}
	return n, s.err
}

// Flush writes out what is buffered and returns the first write error.
func (s *stdout) Flush() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err == nil && s.buf != nil {
		s.err = s.buf.Flush()
	}
	return s.err
}

// flushFirst is a stream that flushes standard output before each write
// or read, so that an error lands after the results printed before it,
// and a question is on the screen before its answer is read.
type flushFirst struct {
	out *stdout
	w   io.Writer
	r   io.Reader
}

func (f *flushFirst) Write(p []byte) (int, error) {
	_ = f.out.Flush() // its error is reported at the end of the run
	return f.w.Write(p)
}

func (f *flushFirst) Read(p []byte) (int, error) {
	_ = f.out.Flush()
	return f.r.Read(p)
}
