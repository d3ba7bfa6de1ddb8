package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/signal"
	"runtime"
	"syscall"

	"github.com/napkin-calc/napkin/web"
	"github.com/spf13/cobra"
)

// defaultServeAddr is loopback: the page is for the user's own machine.
const defaultServeAddr = "127.0.0.1:8077"

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
presets. Ctrl-C stops it.`,
		Example: `  $ napkin serve
  $ napkin serve --open
  $ napkin serve --addr 127.0.0.1:9000 --latency napkinmath2026`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.validate(); err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return runServe(ctx, streams, p, opts, so)
		},
	}
	f := cmd.Flags()
	f.StringVar(&so.addr, "addr", defaultServeAddr, "the address to listen on, host:port (port 0 picks a free one)")
	f.BoolVar(&so.open, "open", false, "open the page in the browser")
	f.BoolVar(&so.verbose, "verbose", false, "log one line per request to standard error")
	return cmd
}

func runServe(ctx context.Context, streams *ioStreams, p *printer, opts *globalOptions, so *serveOptions) error {
	if _, _, err := net.SplitHostPort(so.addr); err != nil {
		return &usageError{fmt.Sprintf("--addr %q: %v", so.addr, err), "give host:port, like --addr 127.0.0.1:8077"}
	}
	if !web.IsLoopback(so.addr) {
		p.warnLine(fmt.Sprintf("serving on %s: other machines can reach this page", so.addr),
			"napkin serve is meant for your own machine; leave out --addr to listen on 127.0.0.1 only")
	}
	ln, err := net.Listen("tcp", so.addr)
	if err != nil {
		return &usageError{fmt.Sprintf("cannot listen on %s: %v", so.addr, err), "choose another port: --addr 127.0.0.1:9000"}
	}
	defer ln.Close()
	cfg := web.Config{
		Addr:    ln.Addr().String(),
		Session: opts.sessionOptions(),
		Presets: loadPresets(p),
	}
	if host, _, _ := net.SplitHostPort(so.addr); host != "" && net.ParseIP(host) == nil {
		_, port, _ := net.SplitHostPort(cfg.Addr)
		cfg.Addr = net.JoinHostPort(host, port) // a name given in --addr is a name the page may be reached by
	}
	if so.verbose {
		cfg.Log = streams.ErrOut
	}
	srv, err := web.New(cfg)
	if err != nil {
		return &usageError{err.Error(), "napkin latency sets lists the sets"}
	}
	url := "http://" + pageHost(cfg.Addr) + "/"
	if _, err := fmt.Fprintf(streams.Out, "napkin serve: %s  (Ctrl-C to stop)\n", url); err != nil {
		return err
	}
	// Standard output is buffered on a pipe: the address must show now,
	// not when the server stops.
	if f, ok := streams.Out.(interface{ Flush() error }); ok {
		if err := f.Flush(); err != nil {
			return err
		}
	}
	if so.open {
		if err := openBrowser(url); err != nil {
			p.warnLine("cannot open a browser: "+err.Error(), "open "+url+" yourself")
		}
	}
	err = srv.Serve(ctx, ln)
	fmt.Fprintln(streams.ErrOut, "napkin serve: stopped")
	return err
}

// pageHost is the address to print: an address that listens on every
// interface is reached as localhost here.
func pageHost(addr string) string {
	host, port, _ := net.SplitHostPort(addr)
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

func openBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = exec.Command("open", url)
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() //nolint:errcheck // the browser outlives this call
	return nil
}
