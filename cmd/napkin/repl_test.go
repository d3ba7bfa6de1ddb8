package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// napkinBinary builds napkin once for the tests that need a real process
// (on a pseudo-terminal, or serving), with napkin-serve beside it as go
// install puts it.
var napkinBinary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "napkin-bin-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "napkin")
	for _, pkg := range []string{".", "../napkin-serve"} {
		name := filepath.Join(dir, filepath.Base(filepath.Join("cmd/napkin", pkg)))
		out, err := exec.Command("go", "build", "-o", name, pkg).CombinedOutput()
		if err != nil {
			return "", &buildError{string(out)}
		}
	}
	return bin, nil
})

type buildError struct{ out string }

func (e *buildError) Error() string { return "go build: " + e.out }

// terminal is napkin running on a pseudo-terminal, read in the background.
type terminal struct {
	t       testing.TB
	cmd     *exec.Cmd
	pty     *os.File
	mu      sync.Mutex
	buf     bytes.Buffer
	eof     chan struct{}
	changed chan struct{} // signalled after every read
}

// hangGuard only keeps a broken session from hanging the test run; it is
// not a performance bound.
const hangGuard = 60 * time.Second

func startTerminal(t testing.TB, dir string, args ...string) *terminal {
	t.Helper()
	return startTerminalSized(t, dir, &pty.Winsize{Rows: 50, Cols: 120}, args...)
}

// startTerminalSized is startTerminal on a terminal of the given size.
func startTerminalSized(t testing.TB, dir string, size *pty.Winsize, args ...string) *terminal {
	t.Helper()
	bin, err := napkinBinary()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NAPKIN_HISTORY="+filepath.Join(dir, "history"), "TERM=xterm", "NO_COLOR=1")
	f, err := pty.StartWithSize(cmd, size)
	if err != nil {
		t.Fatal(err)
	}
	term := &terminal{t: t, cmd: cmd, pty: f, eof: make(chan struct{}), changed: make(chan struct{}, 1)}
	go func() {
		b := make([]byte, 4096)
		for {
			n, err := f.Read(b)
			term.mu.Lock()
			term.buf.Write(b[:n])
			term.mu.Unlock()
			select {
			case term.changed <- struct{}{}:
			default:
			}
			if err != nil {
				close(term.eof)
				return
			}
		}
	}()
	t.Cleanup(func() { cmd.Process.Kill(); f.Close() })
	return term
}

// ansi strips terminal control sequences from the transcript.
var ansi = regexp.MustCompile(`\x1b\[[0-9;?]*[a-zA-Z]|\r`)

func (term *terminal) output() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return ansi.ReplaceAllString(term.buf.String(), "")
}

// waitFor waits until the transcript after from contains want, and
// returns where it ends.
func (term *terminal) waitFor(from int, want string) int {
	term.t.Helper()
	return term.waitForAny(from, want)
}

// waitForAny waits for the first of wants to appear after from, and
// returns the offset just past it.
func (term *terminal) waitForAny(from int, wants ...string) int {
	term.t.Helper()
	guard := time.After(hangGuard)
	for {
		out := term.output()
		if from <= len(out) {
			for _, want := range wants {
				if i := strings.Index(out[from:], want); i >= 0 {
					return from + i + len(want)
				}
			}
		}
		select {
		case <-term.changed:
		case <-term.eof:
			if term.waitedInVain(from, wants) {
				term.t.Fatalf("the session ended before %q; the transcript:\n%s", wants, term.output())
			}
		case <-guard:
			term.t.Fatalf("never saw %q; the transcript:\n%s", wants, term.output())
		}
	}
}

// waitedInVain reports whether none of wants is in the output after from.
func (term *terminal) waitedInVain(from int, wants []string) bool {
	out := term.output()
	for _, want := range wants {
		if strings.Contains(out[min(from, len(out)):], want) {
			return false
		}
	}
	return true
}

func (term *terminal) send(keys string) {
	if _, err := io.WriteString(term.pty, keys); err != nil {
		term.t.Fatal(err)
	}
}

