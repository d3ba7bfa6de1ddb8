package main

import (
	"bytes"
	"context"
	"io/fs"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/napkin-calc/napkin/frontend"
)

// serveOnce runs napkin-serve with args and stops it at once, as Ctrl-C
// does: it serves, then shuts down cleanly.
func serveOnce(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	code = run(ctx, args, &out, &errOut)
	return out.String(), errOut.String(), code
}

func TestServeListensOnLoopbackAndStops(t *testing.T) {
	out, errOut, code := serveOnce(t, "--addr=127.0.0.1:0")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !regexp.MustCompile(`^napkin serve: http://127\.0\.0\.1:\d+/  \(Ctrl-C to stop\)\n$`).MatchString(out) {
		t.Errorf("stdout %q", out)
	}
	if errOut != "napkin serve: stopped\n" {
		t.Errorf("stderr %q", errOut)
	}
}

func TestServeWarnsOffLoopback(t *testing.T) {
	out, errOut, code := serveOnce(t, "--addr", "0.0.0.0:0")
	if code != exitOK {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !strings.HasPrefix(out, "napkin serve: http://localhost:") {
		t.Errorf("stdout %q", out)
	}
	if !strings.HasPrefix(errOut, "napkin: warning: serving on 0.0.0.0:0: other machines can reach this page\nnapkin: hint: ") {
		t.Errorf("stderr %q", errOut)
	}
}

func TestServeColoursOnlyWhenAsked(t *testing.T) {
	_, errOut, _ := serveOnce(t, "--addr=0.0.0.0:0", "--color")
	if !strings.HasPrefix(errOut, "napkin: \x1b[33mwarning:\x1b[0m serving on") {
		t.Errorf("stderr %q", errOut)
	}
}

func TestServeErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--addr=8077"}, exitUsage, "napkin: error: --addr \"8077\": address 8077: missing port in address\nnapkin: hint: give host:port, like --addr 127.0.0.1:8077\n"},
		{[]string{"--napkin-build=v0.0.1 0123abc"}, exitFail, "napkin: error: napkin-serve is another build ("},
		{[]string{"--latency=nosuch", "--addr=127.0.0.1:0"}, exitUsage, "napkin: error: "},
		{[]string{"--digits=99"}, exitUsage, "napkin: error: --digits must be between 1 and 17, not 99\n"},
		{[]string{"--range-digits=-1"}, exitUsage, "napkin: error: --range-digits must be between 0 and 17, not -1\n"},
		{[]string{"--max-live-samples=-1"}, exitUsage, "napkin: error: --max-live-samples must be 0 or more, not -1\n"},
		{[]string{"--addr=nosuch.invalid:0"}, exitUsage, "napkin: error: cannot listen on nosuch.invalid:0: "},
		{[]string{"--samples=5"}, exitUsage, "napkin: error: --samples must be between 100 and 10,000,000, not 5\n"},
		{[]string{"--nosuch"}, exitUsage, "napkin: error: flag provided but not defined: --nosuch\nnapkin: hint: see napkin serve --help\n"},
		{[]string{"extra"}, exitUsage, "napkin: error: unexpected argument \"extra\"\n"},
		{[]string{"--napkin-build=other", "--nosuch"}, exitFail, "napkin: error: napkin-serve is another build ("},
		{[]string{"--nosuch", "--napkin-build", "other"}, exitFail, "napkin: error: napkin-serve is another build ("},
		{[]string{"-napkin-build=other", "--addr=127.0.0.1:0"}, exitFail, "napkin: error: napkin-serve is another build ("},
		{[]string{"-napkin-build", "other", "--addr=127.0.0.1:0"}, exitFail, "napkin: error: napkin-serve is another build ("},
		{[]string{"--digits=x"}, exitUsage, "napkin: error: invalid value \"x\" for flag --digits: parse error\n"},
		{[]string{"--open=maybe"}, exitUsage, "napkin: error: invalid boolean value \"maybe\" for --open: parse error\n"},
		{[]string{"--addr"}, exitUsage, "napkin: error: flag needs an argument: --addr\n"},
	} {
		out, errOut, code := serveOnce(t, tc.args...)
		if code != tc.code || out != "" || !strings.HasPrefix(errOut, tc.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit %d and stderr %q…", tc.args, code, out, errOut, tc.code, tc.want)
		}
	}
}

// fullWriter fails every write as a full disk does, through os.File.
type fullWriter struct{}

func (fullWriter) Write([]byte) (int, error) {
	return 0, &fs.PathError{Op: "write", Path: "/dev/stdout", Err: syscall.ENOSPC}
}

// A failed write of the address or the help says why, without the name
// of the file: the message already says it is standard output.
func TestServeReportsAFailedWrite(t *testing.T) {
	for _, args := range [][]string{{"--addr=127.0.0.1:0"}, {"--help"}} {
		var errOut bytes.Buffer
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		code := run(ctx, args, fullWriter{}, &errOut)
		want := "napkin: error: cannot write standard output: no space left on device\nnapkin: hint: check that the disk is not full\n"
		if code != exitUsage || !strings.HasPrefix(errOut.String(), want) {
			t.Errorf("%q: exit %d, stderr %q; want exit %d and %q", args, code, errOut.String(), exitUsage, want)
		}
	}
}

func TestServeHelpListsItsFlags(t *testing.T) {
	out, errOut, code := serveOnce(t, "--help")
	if code != exitOK || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"napkin serve runs it", "\n  --addr\n      the address to listen on, host:port (default 127.0.0.1:8077)\n", "\n  --open\n      open the page in the browser\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("help lacks %q:\n%s", want, out)
		}
	}
}

func TestServeAcceptsItsOwnBuild(t *testing.T) {
	// The ID napkin passes is compared with this binary's; the test binary
	// is its own build.
	_, errOut, code := serveOnce(t, "--addr=127.0.0.1:0", "--napkin-build="+frontend.BuildID())
	if code != exitOK {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestPrintableEscapesControls(t *testing.T) {
	if got := printable("presets/\x1b[2Jx.napkin: bad"); got != `presets/\x1b[2Jx.napkin: bad` {
		t.Errorf("printable = %q", got)
	}
	if got := printable("plain é"); got != "plain é" {
		t.Errorf("printable = %q", got)
	}
}
