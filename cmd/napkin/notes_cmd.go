package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/notes"
	"github.com/spf13/cobra"
)

type notesOptions struct {
	check, diff, clean, stdout bool
	output                     string
}

func newNotesCmd(streams *ioStreams, p *printer, opts *globalOptions) *cobra.Command {
	no := &notesOptions{}
	cmd := &cobra.Command{
		Use:   "notes FILE...",
		Short: "Evaluate the napkin blocks of Markdown notes and write the results in place",
		Long: `Evaluate the ` + "```napkin" + ` blocks of Markdown files. A line that ends in
"# =>" asks for its result: napkin writes it after the arrow and changes
nothing else in the file. Variables flow from block to block down the file;
a block tagged "napkin fresh" starts an empty scope.

Files are rewritten in place, atomically, keeping their mode, owner and
hard links. napkin refuses to write a read-only note, or one that changed
on disk while it ran. A FILE of - reads standard input and writes standard
output.

--check writes nothing and exits 1 when a result is stale (listing
FILE:LINE: old → new) or a line fails to evaluate (even when its slot
already holds that error), 0 when every result is current and none is an
error: use it in CI or as a pre-commit hook. Exit 2 is kept for a bad
command line or a note that cannot be read or written. --json lists the slots as
JSON lines instead; it changes what is printed, never what is written or
the exit code.`,
		Example: `  $ napkin notes design.md
  $ napkin notes --check docs/*.md
  $ napkin notes --diff design.md
  $ napkin notes --clean design.md
  $ cat design.md | napkin notes - > updated.md`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.validate(); err != nil {
				return err
			}
			if no.output != "" && no.output != "-" {
				return &usageError{"-o takes only - (standard output)", "napkin notes -o - FILE, or napkin notes FILE to rewrite it in place"}
			}
			if no.check && (no.diff || no.clean) {
				return &usageError{"--check cannot be combined with --diff or --clean", "napkin notes --check FILE"}
			}
			p.opts = opts
			return runNotes(streams, p, opts, no, args)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&no.check, "check", false, "write nothing; exit 1 if a result is stale or a line fails")
	f.BoolVar(&no.diff, "diff", false, "print a unified diff instead of writing")
	f.BoolVar(&no.clean, "clean", false, "empty every result slot")
	f.BoolVar(&no.stdout, "stdout", false, "print the result instead of writing the file")
	f.StringVarP(&no.output, "output", "o", "", "- to print the result instead of writing the file")
	return cmd
}

func runNotes(streams *ioStreams, p *printer, opts *globalOptions, no *notesOptions, files []string) error {
	var sessionErr error
	newSession := func() *estimate.Session {
		s, err := newSession(opts)
		if err != nil {
			sessionErr = err
			return estimate.NewSession(estimate.Options{Digits: opts.Digits, RangeDigits: opts.rangeDigits()})
		}
		return s
	}
	toStdout := no.stdout || no.output == "-"
	if !no.check && !no.diff && !toStdout {
		defer removeTempsOnSignal()()
	}
	stale, failed := false, false
	for _, name := range files {
		note, err := readNote(streams, name)
		if err != nil {
			return err
		}
		res := notes.Process(displayName(name), note.src, notes.Options{NewSession: newSession, Clean: no.clean})
		if sessionErr != nil {
			return sessionErr
		}
		slotLines := map[int]bool{}
		for _, s := range res.Slots {
			slotLines[s.Line] = true
		}
		for _, e := range res.Errors {
			// In JSON, a slot's error is in the slot's object; an error on
			// a line without a slot is an error object of its own.
			if !opts.JSON || !slotLines[e.Line] {
				p.evalError(e)
			}
			failed = true
		}
		stale = stale || res.Changed()
		// --json changes how the outcome is reported, never the outcome:
		// what is written and the exit code are the same with and without.
		switch {
		case opts.JSON:
			for _, s := range res.Slots {
				p.json(slotJSON(displayName(name), s))
			}
		case no.check:
			for _, s := range res.Slots {
				if s.Stale() {
					fmt.Fprintf(streams.Out, "%s:%d: %s → %s\n", displayName(name), s.Line, orEmpty(s.Old), orEmpty(s.New))
				}
			}
		case no.diff:
			// A diff is the note's own lines, for patch: as they are.
			fmt.Fprint(streams.RawOut, notes.Diff(displayName(name), note.src, res.Output))
		case toStdout || name == "-":
			_, _ = streams.RawOut.Write(res.Output) // the note, byte for byte
		}
		if no.check || no.diff || toStdout || name == "-" || !res.Changed() {
			continue
		}
		if err := note.replace(res.Output); err != nil {
			return replaceError(name, err)
		}
	}
	// As everywhere in napkin: 1 when an expression cannot be evaluated (a
	// failing line, with or without --check, whether or not its slot
	// already says so) or, with --check, a stale result; 2 only for a bad
	// command line or an unreadable or unwritable file (returned above).
	if failed || (no.check && stale) {
		return &exitError{exitEval}
	}
	return nil
}

