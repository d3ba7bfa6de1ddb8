package main

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"

	"github.com/napkin-calc/napkin/frontend"
	"github.com/spf13/cobra"
)

// defaultServeAddr is loopback: the page is for the user's own machine.
const defaultServeAddr = "127.0.0.1:8077"

// serveBinary is the program that serves the page (cmd/napkin-serve). It is
// not linked into napkin: net/http and its TLS and crypto packages would
// cost every one-line estimate their initialisers.
const serveBinary = "napkin-serve"

type serveOptions struct {
	addr    string
	open    bool
	verbose bool
}

func newServeCmd(streams *ioStreams, p *printer, opts *globalOptions) *cobra.Command {
	so := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Open a local page: results beside each line, plots, presets, practice, shareable links",
		Long: `Serve napkin's page on this machine: an editor with each line's result beside
it as you type, the working of the line under the cursor, histograms of
ranges, --why charts, latency numbers on a log scale, the presets and
practice. A link carries the script in its fragment, so it reopens the same
estimate on anyone's napkin serve.

It listens on 127.0.0.1 only, unless --addr says otherwise. It answers only
requests addressed to it (not a page of another site), evaluates each
request within limits of size, work and time, and reads no file but your
presets. Ctrl-C stops it.

The server is the napkin-serve program, installed beside napkin
(go install -tags netgo,osusergo ./cmd/...): napkin runs it.`,
		Example: `  $ napkin serve
  $ napkin serve --open
  $ napkin serve --addr 127.0.0.1:9000 --latency napkinmath2026`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.validate(); err != nil {
				return err
			}
			if _, _, err := net.SplitHostPort(so.addr); err != nil {
				return &usageError{fmt.Sprintf("--addr %q: %v", so.addr, err), "give host:port, like --addr 127.0.0.1:8077"}
			}
			if out, ok := streams.RawOut.(*stdout); ok && out.closed {
				// The server would write its address to the /dev/null the
				// Go runtime opened in place of the closed descriptor.
				return &usageError{"cannot write standard output: " + string(errStdoutClosed),
					closedStdoutHint}
			}
			bin, err := findServeBinary()
			if err != nil {
				return err
			}
			// Nothing is written yet; flush anyway, so that no byte of
			// napkin's is lost when the server takes over the process.
			if f, ok := streams.Out.(interface{ Flush() error }); ok {
				if err := f.Flush(); err != nil {
					return err
				}
			}
			return execServe(bin, serveArgs(opts, so, streams.Color))
		},
	}
	f := cmd.Flags()
	f.StringVar(&so.addr, "addr", defaultServeAddr, "the address to listen on, host:port (port 0 picks a free one)")
	f.BoolVar(&so.open, "open", false, "open the page in the browser")
	f.BoolVar(&so.verbose, "verbose", false, "log one line per request to standard error")
	return cmd
}

// serveArgs is napkin-serve's command line for these options: every
// setting spelt out, so that the server evaluates exactly as napkin would.
func serveArgs(opts *globalOptions, so *serveOptions, color bool) []string {
	s := opts.sessionOptions()
	args := []string{
		"--addr=" + so.addr,
		"--digits=" + strconv.Itoa(s.Digits),
		"--range-digits=" + strconv.Itoa(s.RangeDigits),
		"--seed=" + strconv.FormatUint(s.Seed, 10),
		"--samples=" + strconv.Itoa(s.Samples),
		"--max-live-samples=" + strconv.Itoa(s.MaxLiveSamples),
		"--latency=" + s.Latency,
		"--napkin-build=" + frontend.BuildID(),
	}
	for _, b := range []struct {
		on   bool
		flag string
	}{{so.open, "--open"}, {so.verbose, "--verbose"}, {color, "--color"}} {
		if b.on {
			args = append(args, b.flag)
		}
	}
	return args
}

// findServeBinary finds napkin-serve: beside napkin first (where go install
// puts both), then on the PATH.
func findServeBinary() (string, error) {
	name := serveBinary
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	var dir string
	if self, err := os.Executable(); err == nil {
		if self, err = filepath.EvalSymlinks(self); err == nil {
			dir = filepath.Dir(self)
			beside := filepath.Join(dir, name)
			if fi, err := os.Stat(beside); err == nil && fi.Mode().IsRegular() && (runtime.GOOS == "windows" || fi.Mode().Perm()&0o111 != 0) {
				return beside, nil
			}
		}
	}
	path, err := exec.LookPath(name)
	if err == nil {
		return path, nil
	}
	hint := "install it beside napkin: go install -tags netgo,osusergo ./cmd/... in a checkout of napkin"
	if errors.Is(err, exec.ErrDot) {
		return "", &usageError{fmt.Sprintf("napkin serve runs the %s program, found only through a relative directory of your PATH (%s)", serveBinary, path),
			"napkin does not run programs from the current directory; " + hint}
	}
	msg := fmt.Sprintf("napkin serve runs the %s program, which is not on your PATH", serveBinary)
	if dir != "" {
		msg = fmt.Sprintf("napkin serve runs the %s program, which is neither beside napkin (in %s) nor on your PATH", serveBinary, dir)
	}
	return "", &usageError{msg, hint}
}
