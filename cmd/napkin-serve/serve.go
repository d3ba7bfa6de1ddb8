package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"

	"github.com/napkin-calc/napkin/presets"
	"github.com/napkin-calc/napkin/web"
)

// run serves the page until ctx is done and returns the exit code.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	r := &reporter{w: stderr}
	o, err := parseFlags(args)
	if err == nil {
		r.color = o.color
		err = serve(ctx, o, r, stdout, stderr)
	}
	var f *failure
	var help errHelp
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &help):
		if err := help.write(stdout); err != nil {
			r.error("cannot write standard output: "+writeErrorText(err), "check that the disk is not full")
			return exitUsage
		}
		return exitOK
	case errors.As(err, &f):
		r.error(f.msg, f.hint)
		return f.code
	default:
		r.error(err.Error(), "")
		return exitFail
	}
}

func serve(ctx context.Context, o *options, r *reporter, stdout, stderr io.Writer) error {
	if _, _, err := net.SplitHostPort(o.addr); err != nil {
		return &failure{fmt.Sprintf("--addr %q: %v", o.addr, err), "give host:port, like --addr 127.0.0.1:8077", exitUsage}
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		hint := "choose another port: --addr 127.0.0.1:9000"
		if _, ok := errors.AsType[*net.DNSError](err); ok {
			hint = "give an address of this machine, like --addr 127.0.0.1:8077"
		}
		return &failure{fmt.Sprintf("cannot listen on %s: %v", o.addr, err), hint, exitUsage}
	}
	defer ln.Close()
	if !web.IsLoopback(o.addr) {
		r.warn(fmt.Sprintf("serving on %s: other machines can reach this page", o.addr),
			"napkin serve is meant for your own machine; leave out --addr to listen on 127.0.0.1 only")
	}
	all, errs := presets.All(presets.UserDir())
	for _, err := range errs {
		r.warn(err.Error(), "fix or remove the file")
	}
	cfg := web.Config{Addr: ln.Addr().String(), Session: o.session, Presets: all}
	if host, _, _ := net.SplitHostPort(o.addr); host != "" && net.ParseIP(host) == nil {
		_, port, _ := net.SplitHostPort(cfg.Addr)
		cfg.Addr = net.JoinHostPort(host, port) // a name given in --addr is a name the page may be reached by
	}
	if o.verbose {
		cfg.Log = stderr
	}
	srv, err := web.New(cfg)
	if err != nil {
		return &failure{err.Error(), "napkin latency sets lists the sets", exitUsage}
	}
	url := "http://" + pageHost(cfg.Addr) + "/"
	if _, err := fmt.Fprintf(stdout, "napkin serve: %s  (Ctrl-C to stop)\n", url); err != nil {
		return &failure{"cannot write standard output: " + writeErrorText(err), "check that the disk is not full", exitUsage}
	}
	if o.open {
		if err := openBrowser(url); err != nil {
			r.warn("cannot open a browser: "+err.Error(), "open "+url+" yourself")
		}
	}
	err = srv.Serve(ctx, ln)
	fmt.Fprintln(stderr, "napkin serve: stopped")
	return err
}

// writeErrorText is a failed write's reason without the file's name
// ("no space left on device", not "write /dev/stdout: no space left…"):
// the message already says it is standard output.
func writeErrorText(err error) string {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Err.Error()
	}
	return err.Error()
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
