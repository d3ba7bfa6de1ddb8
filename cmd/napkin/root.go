package main

import (
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/latency"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// Exit codes.
const (
	exitOK    = 0
	exitEval  = 1 // the input could not be evaluated
	exitUsage = 2 // the command line was wrong, or a file could not be read
)

// globalOptions are the flags every evaluating command shares.
type globalOptions struct {
	JSON   bool
	Quiet  bool
	Digits int
	// DigitsSet is set when --digits was given: ranges then show that many
	// digits too, instead of their usual three.
	DigitsSet bool
	Latency   string // the latency set in scope
	Lint      bool   // warn about omissions (napkin run)
	Ranges    rangeOptions
}

// exitError carries an exit code out of a command, after its message has
// been printed.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

// usageError is a bad command line: printed as an error, exit 2.
type usageError struct{ msg, hint string }

func (e *usageError) Error() string { return e.msg }

// Main runs napkin with os.Args and returns the exit code.
func Main() int {
	return run(os.Args[1:], systemStreams())
}

func run(args []string, streams *ioStreams) int {
	out, ok := streams.Out.(*stdout)
	if !ok {
		out = newStdout(streams.Out, false)
	}
	copied := *streams
	copied.RawOut, copied.RawErrOut = out, streams.ErrOut
	copied.Out = &safeWriter{w: out, styles: streams.Color}
	copied.ErrOut = &safeWriter{w: streams.ErrOut, styles: streams.Color}
	streams = &copied
	p := &printer{io: streams}
	code := runCommand(args, streams, p)
	if err := out.Flush(); err != nil {
		p.errorLine("cannot write standard output: " + unwrapPathError(err).Error())
		hint := "check that the disk is not full"
		if errors.Is(err, errStdoutClosed) {
			hint = closedStdoutHint
		}
		p.hintLine(hint)
		return exitUsage
	}
	if code == exitOK && p.failed {
		return exitEval
	}
	return code
}

// runCommand runs the command line and returns its exit code.
func runCommand(args []string, io *ioStreams, p *printer) (code int) {
	defer func() {
		// No Go stack trace may reach a user: report and exit cleanly.
		if r := recover(); r != nil {
			p.errorLine(fmt.Sprintf("internal error: %v", r))
			p.hintLine("please report this at the project's issue tracker, with the input that caused it")
			code = exitEval
		}
	}()
	var err error
	if onlyExpression(args) {
		err = runRoot(io, p, defaultOptions(), args)
	} else {
		err = executeCommandLine(args, io, p)
	}
	return exitCode(err, p)
}

// executeCommandLine parses the command line with cobra and runs the
// command it selects.
func executeCommandLine(args []string, io *ioStreams, p *printer) error {
	root := newRootCmd(io, p, mayReachSubcommand(args))
	root.CompletionOptions.DisableDefaultCmd = !mayReachCompletion(args)
	root.SetArgs(protectNegativeNumbers(args, flagTakesValue(root)))
	cmd, err := root.ExecuteC()
	if err != nil && cmd != nil && cmd != root {
		return &commandError{err, cmd.CommandPath()}
	}
	return err
}

// commandError is an error of a subcommand's command line, such as an
// unknown flag: its hint points at that subcommand's help.
type commandError struct {
	err  error
	path string // napkin serve
}

func (e *commandError) Error() string { return e.err.Error() }
func (e *commandError) Unwrap() error { return e.err }

// exitCode reports a command's error, if any, and returns the exit code.
func exitCode(err error, p *printer) int {
	var ee *exitError
	var ue *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ee):
		return ee.code
	case errors.As(err, &ue):
		p.errorLine(ue.msg)
		p.hintLine(ue.hint)
		return exitUsage
	default:
		p.errorLine(err.Error())
		hint := "see napkin --help"
		var ce *commandError
		switch {
		case errors.As(err, &ce):
			// A subcommand's negative numbers are protected already
			// (protectNegativeNumbers): an unknown -x is a flag.
			hint = "see " + ce.path + " --help"
		case strings.Contains(err.Error(), "unknown shorthand flag"):
			hint = "quote the expression, and put -- before one that starts with a minus: napkin -- '-5 + 3'"
		}
		p.hintLine(hint)
		return exitUsage
	}
}

// onlyExpression reports whether a command line is only the words of an
// expression: no flag, no --, no word that could select a subcommand or
// help. cobra would run the root command with every word as an argument
// and every option at its default, so napkin does that itself: making
// the root command and its flags and parsing the command line, for the
// first time in a process, is 25 to 35 µs of a one-line estimate's
// 1.7 ms (BENCHMARKS.md, "Start-up"). TestOnlyExpressionRunsAsCobraWould
// holds the two ways to the same output and exit code.
func onlyExpression(args []string) bool {
	if len(args) == 0 || mayReachSubcommand(args) {
		return false
	}
	for _, a := range args {
		if strings.HasPrefix(a, "-") {
			return false
		}
	}
	return true
}

