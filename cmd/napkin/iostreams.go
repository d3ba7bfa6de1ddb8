package main

import (
	"io"
	"os"

	"github.com/chzyer/readline"
)

// ioStreams is all the I/O a command does, so that tests can swap it and
// so that decoration (colour) is decided in one place: only on a terminal,
// never when NO_COLOR is set.
type ioStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	InTTY  bool
	OutTTY bool // stdout is a terminal: decorations such as sparklines
	Color  bool // colour on stdout and stderr
	// RawOut and RawErrOut are Out and ErrOut without the escaping of
	// control characters (see safeWriter): for a note's own bytes and the
	// line editor. run sets them.
	RawOut, RawErrOut io.Writer
}

func systemStreams() *ioStreams {
	_, noColor := os.LookupEnv("NO_COLOR")
	outTTY := isTerminal(os.Stdout)
	out := newStdout(os.Stdout, !outTTY)
	out.closed = stdoutWasClosed()
	return &ioStreams{
		In:     &flushFirst{out: out, r: os.Stdin},
		Out:    out,
		ErrOut: &flushFirst{out: out, w: os.Stderr},
		InTTY:  isTerminal(os.Stdin),
		OutTTY: outTTY,
		Color:  outTTY && !noColor && os.Getenv("TERM") != "dumb" && isTerminal(os.Stderr),
	}
}

// isTerminal reports whether f is a terminal: not merely a character
// device, which /dev/null and /dev/full are too (output there is buffered
// like output to a file, and gets no colour).
func isTerminal(f *os.File) bool { return readline.IsTerminal(int(f.Fd())) }

// ANSI styles, applied only when colour is on.
const (
	styleBold   = "\x1b[1m"
	styleDim    = "\x1b[2m"
	styleRed    = "\x1b[1;31m"
	styleCyan   = "\x1b[36m"
	styleGreen  = "\x1b[1;32m"
	styleYellow = "\x1b[33m"
	styleReset  = "\x1b[0m"
)

func (s *ioStreams) style(style, text string) string {
	if !s.Color || text == "" {
		return text
	}
	return style + text + styleReset
}

// endsAfterPrinting tells standard output that the command ends as soon
// as it has printed (see stdout).
func (io *ioStreams) endsAfterPrinting() {
	if out, ok := io.RawOut.(*stdout); ok {
		out.endsAfterPrinting()
	}
}

// expectMore tells standard output that the command has more to do after
// what it has printed so far (see stdout).
func (io *ioStreams) expectMore() {
	if out, ok := io.RawOut.(*stdout); ok {
		out.expectMore()
	}
}
