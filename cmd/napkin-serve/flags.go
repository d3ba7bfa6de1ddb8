package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

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
	color   bool // colour the warnings and errors (napkin's stderr is a terminal)
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
	// napkin's BuildID: checkBuild reads it, before the other flags.
	fs.String("napkin-build", "", "the build of the napkin that runs this server")
	fs.IntVar(&o.session.Digits, "digits", 5, "significant digits in results (1 to 17)")
	fs.IntVar(&o.session.RangeDigits, "range-digits", 0, "significant digits of ranges (0: three)")
	fs.Uint64Var(&o.session.Seed, "seed", estimate.DefaultSeed, "random seed for ranges")
	fs.IntVar(&o.session.Samples, "samples", estimate.DefaultSamples, "Monte Carlo samples per range")
	fs.IntVar(&o.session.MaxLiveSamples, "max-live-samples", 0, "the most samples of ranges kept in memory (0: the default)")
	fs.StringVar(&o.session.Latency, "latency", latency.DefaultSet, "the latency set in scope")
	// The build is checked first: a napkin of another build may pass flags
	// this one does not know, and the build is what to report then.
	if err := checkBuild(args); err != nil {
		return nil, err
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, errHelp{fs}
		}
		return nil, &failure{msg: twoDashes(err.Error(), fs), hint: "see napkin serve --help", code: exitUsage}
	}
	if fs.NArg() > 0 {
		return nil, &failure{msg: fmt.Sprintf("unexpected argument %q", fs.Arg(0)), hint: "napkin serve takes flags only: napkin serve --addr 127.0.0.1:9000", code: exitUsage}
	}
	switch s := o.session; {
	case s.Digits < 1 || s.Digits > 17:
		return nil, &failure{fmt.Sprintf("--digits must be between 1 and 17, not %d", s.Digits), "napkin serve --digits 3", exitUsage}
	case s.RangeDigits < 0 || s.RangeDigits > 17:
		return nil, &failure{fmt.Sprintf("--range-digits must be between 0 and 17, not %d", s.RangeDigits), "0, the default, shows ranges to three digits", exitUsage}
	case s.Samples < 100 || s.Samples > estimate.MaxSamples:
		return nil, &failure{fmt.Sprintf("--samples must be between 100 and 10,000,000, not %d", s.Samples), "the default is 100,000", exitUsage}
	case s.MaxLiveSamples < 0:
		return nil, &failure{fmt.Sprintf("--max-live-samples must be 0 or more, not %d", s.MaxLiveSamples), "0 is the default, 2^26 samples (512 MiB)", exitUsage}
	}
	return o, nil
}

// checkBuild refuses to serve for a napkin of another build (when napkin
// says which it is): the page would evaluate with another engine than the
// command line's. It reads --napkin-build in every spelling the flag
// package takes (one dash or two, =ID or ID as the next argument).
func checkBuild(args []string) error {
	for i, a := range args {
		if a == "--" {
			break
		}
		name := strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		if name == a {
			continue // not a flag
		}
		id, ok := strings.CutPrefix(name, "napkin-build=")
		if !ok && name == "napkin-build" && i+1 < len(args) {
			id, ok = args[i+1], true
		}
		if ok && id != frontend.BuildID() {
			return &failure{
				msg:  fmt.Sprintf("napkin-serve is another build (%s) than napkin (%s)", frontend.BuildID(), id),
				hint: "install both from one version: go install -tags netgo,osusergo ./cmd/... in a checkout of napkin",
				code: exitFail,
			}
		}
	}
	return nil
}

// errHelp is --help: napkin-serve's flags, on standard output.
type errHelp struct{ fs *flag.FlagSet }

func (errHelp) Error() string { return "help requested" }

func (h errHelp) write(w io.Writer) error {
	if _, err := fmt.Fprint(w, "napkin-serve serves napkin's page; napkin serve runs it (see napkin serve --help).\n\nUsage: napkin-serve [flags]\n\n"); err != nil {
		return err
	}
	var err error
	h.fs.VisitAll(func(f *flag.Flag) {
		if err != nil {
			return
		}
		line := "  --" + f.Name + "\n      " + f.Usage
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			line += " (default " + f.DefValue + ")"
		}
		_, err = fmt.Fprintln(w, line)
	})
	return err
}

// twoDashes spells the flags in one of Go's flag errors as napkin does,
// with two dashes: "invalid value "x" for flag --digits", "flag provided
// but not defined: --nosuch".
func twoDashes(msg string, fs *flag.FlagSet) string {
	msg = strings.Replace(msg, "not defined: -", "not defined: --", 1)
	msg = strings.Replace(msg, "needs an argument: -", "needs an argument: --", 1)
	fs.VisitAll(func(f *flag.Flag) {
		msg = strings.Replace(msg, " -"+f.Name+": ", " --"+f.Name+": ", 1)
	})
	return msg
}
