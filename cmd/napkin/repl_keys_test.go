//go:build unix

package main

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// TestCtrlSpaceDoesNotFreeze: Ctrl-Space sends a NUL byte, on which the
// line editor used to hang for good.
func TestCtrlSpaceDoesNotFreeze(t *testing.T) {
	term := startTerminal(t, t.TempDir())
	at := term.waitFor(0, "> ")
	term.send("6 *\x00 7\x00\r")
	term.waitFor(at, "= 42")
}

// TestZeroColumnTerminal: on a terminal that reports 0 columns, arrow keys
// used to spin the line editor for ever.
func TestZeroColumnTerminal(t *testing.T) {
	term := startTerminalSized(t, t.TempDir(), &pty.Winsize{Rows: 0, Cols: 0})
	at := term.waitFor(0, "> ")
	term.send("1234")
	at = term.waitFor(at, "1234")
	term.send("\x1b[D\x1b[D\x1b[C\x1b[A\x1b[B5\r") // left, left, right, up, down, then 5 before the 4
	term.waitFor(at, "12,354")
}

// TestCtrlCInterruptsAnEvaluation: Ctrl-C typed while a long line is
// evaluated stops it and returns to the prompt; the session goes on.
func TestCtrlCInterruptsAnEvaluation(t *testing.T) {
	term := startTerminal(t, t.TempDir(), "--samples", "10000000")
	at := term.waitFor(0, "> ")
	// Hundreds of operations on ten million samples: many seconds of work.
	term.send("g(x) = x * 1.001 * 1.001 * 1.001 * 1.001 * 1.001 * 1.001 * 1.001 * 1.001\r")
	at = term.waitFor(at, "> ")
	term.send("h(x) = g(g(g(g(g(g(g(g(x))))))))\r")
	at = term.waitFor(at, "> ")
	term.send("x = h(h(h(1 to 10)))\r")
	at = term.waitFor(at, "x = h(h(h(1 to 10)))\n")
	time.Sleep(300 * time.Millisecond) // land the key while the line is evaluated
	term.send("\x03")
	at = term.waitFor(at, "^C interrupted: back to the prompt")
	at = term.waitFor(at, "> ")
	term.send("6 * 7\r")
	at = term.waitFor(at, "= 42")
	// The interrupted line defined nothing.
	term.send("x\r")
	term.waitFor(at, `unknown name "x"`)
}

// TestSpecialHistoryAndLoadFiles: a FIFO as the history file or as a
// script for :load does not block the session, and /dev/zero does not
// eat its memory.
func TestSpecialHistoryAndLoadFiles(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "history"), 0o644); err != nil {
		t.Skip(err)
	}
	syscall.Mkfifo(filepath.Join(dir, "plan.napkin"), 0o644)
	os.Symlink("/dev/zero", filepath.Join(dir, "zero.napkin"))
	term := startTerminal(t, dir)
	at := term.waitFor(0, "is not a regular file (a named pipe); this session keeps no history")
	at = term.waitFor(at, "> ")
	term.send(":load plan.napkin\r")
	at = term.waitFor(at, "cannot read plan.napkin: not a regular file (a named pipe)")
	term.send(":load zero.napkin\r")
	at = term.waitFor(at, "cannot read zero.napkin: not a regular file (a device)")
	term.send(":save plan.napkin\r")
	at = term.waitFor(at, "cannot write plan.napkin: not a regular file (a named pipe)")
	term.send("6 * 7\r")
	term.waitFor(at, "= 42")
}
