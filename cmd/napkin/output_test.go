package main

import (
	"bytes"
	"errors"
	"io"
	"math"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// runBinary runs the napkin binary with stdout going to out (nil: closed).
func runBinary(t *testing.T, stdin string, stdout *os.File, shell string, args ...string) (stderr string, code int) {
	t.Helper()
	bin, err := napkinBinary()
	if err != nil {
		t.Fatal(err)
	}
	var cmd *exec.Cmd
	if shell != "" {
		cmd = exec.Command("sh", append([]string{"-c", shell, bin}, args...)...)
	} else {
		cmd = exec.Command(bin, args...)
	}
	cmd.Dir = t.TempDir()
	cmd.Stdin = strings.NewReader(stdin)
	cmd.Stdout = stdout
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	err = cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatal(err)
	}
	return errOut.String(), cmd.ProcessState.ExitCode()
}

func TestFullDiskIsAnError(t *testing.T) {
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full here")
	}
	defer full.Close()
	for _, args := range [][]string{{"1+1"}, {"notes", "-"}, {"--json", "run", "-"}} {
		stderr, code := runBinary(t, "```napkin\nx = 1 # =>\n```\n", full, "", args...)
		if code != exitUsage || !strings.HasPrefix(stderr, "napkin: error: cannot write standard output: no space left on device\n") {
			t.Errorf("%q: exit %d, stderr %q", args, code, stderr)
		}
	}
}

func TestClosedStdoutIsAnError(t *testing.T) {
	stderr, code := runBinary(t, "", nil, `exec "$0" "$@" >&-`, "1+1")
	if code != exitUsage || !strings.Contains(stderr, "cannot write standard output: it is closed") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	// napkin serve refuses before it starts a server nobody can find.
	stderr, code = runBinary(t, "", nil, `exec "$0" "$@" >&-`, "serve", "--addr", "127.0.0.1:0")
	if code != exitUsage || !strings.Contains(stderr, "cannot write standard output: it is closed") {
		t.Errorf("serve: exit %d, stderr %q", code, stderr)
	}
	// > /dev/null is a place to write to.
	stderr, code = runBinary(t, "", nil, `exec "$0" "$@" >/dev/null`, "1+1")
	if code != exitOK || stderr != "" {
		t.Errorf("> /dev/null: exit %d, stderr %q", code, stderr)
	}
}

// failingWriter accepts n bytes, then fails like a full disk.
type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, errors.New("no space left on device")
	}
	w.n -= len(p)
	return len(p), nil
}

func TestLostOutputIsAnError(t *testing.T) {
	var errOut bytes.Buffer
	note := "```napkin\nx = 1 # =>\n```\n" + strings.Repeat("prose\n", 1000)
	code := run([]string{"notes", "-"}, &ioStreams{In: strings.NewReader(note), Out: &failingWriter{n: 100}, ErrOut: &errOut})
	if code != exitUsage || errOut.String() != "napkin: error: cannot write standard output: no space left on device\nnapkin: hint: check that the disk is not full\n" {
		t.Errorf("exit %d, stderr %q", code, errOut.String())
	}
}

func TestBufferedStdoutFlushesBeforeErrors(t *testing.T) {
	var both bytes.Buffer
	out := newStdout(&both, true)
	streams := &ioStreams{In: strings.NewReader("x = 5\nx +\n"), Out: out, ErrOut: &flushFirst{out: out, w: &both}}
	if code := run([]string{"-q"}, streams); code != exitEval {
		t.Fatalf("exit %d", code)
	}
	if !strings.HasPrefix(both.String(), "x = 5\nnapkin: error:") {
		t.Errorf("the result is not before the error:\n%s", both.String())
	}
}

func TestUnencodableJSONIsAnError(t *testing.T) {
	var out, errOut bytes.Buffer
	p := &printer{io: &ioStreams{Out: &out, ErrOut: &errOut}}
	p.json(map[string]float64{"value": math.Inf(1)})
	if !p.failed || out.Len() != 0 || !strings.HasPrefix(errOut.String(), "napkin: error: cannot print a result as JSON: ") {
		t.Errorf("failed %v, stdout %q, stderr %q", p.failed, out.String(), errOut.String())
	}
}

// TestClosedStdoutWithNothingToSay: a command that prints nothing (notes
// rewriting a file) does not fail for a closed standard output.
func TestClosedStdoutWithNothingToSay(t *testing.T) {
	dir := t.TempDir()
	note := dir + "/note.md"
	if err := os.WriteFile(note, []byte(staleNote), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr, code := runBinary(t, "", nil, `exec "$0" "$@" >&-`, "notes", note)
	if code != exitOK || stderr != "" {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if data, _ := os.ReadFile(note); !strings.Contains(string(data), "# => 6") {
		t.Errorf("not rewritten: %q", data)
	}
}

// lockedBuffer is a bytes.Buffer safe to read while another goroutine
// writes to it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestBufferedOutputIsFlushedSoon: output written before more work (the
// next line of a script, the next file) does not sit in the buffer; a
// one-line estimate, which ends at once, arms no timer.
func TestBufferedOutputIsFlushedSoon(t *testing.T) {
	var w lockedBuffer
	out := newStdout(&w, true)
	out.endsAfterPrinting()
	io.WriteString(out, "peak = 578.7 /s\n")
	if out.timer != nil {
		t.Fatal("a one-line run armed a timer")
	}
	out.expectMore()
	guard := time.After(hangGuard)
	for w.String() == "" {
		select {
		case <-guard:
			t.Fatal("the buffered line was never flushed")
		case <-time.After(10 * time.Millisecond):
		}
	}
	io.WriteString(out, "more\n")
	if err := out.Flush(); err != nil || w.String() != "peak = 578.7 /s\nmore\n" {
		t.Errorf("%v, %q", err, w.String())
	}
	// Any other command (notes, run of several files) flushes within the
	// delay from its first write.
	other := newStdout(&lockedBuffer{}, true)
	io.WriteString(other, "a.md:4: 3 → 2\n")
	if other.timer == nil {
		t.Error("no timer armed for a command that goes on after printing")
	}
}

// TestDevNullIsNoTerminal: /dev/null is a character device, but output
// there is buffered like output to a file, and a run with standard input
// and output both on it is no interactive session.
func TestDevNullIsNoTerminal(t *testing.T) {
	null, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
	if err != nil {
		t.Skip(err)
	}
	defer null.Close()
	if isTerminal(null) {
		t.Error("/dev/null is taken for a terminal")
	}
}
