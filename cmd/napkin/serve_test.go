package main

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"
)

func serveOnce(t *testing.T, addr string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	streams := &ioStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // Ctrl-C at once: serve, then shut down cleanly
	opts := &globalOptions{Digits: 5, Latency: "dean2012"}
	err = runServe(ctx, streams, &printer{io: streams, opts: opts}, opts, &serveOptions{addr: addr})
	return out.String(), errOut.String(), err
}

func TestServeListensOnLoopbackAndStops(t *testing.T) {
	out, errOut, err := serveOnce(t, "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^napkin serve: http://127\.0\.0\.1:\d+/  \(Ctrl-C to stop\)\n$`).MatchString(out) {
		t.Errorf("stdout %q", out)
	}
	if errOut != "napkin serve: stopped\n" {
		t.Errorf("stderr %q", errOut)
	}
}

func TestServeWarnsOffLoopback(t *testing.T) {
	out, errOut, err := serveOnce(t, "0.0.0.0:0")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, "napkin serve: http://localhost:") {
		t.Errorf("stdout %q", out)
	}
	if !strings.HasPrefix(errOut, "napkin: warning: serving on 0.0.0.0:0: other machines can reach this page\nnapkin: hint: ") {
		t.Errorf("stderr %q", errOut)
	}
}

func TestServeBadAddress(t *testing.T) {
	_, errOut, code := runCLI(t, "", "serve", "--addr", "8077")
	if code != exitUsage || !strings.HasPrefix(errOut, `napkin: error: --addr "8077": address 8077: missing port in address`) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	_, errOut, code = runCLI(t, "", "serve", "extra")
	if code != exitUsage {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}