// subcommandWords are the arguments that can select one of napkin's
// subcommands, or ask for help: the names and aliases of the subcommands
// (TestSubcommandWords keeps the list whole), help and completion.
var subcommandWords = []string{"run", "latency", "powers", "ref", "reference", "nines", "notes", "preset", "practice", "serve", "language",
	"help", "-h", "--help", "completion", "__complete", "__completeNoDesc"}

// mayReachSubcommand reports whether a command line may run a subcommand or
// show help. One that cannot, such as an estimate, runs the root command:
// napkin then builds no subcommand, as a one-line estimate should not pay
// for their flags and texts.
func mayReachSubcommand(args []string) bool {
	for _, a := range args {
		if slices.Contains(subcommandWords, a) {
			return true
		}
	}
	return false
}

// mayReachCompletion reports whether a command line may run or list the
// completion command. cobra builds that command, five commands with long
// texts, on every run otherwise: a one-line estimate should not pay for it.
func mayReachCompletion(args []string) bool {
	for _, a := range args {
		switch a {
		case "completion", "__complete", "__completeNoDesc", "help", "-h", "--help":
			return true
		}
	}
	return false
}

// negativeNumber reports whether an argument starts like a negative
// number or expression: -5, -.5, -(2+3).
func negativeNumber(a string) bool {
	return len(a) >= 2 && a[0] == '-' && (a[1] >= '0' && a[1] <= '9' || a[1] == '.' || a[1] == '(')
}

// protectNegativeNumbers lets `napkin -5 + 3` work: an argument that starts
// with a minus and a digit is an expression, not a flag, so -- is inserted
// before it; unless it is the value of the flag before it (--digits -1),
// which the flag then checks. The root command reads flags only before
// its expression (SetInterspersed(false)): from the expression's first
// word on, every argument is the expression's, and a -- inserted there
// would be one of its words (2 ^ -- -2). A subcommand reads flags among
// its arguments, so after its name every negative number is protected.
func protectNegativeNumbers(args []string, takesValue func(flag string) bool) []string {
	subcommand := false
	for i, a := range args {
		if a == "--" {
			return args
		}
		value := i > 0 && takesValue(args[i-1])
		if negativeNumber(a) && !value {
			out := append([]string{}, args[:i]...)
			out = append(out, "--")
			return append(out, args[i:]...)
		}
		if word := a == "-" || !strings.HasPrefix(a, "-"); word && !value && !subcommand {
			if !slices.Contains(subcommandWords, a) {
				return args // the root command's expression
			}
			subcommand = true
		}
	}
	return args
}

// flagTakesValue reports whether arg is a flag (of any command) that takes
// a separate value: --digits, -o, not --json or --digits=3.
func flagTakesValue(root *cobra.Command) func(string) bool {
	return func(arg string) bool {
		if !strings.HasPrefix(arg, "-") || strings.Contains(arg, "=") {
			return false
		}
		name := strings.TrimLeft(arg, "-")
		long := strings.HasPrefix(arg, "--")
		if !long && len(name) != 1 {
			return false // -qo: a cluster of short flags
		}
		found := false
		var visit func(c *cobra.Command)
		visit = func(c *cobra.Command) {
			for _, set := range []*pflag.FlagSet{c.PersistentFlags(), c.LocalFlags()} {
				f := set.Lookup(name)
				if !long {
					f = set.ShorthandLookup(name)
				}
				if f != nil && f.NoOptDefVal == "" {
					found = true
				}
			}
			for _, sub := range c.Commands() {
				visit(sub)
			}
		}
		visit(root)
		return found
	}
}

