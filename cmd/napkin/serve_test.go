package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
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

// TestServeStopsOnInterrupt runs napkin serve as a process, as a user
// does, and stops it with Ctrl-C (SIGINT): it exits 0 and says so.
func TestServeStopsOnInterrupt(t *testing.T) {
	cmd := exec.Command(os.Args[0], "serve", "--addr", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "NAPKIN_TEST_RUN_MAIN=1")
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := false
	t.Cleanup(func() {
		if !exited {
			_ = cmd.Process.Kill() // a failed test leaves no server behind
			_ = cmd.Wait()
		}
	})
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("%v; stderr %q", err, errOut.String())
	}
	url := strings.Fields(strings.TrimPrefix(line, "napkin serve: "))[0]
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(page), "<title>napkin</title>") {
		t.Errorf("GET %s: %d %.100s", url, resp.StatusCode, page)
	}
	if err := cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	err = cmd.Wait()
	exited = true
	if err != nil {
		t.Errorf("exit: %v; stderr %q", err, errOut.String())
	}
	if errOut.String() != "napkin serve: stopped\n" {
		t.Errorf("stderr %q", errOut.String())
	}
}