func TestInteractiveSession(t *testing.T) {
	dir := t.TempDir()
	term := startTerminal(t, dir)
	at := term.waitFor(0, ":help for help")
	at = term.waitFor(at, "> ")

	// Typing an estimate shows its compact working.
	term.send("write_qps = 10M * 5 / day\r")
	at = term.waitFor(at, "≈ 578.7 /s")
	// Tab completes a variable.
	term.send("peak = wri\t")
	at = term.waitFor(at, "write_qps")
	term.send(" * 3\r")
	at = term.waitFor(at, "1,736.1 /s")
	// An error shows a caret and does not end the session.
	term.send("dua * 3\r")
	at = term.waitFor(at, `unknown name "dua"`)
	at = term.waitFor(at, "^^^")
	at = term.waitFor(at, "> ")
	// Ctrl-C cancels the line being typed.
	term.send("half-typed")
	at = term.waitFor(at, "half-typed")
	term.send("\x03")
	at = term.waitFor(at, "> ")
	term.send("ans\r")
	at = term.waitFor(at, "1,736.1 /s")
	// Up recalls the history.
	term.send("\x1b[A\x1b[A\x1b[A\r") // ans, dua * 3, then peak: a cancelled line is not kept
	at = term.waitFor(at, "peak = write_qps * 3")
	at = term.waitFor(at, "1,736.1 /s")
	// A range and a function.
	term.send("load = 100M to 300M\r")
	at = term.waitFor(at, "[100M to 300M]")
	term.send("shards(total, per) = ceil(total / per)\r")
	at = term.waitFor(at, "> ")
	term.send("n = shards(1 PB, 4 TB)\r")
	at = term.waitFor(at, "= 250")
	// :save writes the definitions; Ctrl-D leaves.
	term.send(":save plan.napkin\r")
	_ = term.waitFor(at, "saved 6 definitions to plan.napkin")
	term.send("\x04")
	select {
	case <-term.eof:
	case <-time.After(hangGuard):
		t.Fatalf("Ctrl-D did not end the session:\n%s", term.output())
	}
	if err := term.cmd.Wait(); err != nil {
		t.Errorf("exit: %v", err)
	}

	// napkin run reproduces the session's values.
	out, errOut, code := runCLI(t, "", "-q", "run", filepath.Join(dir, "plan.napkin"))
	if code != 0 {
		t.Fatalf("napkin run: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"write_qps = 578.7 /s", "peak = 1,736.1 /s", "load = 173M [100M to 300M]  mean 183M", "n = 250"} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("napkin run of the saved session lacks %q:\n%s", want, out)
		}
	}

	// The history survives into the next session, and was kept in the
	// history file, not the working directory.
	if _, err := os.Stat(filepath.Join(dir, "history")); err != nil {
		t.Errorf("no history file: %v", err)
	}
	term = startTerminal(t, dir)
	at = term.waitFor(0, "> ")
	term.send("\x1b[A")
	_ = term.waitFor(at, ":save plan.napkin")
}

