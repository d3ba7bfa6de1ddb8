//go:build unix

package main

import (
	"bytes"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestPracticeUnreadableAnswers: answers that cannot be read are an
// error, not skipped answers with exit 0.
func TestPracticeUnreadableAnswers(t *testing.T) {
	for _, c := range []struct {
		name string
		in   io.Reader
		want string
	}{
		{"read error", io.MultiReader(strings.NewReader("1k/s\n"), errReader{}), "cannot read the answers from standard input: input/output error"},
		{"endless line", strings.NewReader(strings.Repeat("1", 2<<20)), "cannot read the answers from standard input: an answer is longer than 1 MB"},
	} {
		var out, errOut bytes.Buffer
		code := run([]string{"practice", "url_shortener"}, &ioStreams{In: c.in, Out: &out, ErrOut: &errOut})
		if code != exitUsage || !strings.Contains(errOut.String(), "napkin: error: "+c.want+"\n") {
			t.Errorf("%s: exit %d, stderr %q", c.name, code, errOut.String())
		}
	}
}

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, syscall.EIO }

// TestPracticeHistoryFIFO: a FIFO as --history is refused instead of
// blocking until someone reads it.
func TestPracticeHistoryFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "history")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	_, errOut, code := runCLI(t, "1k/s\n", "practice", "url_shortener", "--history", fifo)
	if code != exitUsage || !strings.Contains(errOut, "cannot record the session in "+fifo+": not a regular file (a named pipe)") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// TestAppendHistoryNoPartialRecord: a record that cannot be encoded is an
// error and leaves the history as it was (it once appended a lone "\n").
func TestAppendHistoryNoPartialRecord(t *testing.T) {
	path := filepath.Join(t.TempDir(), "h.jsonl")
	if err := os.WriteFile(path, []byte("{\"preset\":\"old\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := appendHistory(path, practiceResult{Preset: "x", Score: math.Inf(1)}); err == nil {
		t.Error("an unencodable record was accepted")
	}
	if got, _ := os.ReadFile(path); string(got) != "{\"preset\":\"old\"}\n" {
		t.Errorf("history became %q", got)
	}
}
