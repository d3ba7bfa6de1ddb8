package main

import (
	"io"
	"sync"

	"github.com/napkin-calc/napkin/estimate"
)

// replInput stands between the terminal and the line editor. It reads the
// terminal all the time, so that it sees Ctrl-C typed while a line is
// evaluated (the terminal is raw, so Ctrl-C is the byte 0x03, not SIGINT)
// and interrupts that evaluation; and it drops NUL bytes (Ctrl-Space),
// on which the line editor would freeze for good. Everything else is kept,
// in order, for the line editor's next read.
type replInput struct {
	mu   sync.Mutex
	cond *sync.Cond
	buf  []byte
	err  error
	busy *estimate.Session // the session evaluating a line now, if any
}

// maxTypeahead bounds what is kept for the line editor; past it, the
// terminal is not read until the editor catches up.
const maxTypeahead = 1 << 20

func newReplInput(r io.Reader) *replInput {
	in := &replInput{}
	in.cond = sync.NewCond(&in.mu)
	go in.pump(r)
	return in
}

func (in *replInput) pump(r io.Reader) {
	b := make([]byte, 4096)
	for {
		n, err := r.Read(b)
		in.mu.Lock()
		for _, c := range b[:n] {
			switch {
			case c == 0:
				continue
			case c == 0x03 && in.busy != nil:
				in.interruptLocked()
				continue
			}
			in.buf = append(in.buf, c)
		}
		if err != nil {
			in.err = err
		}
		in.cond.Broadcast()
		for len(in.buf) > maxTypeahead && in.err == nil {
			in.cond.Wait()
		}
		in.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// interruptLocked stops the running evaluation and forgets what was typed
// ahead of it, as a shell does.
func (in *replInput) interruptLocked() {
	in.busy.Interrupt()
	in.buf = in.buf[:0]
}

// Read gives the line editor what was typed.
func (in *replInput) Read(p []byte) (int, error) {
	in.mu.Lock()
	defer in.mu.Unlock()
	for len(in.buf) == 0 && in.err == nil {
		in.cond.Wait()
	}
	if len(in.buf) == 0 {
		return 0, in.err
	}
	n := copy(p, in.buf)
	in.buf = in.buf[n:]
	in.cond.Broadcast()
	return n, nil
}

// evaluating marks s as evaluating until the returned function is called:
// Ctrl-C meanwhile interrupts it.
func (in *replInput) evaluating(s *estimate.Session) (done func()) {
	in.mu.Lock()
	in.busy = s
	in.mu.Unlock()
	return func() {
		in.mu.Lock()
		in.busy = nil
		in.mu.Unlock()
	}
}

// interrupt is a SIGINT from outside: it stops the running evaluation,
// if any.
func (in *replInput) interrupt() {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.busy != nil {
		in.interruptLocked()
	}
}
