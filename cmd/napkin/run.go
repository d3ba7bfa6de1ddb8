package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

func newRunCmd(streams *ioStreams, p *printer, opts *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "run FILE...",
		Short: "Evaluate napkin scripts, line by line",
		Long: `Evaluate napkin scripts. Each line is a statement; variables and
functions flow from line to line and from one file to the next. A FILE of -
reads standard input. Evaluation stops at the first error.`,
		Example: `  $ napkin run plan.napkin
  $ cat plan.napkin | napkin run -
  $ napkin --json run plan.napkin
  $ napkin run --lint plan.napkin`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.validate(); err != nil {
				return err
			}
			session, err := newSession(opts)
			if err != nil {
				return err
			}
			for _, name := range args {
				var r io.Reader
				if name == "-" {
					r = streams.In
				} else {
					f, err := os.Open(name)
					if err != nil {
						return &usageError{fmt.Sprintf("cannot read %s: %v", name, unwrapPathError(err)), "check the file name"}
					}
					defer f.Close()
					r = f
				}
				if err := runScript(streams, p, opts, session, displayName(name), r); err != nil {
					return err
				}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&opts.Lint, "lint", false, "warn about omissions: storage with no replication, rates with no peak, mixed units, 2.5M-second months")
	return cmd
}

func displayName(name string) string {
	if name == "-" {
		return "<stdin>"
	}
	return name
}

// unwrapPathError drops the operation and file names Go puts before an
// error ("write NOTE: ", "rename TEMP NOTE: "): the message names the file
// the user gave already.
func unwrapPathError(err error) error {
	switch e := err.(type) {
	case *os.PathError:
		return e.Err
	case *os.LinkError:
		return e.Err
	}
	return err
}