// replaceError explains why a note was not rewritten, and what state it
// is in: as it was, or (when a rewrite in place failed and its old
// contents could not be put back) possibly damaged, with where a copy of
// them is.
func replaceError(name string, err error) error {
	var inPlace *inPlaceError
	switch {
	case errors.Is(err, errChangedMeanwhile):
		return &usageError{fmt.Sprintf("did not write %s: %v; your version was kept", name, err), "run napkin notes again to fill in the saved version"}
	case errors.Is(err, errReadOnly):
		return &usageError{fmt.Sprintf("did not write %s: %v", name, err), fmt.Sprintf("make it writable (chmod u+w %s), or print the result with napkin notes -o - %s", name, name)}
	case errors.As(err, &inPlace) && !inPlace.restored:
		msg := fmt.Sprintf("cannot write %s: %v; putting back what it held failed too (%v), so it may now be incomplete", name, inPlace.err, inPlace.restoreErr)
		if inPlace.saved == "" {
			return &usageError{msg, fmt.Sprintf("restore it from version control or a backup: napkin could not save a copy of it either (%v)", inPlace.saveErr)}
		}
		return &usageError{msg, fmt.Sprintf("its old contents are saved in %s; once the problem is fixed, put them back with cp %s %s", inPlace.saved, inPlace.saved, name)}
	}
	hint := "the file was left as it was"
	if diskFull(err) {
		hint += "; free some space and run napkin notes again"
	}
	return &usageError{fmt.Sprintf("cannot write %s: %v", name, unwrapPathError(err)), hint}
}

func orEmpty(s string) string {
	if s == "" {
		return "(empty)"
	}
	return s
}

type slotJSONObject struct {
	File    string   `json:"file"`
	Line    int      `json:"line"`
	Input   string   `json:"input"`
	Name    string   `json:"name,omitempty"`
	Value   *float64 `json:"value,omitempty"`
	Unit    *string  `json:"unit,omitempty"`
	Display string   `json:"display"`
	Stale   bool     `json:"stale"`
	Error   string   `json:"error,omitempty"`
	Column  int      `json:"column,omitempty"`
}

func slotJSON(file string, s notes.Slot) slotJSONObject {
	j := slotJSONObject{File: file, Line: s.Line, Input: s.Input, Display: s.New, Stale: s.Stale()}
	if s.Err != nil {
		j.Error, j.Column = s.Err.Msg, s.Err.Column
	}
	if r := s.Result; r != nil && (r.Kind == estimate.KindExpression || r.Kind == estimate.KindAssignment) {
		v, u := r.Value, r.Unit
		j.Name, j.Value, j.Unit = r.Name, &v, &u
	}
	return j
}

func readNote(streams *ioStreams, name string) (*noteFile, error) {
	if name == "-" {
		data, err := io.ReadAll(io.LimitReader(streams.In, maxInputSize+1))
		if err != nil {
			return nil, &usageError{fmt.Sprintf("cannot read standard input: %v", err), ""}
		}
		if len(data) > maxInputSize {
			return nil, &usageError{fmt.Sprintf("cannot read standard input: larger than %d MB, napkin's limit", maxInputSize>>20), "split the note"}
		}
		return &noteFile{name: name, src: data}, nil
	}
	note, err := readNoteFile(name)
	if err != nil {
		return nil, &usageError{fmt.Sprintf("cannot read %s: %v", name, unwrapPathError(err)), "check the file name"}
	}
	return note, nil
}
