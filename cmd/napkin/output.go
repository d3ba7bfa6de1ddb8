package main

import (
	"bufio"
	"io"
	"sync"
	"time"
)

// stdout is standard output as napkin writes it: buffered when it is not
// a terminal, and checked. The first failed write is kept (later writes
// are dropped) so that the command can end with "cannot write standard
// output" and exit 2 instead of exiting 0 with its output cut short.
// Buffered output is flushed at the end, before a write to standard error
// or a read from standard input, and at most flushDelay after it was
// written, so that a slow script piped to tee shows its output as it goes.
// The delay needs a timer, and arming the first one costs a fresh process
// about 20 µs: a one-line estimate, which ends as soon as it has printed,
// says so (endsAfterPrinting) and arms none, unless a second line follows
// (expectMore).
type stdout struct {
	mu      sync.Mutex
	w       io.Writer
	buf     *bufio.Writer // nil on a terminal: every write goes straight out
	err     error
	closed  bool // napkin started with standard output closed: any write fails
	timer   *time.Timer
	pending bool // the timer will flush
	quick   bool // the command ends once it has printed: no flush timer
}

const flushDelay = 100 * time.Millisecond

// closedStdoutHint is the hint for a standard output napkin was started
// without (errStdoutClosed).
const closedStdoutHint = "give napkin somewhere to write: > FILE, or > /dev/null to discard the output"

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
	if s.closed && len(p) > 0 {
		s.err = errStdoutClosed
	}
	if s.err != nil {
		return 0, s.err
	}
	var n int
	if s.buf != nil {
		n, s.err = s.buf.Write(p)
		if !s.quick && s.buf.Buffered() > 0 {
			s.flushLater()
		}
	} else {
		n, s.err = s.w.Write(p)
	}
	if s.err == nil && n < len(p) {
		s.err = io.ErrShortWrite
	}
	return n, s.err
}

// endsAfterPrinting says that the command ends as soon as it has printed:
// its output waits for the end, which comes at once.
func (s *stdout) endsAfterPrinting() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.quick = true
}

// expectMore says that the command has more to do after what it has
// printed after all: from now on, buffered output waits at most
// flushDelay.
func (s *stdout) expectMore() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.quick = false
	if s.buf != nil && s.buf.Buffered() > 0 {
		s.flushLater()
	}
}

// flushLater arms the delayed flush, unless it is armed; s.mu is held.
func (s *stdout) flushLater() {
	if s.pending {
		return
	}
	s.pending = true
	if s.timer == nil {
		s.timer = time.AfterFunc(flushDelay, s.delayedFlush)
		return
	}
	s.timer.Reset(flushDelay)
}

func (s *stdout) delayedFlush() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending = false
	if s.err == nil {
		s.err = s.buf.Flush()
	}
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