// newRootCmd builds the command line: the root command, which evaluates
// its arguments, and the subcommands when withSubcommands is set.
func newRootCmd(io *ioStreams, p *printer, withSubcommands bool) *cobra.Command {
	opts := defaultOptions()
	root := &cobra.Command{
		Use:   "napkin [flags] EXPRESSION...",
		Short: "Back-of-envelope estimates with units, checked dimensions and the working shown",
		Long: `napkin evaluates back-of-envelope estimates: numbers with units, checked
dimensions, humanised answers, and the working shown step by step.

The arguments are joined with spaces and evaluated as one line. With no
arguments on a terminal, napkin starts an interactive session (:help
there); with input from a pipe, it evaluates its input as a script.
Quote expressions in the shell: * and ( ) are special there.

See 'napkin help language' for the language.`,
		Example: `  $ napkin '10M * 5 / day'
  $ napkin 'qps = 10M users * 5 / day'
  $ napkin '300M * 2/day * 280 bytes * 365 days * 5 * 3 -> TB'
  $ napkin '1 TB / (100 MB/s)'
  $ napkin -q '2^30 bytes -> GB'
  $ napkin run plan.napkin`,
		Args:          cobra.ArbitraryArgs,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       version(),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runRoot(io, p, opts, args)
		},
	}
	// A command line of only expression words runs runRoot with
	// defaultOptions and skips cobra (onlyExpression): a hook here must do
	// nothing such a command line needs.
	root.PersistentPreRun = func(cmd *cobra.Command, _ []string) {
		opts.DigitsSet = cmd.Flags().Changed("digits")
	}
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	root.Flags().SetInterspersed(false)
	f := root.PersistentFlags()
	// Every flag's default is defaultOptions', which a command line
	// without flags runs with (onlyExpression).
	f.BoolVar(&opts.JSON, "json", opts.JSON, "print one JSON object per evaluated line")
	f.BoolVarP(&opts.Quiet, "quiet", "q", opts.Quiet, "print results only, without the working")
	f.IntVar(&opts.Digits, "digits", opts.Digits, "significant digits in results (1 to 17)")
	f.Uint64Var(&opts.Ranges.Seed, "seed", opts.Ranges.Seed, "random seed for ranges (10M to 50M)")
	f.IntVar(&opts.Ranges.Samples, "samples", opts.Ranges.Samples, "Monte Carlo samples per range")
	f.IntVar(&opts.Ranges.MaxLive, "max-live-samples", opts.Ranges.MaxLive, "the most samples of ranges kept in memory (0: the default, 2^26)")
	_ = f.MarkHidden("max-live-samples")
	f.BoolVar(&opts.Ranges.Stats, "stats", opts.Ranges.Stats, "for ranges: percentiles p1 to p99, mean and standard deviation")
	f.BoolVar(&opts.Ranges.Hist, "hist", opts.Ranges.Hist, "for ranges: a histogram")
	f.BoolVar(&opts.Ranges.Why, "why", opts.Ranges.Why, "for ranges: which inputs make the result wide")
	f.StringVar(&opts.Latency, "latency", opts.Latency, "the latency set in scope (see napkin latency sets; scott:YEAR for Colin Scott's model)")
	if withSubcommands {
		root.AddCommand(newRunCmd(io, p, opts), newLatencyCmd(io, p, opts), newPowersCmd(io, p, opts),
			newRefCmd(io, p, opts), newNinesCmd(io, p, opts), newNotesCmd(io, p, opts), newPresetCmd(io, p, opts), newPracticeCmd(io, p, opts), newServeCmd(io, p, opts), newLanguageHelp())
		root.SetHelpCommand(newHelpCmd(root))
	}
	return root
}

// defaultOptions are the options of a command line without flags.
func defaultOptions() *globalOptions {
	return &globalOptions{
		Digits:  5,
		Latency: latency.DefaultSet,
		Ranges:  rangeOptions{Seed: estimate.DefaultSeed, Samples: estimate.DefaultSamples},
	}
}

// runRoot runs the root command: the arguments as one line, else an
// interactive session on a terminal, else standard input as a script.
func runRoot(io *ioStreams, p *printer, opts *globalOptions, args []string) error {
	if err := opts.validate(); err != nil {
		return err
	}
	if len(args) == 0 {
		if io.InTTY && io.OutTTY {
			return runREPL(io, p, opts)
		}
		return evaluateScript(io, p, opts, "", io.In)
	}
	return evaluateArgs(io, p, opts, strings.Join(args, " "))
}

// rangeDigits is the digits ranges show: those of --digits when given,
// else 0 for the engine's default.
func (o *globalOptions) rangeDigits() int {
	if o.DigitsSet {
		return o.Digits
	}
	return 0
}

func (o *globalOptions) validate() error {
	if o.Digits < 1 || o.Digits > 17 {
		return &usageError{fmt.Sprintf("--digits must be between 1 and 17, not %d", o.Digits), "napkin --digits 3 '10M * 5 / day'"}
	}
	if o.Ranges.Samples < 100 || o.Ranges.Samples > estimate.MaxSamples {
		return &usageError{fmt.Sprintf("--samples must be between 100 and 10,000,000, not %d", o.Ranges.Samples), "the default is 100,000"}
	}
	if o.Ranges.MaxLive < 0 {
		return &usageError{fmt.Sprintf("--max-live-samples must be 0 or more, not %d", o.Ranges.MaxLive), "0 is the default, 2^26 samples (512 MiB)"}
	}
	return nil
}

func version() string {
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "devel"
}
