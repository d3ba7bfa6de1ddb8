package main

import (
	"fmt"
	"strings"

	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/lint"
	"github.com/napkin-calc/napkin/notes"
	"github.com/napkin-calc/napkin/presets"
	"github.com/spf13/cobra"
)

type presetOptions struct {
	set  []string
	md   bool
	lint bool
}

func newPresetCmd(streams *ioStreams, p *printer, opts *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "preset",
		Short: "Interview problems as worked estimates you can re-run with other assumptions",
		Long: `The canonical system-design interview problems as worked estimates: scope,
assumptions (each with its reason and source), then traffic, storage,
bandwidth, cache and servers, with the working shown.

Re-run one with other assumptions with --set NAME=VALUE; the names recur
across presets (dau, peak_factor, replication, index_overhead, retention,
read_write_ratio, cache_ratio, utilisation).

Your own presets are *.napkin files in $NAPKIN_PRESETS, or else in
napkin/presets under your config directory; one named like a built-in
replaces it. Any napkin script will do (its title is its first comment
line, or its file name); #@ title:, #@ summary:, #@ source:, #@ section:
and #? question lines make it a full preset (see the README).`,
		Example: `  $ napkin preset list
  $ napkin preset show twitter
  $ napkin preset show twitter --set dau=500M --set peak_factor=5
  $ napkin preset show url_shortener --md > url_shortener.md`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newPresetListCmd(streams, p, opts), newPresetShowCmd(streams, p, opts))
	return cmd
}

func loadPresets(p *printer) []*presets.Preset {
	all, errs := presets.All(presets.UserDir())
	for _, err := range errs {
		p.warnLine(err.Error(), "fix or remove the file")
	}
	return all
}

func findPreset(p *printer, name string) (*presets.Preset, error) {
	all := loadPresets(p)
	if pr, ok := presets.Find(all, name); ok {
		return pr, nil
	}
	var names []string
	for _, pr := range all {
		names = append(names, pr.Name)
	}
	hint := "the presets are " + strings.Join(names, ", ")
	if near := estimate.Suggest(name, names); near != "" {
		hint = fmt.Sprintf("did you mean %q?", near)
	}
	return nil, &usageError{fmt.Sprintf("no preset is called %q", name), hint}
}

func newPresetListCmd(streams *ioStreams, p *printer, opts *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: "List the presets: name, title and what they estimate",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			all := loadPresets(p)
			if opts.JSON {
				for _, pr := range all {
					p.json(struct {
						Name    string `json:"name"`
						Title   string `json:"title"`
						Summary string `json:"summary"`
						Source  string `json:"source,omitempty"`
						Origin  string `json:"origin"`
						Path    string `json:"path"`
					}{pr.Name, pr.Title, pr.Summary, pr.Source, origin(pr), pr.Path})
				}
				return nil
			}
			// Two lines each, so that the one-line summary is not cut.
			tab := newTable(streams, "name", "title", "from")
			tab.flexible = 1
			for _, pr := range all {
				tab.add(pr.Name, pr.Title, origin(pr))
				tab.addLine(strings.Repeat(" ", 15) + pr.Summary)
			}
			tab.write(streams.Out)
			return nil
		},
	}
}

func origin(pr *presets.Preset) string {
	switch {
	case pr.Shadows:
		return "user (replaces built-in)"
	case pr.User:
		return "user"
	}
	return "built-in"
}

// parseSet reads --set NAME=VALUE flags.
func parseSet(flags []string) (map[string]string, error) {
	set := map[string]string{}
	for _, f := range flags {
		name, value, ok := strings.Cut(f, "=")
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if !ok || name == "" || value == "" {
			return nil, &usageError{fmt.Sprintf("--set %q is not NAME=VALUE", f), "--set dau=500M"}
		}
		set[name] = value
	}
	return set, nil
}

func newPresetShowCmd(streams *ioStreams, p *printer, opts *globalOptions) *cobra.Command {
	po := &presetOptions{}
	cmd := &cobra.Command{
		Use:   "show NAME",
		Short: "Show a preset's whole estimate with the working",
		Example: `  $ napkin preset show twitter
  $ napkin preset show twitter --set dau=500M --set peak_factor=5
  $ napkin -q preset show pastebin
  $ napkin preset show chat --md > chat.md && napkin notes --check chat.md`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := opts.validate(); err != nil {
				return err
			}
			p.opts = opts
			pr, err := findPreset(p, args[0])
			if err != nil {
				return err
			}
			set, err := parseSet(po.set)
			if err != nil {
				return err
			}
			session, err := newSession(opts)
			if err != nil {
				return err
			}
			if po.md {
				return writePresetMarkdown(streams, p, opts, pr, set)
			}
			steps, err := pr.Run(session, set)
			if err != nil {
				return presetError(p, err)
			}
			if po.lint {
				reportLint(p, pr.Path, lintSteps(steps))
			}
			printPreset(streams, p, opts, pr, steps)
			return nil
		},
	}
	cmd.Flags().StringArrayVar(&po.set, "set", nil, "replace an assumption: --set dau=500M (repeatable)")
	cmd.Flags().BoolVar(&po.md, "md", false, "write the preset as a Markdown note that napkin notes can re-run")
	cmd.Flags().BoolVar(&po.lint, "lint", true, "warn about omissions (no replication, no peak, mixed units)")
	return cmd
}