// TestHistoryKeptAtItsLimit: a session that starts with a history longer
// than the limit (as the previous session's lines leave it) ends with the
// newest historyLimit lines, its own last, and Up still recalls them.
func TestHistoryKeptAtItsLimit(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := range historyLimit + 5 {
		fmt.Fprintf(&b, "x%d = %d\n", i, i)
	}
	if err := os.WriteFile(filepath.Join(dir, "history"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	term := startTerminal(t, dir)
	at := term.waitFor(0, "> ")
	term.send("\x1b[A")
	at = term.waitFor(at, fmt.Sprintf("x%d = %d", historyLimit+4, historyLimit+4))
	term.send("\x15last = 42\r") // Ctrl-U clears the recalled line
	_ = term.waitFor(at, "42")
	term.send("\x04")
	<-term.eof
	term.cmd.Wait()
	data, err := os.ReadFile(filepath.Join(dir, "history"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != historyLimit || lines[len(lines)-1] != "last = 42" || lines[0] != "x6 = 6" {
		t.Errorf("history has %d lines, %q … %q; want %d, x6 = 6 … last = 42", len(lines), lines[0], lines[len(lines)-1], historyLimit)
	}
}

// BenchmarkStartupToPrompt measures how long after launch the interactive
// session's prompt appears on a pseudo-terminal, against how long after
// launch a one-shot `napkin 1+1` shows its result on one; the runs
// alternate, so that both see the same machine. It reports the medians
// (prompt-ms, oneshot-ms) and their difference (extra-ms), with an empty
// history and with a full one (historyLimit lines).
func BenchmarkStartupToPrompt(b *testing.B) {
	for _, lines := range []int{0, historyLimit} {
		b.Run(fmt.Sprintf("history=%d", lines), func(b *testing.B) {
			dir := b.TempDir()
			var hist strings.Builder
			for i := range lines {
				fmt.Fprintf(&hist, "qps_%d = %d M users * 5 / day\n", i, i)
			}
			var prompt, oneShot []time.Duration
			for b.Loop() {
				// The session may rewrite its history: start each run from
				// the same one.
				if err := os.WriteFile(filepath.Join(dir, "history"), []byte(hist.String()), 0o644); err != nil {
					b.Fatal(err)
				}
				// Which runs first alternates too: the first of a pair is
				// slowed by what ran before it.
				if len(prompt)%2 == 0 {
					prompt = append(prompt, launchToMarker(b, dir, "> "))
					oneShot = append(oneShot, launchToMarker(b, dir, "= 2", "1+1"))
				} else {
					oneShot = append(oneShot, launchToMarker(b, dir, "= 2", "1+1"))
					prompt = append(prompt, launchToMarker(b, dir, "> "))
				}
			}
			p, o := medianDuration(prompt), medianDuration(oneShot)
			b.ReportMetric(ms(p), "prompt-ms")
			b.ReportMetric(ms(o), "oneshot-ms")
			b.ReportMetric(ms(p-o), "extra-ms")
		})
	}
}

// launchToMarker starts napkin on a pseudo-terminal and returns how long
// after launch want appeared; the process is then killed.
func launchToMarker(b *testing.B, dir, want string, args ...string) time.Duration {
	start := time.Now()
	term := startTerminal(b, dir, args...)
	term.waitFor(0, want)
	d := time.Since(start)
	term.cmd.Process.Kill()
	term.cmd.Wait()
	return d
}

func medianDuration(d []time.Duration) time.Duration {
	slices.Sort(d)
	return d[len(d)/2]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func BenchmarkOneShot(b *testing.B) {
	bin, err := napkinBinary()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if out, err := exec.Command(bin, "1+1").CombinedOutput(); err != nil {
			b.Fatalf("%v: %s", err, out)
		}
	}
}

// TestInterruptBetweenLinesKeepsTheSession sends SIGINT while napkin is not
// reading a line (as a terminal does for Ctrl-C typed during evaluation):
// the session must go on.
func TestInterruptBetweenLinesKeepsTheSession(t *testing.T) {
	term := startTerminal(t, t.TempDir())
	at := term.waitFor(0, "> ")
	if err := term.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	// The signal reaches the session through the runtime and a goroutine:
	// on a loaded machine it can arrive after the next line was typed and
	// interrupt that line's evaluation, which is what it is for. Either
	// way, the session goes on.
	term.send("1 + 1\r")
	at = term.waitForAny(at, "= 2", "interrupted")
	term.send("6 * 7\r")
	term.waitFor(at, "= 42")
}

// TestKeysDuringEvaluation types Ctrl-D while a slow line is being
// evaluated (a range with 5 million samples takes a moment): the line's
// result appears and then the session ends. With the terminal left in its
// own line discipline between reads, that Ctrl-D was an end of file to the
// line editor's reader, and the session hung.
func TestKeysDuringEvaluation(t *testing.T) {
	term := startTerminal(t, t.TempDir(), "--samples", "5000000")
	at := term.waitFor(0, "> ")
	term.send("x = 1 to 10\r")
	time.Sleep(100 * time.Millisecond) // land the key while the line is evaluated
	term.send("\x04")
	term.waitFor(at, "[1 to 10]")
	select {
	case <-term.eof:
	case <-time.After(hangGuard):
		t.Fatalf("Ctrl-D typed during evaluation did not end the session:\n%s", term.output())
	}
}
