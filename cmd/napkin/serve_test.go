package main

import (
	"bufio"
	"bytes"
	"io"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/napkin-calc/napkin/frontend"
)

func TestServeBadAddress(t *testing.T) {
	_, errOut, code := runCLI(t, "", "serve", "--addr", "8077")
	if code != exitUsage || !strings.HasPrefix(errOut, `napkin: error: --addr "8077": address 8077: missing port in address`) {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	_, errOut, code = runCLI(t, "", "serve", "extra")
	if code != exitUsage {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	_, errOut, code = runCLI(t, "", "serve", "--digits", "0")
	if code != exitUsage || !strings.HasPrefix(errOut, "napkin: error: --digits must be between 1 and 17") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

// TestServeWithoutTheServer: the test binary has no napkin-serve beside it,
// and none is on an empty PATH: napkin says what to install.
func TestServeWithoutTheServer(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	_, errOut, code := runCLI(t, "", "serve")
	if code != exitUsage || !strings.Contains(errOut, "napkin: error: napkin serve runs the napkin-serve program, which is neither beside napkin (in ") ||
		!strings.Contains(errOut, "\nnapkin: hint: install it beside napkin: go install -tags netgo,osusergo ./cmd/... in a checkout of napkin\n") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
}

func TestServeArgsSpellOutTheSession(t *testing.T) {
	opts := &globalOptions{Digits: 3, DigitsSet: true, Latency: "scott:2020", Ranges: rangeOptions{Seed: 7, Samples: 1000}}
	got := serveArgs(opts, &serveOptions{addr: "127.0.0.1:0", verbose: true}, true)
	want := []string{"--addr=127.0.0.1:0", "--digits=3", "--range-digits=3", "--seed=7", "--samples=1000",
		"--max-live-samples=0", "--latency=scott:2020", "--napkin-build=" + frontend.BuildID(), "--verbose", "--color"}
	if !slices.Equal(got, want) {
		t.Errorf("serveArgs =\n%q\nwant\n%q", got, want)
	}
}

// TestServeStopsOnInterrupt runs napkin serve as a user does, napkin and
// napkin-serve installed side by side, and stops it with Ctrl-C (SIGINT):
// the page answers, and the server exits 0 and says so.
func TestServeStopsOnInterrupt(t *testing.T) {
	bin, err := napkinBinary()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--latency", "napkinmath2026")
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