// presetError prints a failed run: a bad --set as a usage error, a failing
// line as an evaluation error.
func presetError(p *printer, err error) error {
	if se, ok := err.(*presets.SetError); ok {
		if se.Column == 0 || p.opts != nil && p.opts.JSON {
			return &usageError{se.Msg, se.Hint}
		}
		// Shown as the error of the line "--set NAME=VALUE", the caret
		// under the part at fault.
		const flag = "--set "
		p.positionedError("--set", &estimate.Error{Source: flag + se.Arg, Column: len(flag) + se.Column, Width: se.Width, Msg: se.Reason, Hint: se.Hint}, "    ")
		return &exitError{exitUsage}
	}
	if e, ok := err.(*estimate.Error); ok {
		p.evalError(e)
		return &exitError{exitEval}
	}
	return err
}

func lintSteps(steps []presets.Step) []lint.Warning {
	c := lint.NewChecker()
	for _, s := range steps {
		comment := s.Reason
		for _, pr := range s.Prose {
			comment += " " + pr
		}
		c.Add(s.Result, comment)
	}
	return c.Warnings()
}

func reportLint(p *printer, file string, ws []lint.Warning) {
	for _, w := range ws {
		p.warnLine(fmt.Sprintf("%s:%d: %s", file, w.Line, w.Msg), w.Hint)
	}
}

func printPreset(streams *ioStreams, p *printer, opts *globalOptions, pr *presets.Preset, steps []presets.Step) {
	if opts.JSON {
		for _, s := range steps {
			p.result(s.Result)
		}
		return
	}
	w := streams.Out
	if !opts.Quiet {
		fmt.Fprintf(w, "%s  [%s]\n", streams.style(styleBold, pr.Title), pr.Name)
		if summary := pr.SummaryOf(steps); summary != "" {
			fmt.Fprintln(w, summary)
		}
		if pr.Source != "" {
			fmt.Fprintln(w, streams.style(styleDim, "source: "+pr.Source))
		}
		for _, l := range pr.ScopeOf(steps) {
			fmt.Fprintln(w, streams.style(styleDim, l))
		}
	}
	section := ""
	first := true
	if len(steps) == 0 {
		return
	}
	var assumptions *table
	flush := func() {
		if assumptions != nil {
			assumptions.write(w)
			assumptions = nil
		}
	}
	for _, s := range steps {
		if s.Section != section {
			flush()
			section = s.Section
			if !opts.Quiet || s.Line.N != steps[0].Line.N {
				fmt.Fprintln(w)
			}
			fmt.Fprintln(w, streams.style(styleBold, section))
			p.printed, first = false, true
			if s.Assumption && !opts.Quiet {
				assumptions = newTable(streams, "", "", "")
				assumptions.flexible, assumptions.wrap = 2, true
				assumptions.header = []string{"  assumption", "value", "why"}
			}
		}
		if assumptions != nil {
			why := s.Reason
			if s.Was != "" {
				why = "set on the command line; the preset says " + s.Was
			}
			assumptions.add("  "+s.Name, strings.TrimSpace(strings.SplitN(s.Code, "=", 2)[1]), why)
			continue
		}
		if opts.Quiet {
			p.result(s.Result)
			continue
		}
		if !first {
			fmt.Fprintln(w)
		}
		first = false
		if s.Reason != "" {
			fmt.Fprintln(w, streams.style(styleDim, "# "+s.Reason))
		}
		for _, line := range p.working(s.Result) {
			fmt.Fprintln(w, line)
		}
	}
	flush()
}

func writePresetMarkdown(streams *ioStreams, p *printer, opts *globalOptions, pr *presets.Preset, set map[string]string) error {
	// Check the assumptions by running the preset first.
	session, err := newSession(opts)
	if err != nil {
		return err
	}
	if _, err := pr.Run(session, set); err != nil {
		return presetError(p, err)
	}
	md := pr.Markdown(set)
	res := notes.Process(pr.Name+".md", []byte(md), notes.Options{NewSession: func() *estimate.Session {
		s, _ := newSession(opts)
		return s
	}})
	for _, e := range res.Errors {
		p.evalError(e)
	}
	_, _ = streams.Out.Write(res.Output)
	if len(res.Errors) > 0 {
		return &exitError{exitEval}
	}
	return nil
}
