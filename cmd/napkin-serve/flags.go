package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/frontend"
	"github.com/napkin-calc/napkin/latency"
)

// defaultAddr is loopback: the page is for the user's own machine.
const defaultAddr = "127.0.0.1:8077"

// options are napkin serve's flags as napkin passes them on.
type options struct {
	addr    string
	open    bool
	verbose bool
	color   bool   // colour the warnings and errors (napkin's stderr is a terminal)
	build   string // napkin's BuildID; when given, it must be this binary's
	session frontend.SessionOptions
}

// parseFlags reads the command line. Go's flag package is enough: napkin
// has already checked the flags with its own parser, and this binary
// should not pay for another.
func parseFlags(args []string) (*options, error) {
	o := &options{}
	fs := flag.NewFlagSet("napkin-serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.addr, "addr", defaultAddr, "the address to listen on, host:port")
	fs.BoolVar(&o.open, "open", false, "open the page in the browser")
	fs.BoolVar(&o.verbose, "verbose", false, "log one line per request to standard error")
	fs.BoolVar(&o.color, "color", false, "colour warnings and errors")
	fs.StringVar(&o.build, "napkin-build", "", "the build of the napkin that runs this server")
	fs.IntVar(&o.session.Digits, "digits", 5, "significant digits in results (1 to 17)")
	fs.IntVar(&o.session.RangeDigits, "range-digits", 0, "significant digits of ranges (0: three)")
	fs.Uint64Var(&o.session.Seed, "seed", estimate.DefaultSeed, "random seed for ranges")
	fs.IntVar(&o.session.Samples, "samples", estimate.DefaultSamples, "Monte Carlo samples per range")
	fs.IntVar(&o.session.MaxLiveSamples, "max-live-samples", 0, "the most samples of ranges kept in memory (0: the default)")
	fs.StringVar(&o.session.Latency, "latency", latency.DefaultSet, "the latency set in scope")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, &failure{msg: "napkin-serve is run by napkin serve", hint: "see napkin serve --help", code: exitUsage}
		}
		return nil, &failure{msg: err.Error(), hint: "see napkin serve --help", code: exitUsage}
	}
	if fs.NArg() > 0 {
		return nil, &failure{msg: fmt.Sprintf("unexpected argument %q", fs.Arg(0)), hint: "napkin serve takes flags only: napkin serve --addr 127.0.0.1:9000", code: exitUsage}
	}
	if o.session.Digits < 1 || o.session.Digits > 17 || o.session.RangeDigits < 0 || o.session.RangeDigits > 17 {
		return nil, &failure{msg: "digits must be between 1 and 17", hint: "napkin serve --digits 3", code: exitUsage}
	}
	if o.session.Samples < 100 || o.session.Samples > estimate.MaxSamples || o.session.MaxLiveSamples < 0 {
		return nil, &failure{msg: fmt.Sprintf("--samples must be between 100 and 10,000,000, not %d", o.session.Samples), hint: "the default is 100,000", code: exitUsage}
	}
	return o, nil
}
