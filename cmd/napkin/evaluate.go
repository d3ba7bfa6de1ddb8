package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/lint"
)

// evaluateArgs evaluates the command-line expression. A multi-line
// argument is a script.
func evaluateArgs(streams *ioStreams, p *printer, opts *globalOptions, text string) error {
	if strings.TrimSpace(stripComment(text)) == "" {
		return &usageError{"nothing to evaluate", "give an expression: napkin '10M * 5 / day'"}
	}
	session, err := newSession(opts)
	if err != nil {
		return err
	}
	streams.endsAfterPrinting()
	return runScript(streams, p, opts, session, "", strings.NewReader(text))
}

func stripComment(s string) string { return estimate.StripComment(s) }

// evaluateScript evaluates a whole input, such as standard input.
func evaluateScript(streams *ioStreams, p *printer, opts *globalOptions, name string, r io.Reader) error {
	session, err := newSession(opts)
	if err != nil {
		return err
	}
	return runScript(streams, p, opts, session, name, r)
}

// runScript evaluates r line by line in session, printing each result, and
// stops at the first error.
func runScript(streams *ioStreams, p *printer, opts *globalOptions, session *estimate.Session, name string, r io.Reader) error {
	// Bounded: /dev/zero or a runaway pipe is an error, not all the memory.
	data, err := io.ReadAll(io.LimitReader(r, maxInputSize+1))
	if err != nil {
		return &usageError{fmt.Sprintf("cannot read %s: %v", orStdin(name), unwrapPathError(err)), "give a script file, or - for standard input"}
	}
	if len(data) > maxInputSize {
		return &usageError{fmt.Sprintf("cannot read %s: larger than %d MB, napkin's limit for a script", orStdin(name), maxInputSize>>20), "split the script into several files: napkin run a.napkin b.napkin"}
	}
	p.opts, p.file = opts, name
	session.SetFile(name)
	checker := lint.NewChecker()
	defer func() {
		if opts.Lint {
			reportLint(p, orStdin(name), checker.Warnings())
		}
	}()
	for i, line := range estimate.SplitLines(string(data)) {
		if i == 1 {
			streams.expectMore()
		}
		res, err := session.EvalLine(i+1, line)
		if err != nil {
			var e *estimate.Error
			if errors.As(err, &e) {
				p.evalError(e)
				return &exitError{exitEval}
			}
			return err
		}
		if res != nil {
			if opts.Lint { // lint only when asked: it costs time per line
				comment := ""
				if c := estimate.CommentStart(line); c >= 0 {
					comment = line[c+1:]
				}
				checker.Add(res, comment)
			}
			p.result(res)
		}
	}
	return nil
}

func orStdin(name string) string {
	if name == "" {
		return "standard input"
	}
	return name
}
