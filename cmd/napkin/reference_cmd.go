package main

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/latency"
	"github.com/napkin-calc/napkin/reference"
	"github.com/spf13/cobra"
)

func newPowersCmd(streams *ioStreams, p *printer, opts *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "powers [N]",
		Short: "Powers of two: exact values, the decimal they round to, and the binary/decimal gap",
		Long: `Powers of two as people use them: the exact value, the decimal number it is
rounded to, the binary unit and the same size in decimal units, and how far
apart the two are (2.4% at KiB, 10% at TiB).`,
		Example: `  $ napkin powers
  $ napkin powers 40
  $ napkin '2^30 bytes -> GB'`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			rows := reference.Powers()
			if len(args) == 1 {
				n, err := strconv.Atoi(args[0])
				if err != nil {
					return &usageError{fmt.Sprintf("%q is not a whole number", args[0]), "napkin powers 40"}
				}
				row, err := reference.PowerOfTwo(n)
				if err != nil {
					return &usageError{err.Error(), "napkin powers 40"}
				}
				rows = []reference.Power{row}
			}
			if opts.JSON {
				for _, r := range rows {
					p.json(r)
				}
				return nil
			}
			tab := newTable(streams, "power", "exact", "≈", "binary", "decimal", "gap")
			tab.right[1], tab.right[5] = true, true
			for _, r := range rows {
				gap := ""
				if r.Gap > 0 {
					gap = fmt.Sprintf("%.1f%%", r.Gap*100)
				}
				tab.add(fmt.Sprintf("2^%d", r.N), r.Exact, r.Approx, r.Binary, r.Decimal, gap)
			}
			tab.write(streams.Out)
			return nil
		},
	}
}

func newNinesCmd(streams *ioStreams, p *printer, opts *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "nines [AVAILABILITY...]",
		Short: "Availability nines: the downtime each allows per day, week, month and year",
		Long: `The downtime each availability allows per day, week, month and year: the
usual nines from 90% to 99.9999%, or the availabilities given, written as
napkin percentages (99.95%, 1 - 10^-4).`,
		Example: `  $ napkin nines
  $ napkin nines 99.95% 99.97%
  $ napkin 'downtime(99.99%) -> min'
  $ napkin 'parallel(99.9%, 99.9%)'`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			rows, err := reference.NinesTable()
			if len(args) > 0 {
				rows, err = reference.NinesFor(args)
			}
			var e *estimate.Error
			if errors.As(err, &e) {
				if splitByShell(args) {
					e.Hint += "; each argument is one availability: quote one written with spaces, napkin nines '1 - 10^-4'"
				}
				p.evalError(e)
				return &exitError{exitUsage}
			}
			if err != nil {
				return err
			}
			if opts.JSON {
				for _, r := range rows {
					p.json(struct {
						Availability string  `json:"availability"`
						DaySeconds   float64 `json:"per_day_s"`
						WeekSeconds  float64 `json:"per_week_s"`
						MonthSeconds float64 `json:"per_month_s"`
						YearSeconds  float64 `json:"per_year_s"`
					}{r.Availability, tidy(r.Seconds[0]), tidy(r.Seconds[1]), tidy(r.Seconds[2]), tidy(r.Seconds[3])})
				}
				return nil
			}
			tab := newTable(streams, "availability", "per day", "per week", "per month", "per year")
			for i := 1; i <= 4; i++ {
				tab.right[i] = true
			}
			for _, r := range rows {
				tab.add(r.Availability, r.PerDay.Text, r.PerWeek.Text, r.PerMonth.Text, r.PerYear.Text)
			}
			tab.write(streams.Out)
			fmt.Fprintln(streams.Out, streams.style(styleDim, "A month is 730 h (a twelfth of 365 days). The formulas: napkin ref downtime."))
			return nil
		},
	}
}

// splitByShell reports whether arguments look like one expression the
// shell split at its spaces: some word without a digit (-, GB, +).
func splitByShell(args []string) bool {
	if len(args) < 2 {
		return false
	}
	for _, a := range args {
		if !strings.ContainsAny(a, "0123456789") {
			return true
		}
	}
	return false
}

func newRefCmd(streams *ioStreams, p *printer, opts *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:     "ref [NAME]",
		Aliases: []string{"reference"},
		Short:   "Reference numbers and formulas: values, sources and years",
		Long: `List every reference constant napkin has in scope (latencies of the chosen
set, throughput and capacity rules of thumb, cloud prices) with its value,
source and year, and the formulas (downtime, Little's law, …). With a NAME,
explain that one.`,
		Example: `  $ napkin ref
  $ napkin ref dc_rtt
  $ napkin ref downtime
  $ napkin '500 TB * price_blob_storage'`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			set, err := latency.Get(opts.Latency)
			if err != nil {
				return &usageError{err.Error(), "napkin latency sets lists them"}
			}
			groups, err := reference.Groups()
			if err != nil {
				return err
			}
			session, err := newSession(opts)
			if err != nil {
				return err
			}
			if len(args) == 1 {
				return explainRef(streams, p, opts, set, groups, session, args[0])
			}
			listRefs(streams, p, opts, set, groups, session)
			return nil
		},
	}
}

// maxListedSignature is the longest signature the listing shows whole, so
// that the help beside it keeps room.
const maxListedSignature = 32

// refGroup is a titled list of constants, for the listing.
type refGroup struct {
	name, title string
	constants   []*estimate.Constant
}

func refGroups(set *latency.Set, groups []*reference.Group) []refGroup {
	out := []refGroup{{set.Name, "Latency: " + set.Title + " (napkin latency for the table)", set.Entries}}
	for _, g := range groups {
		out = append(out, refGroup{g.Name, g.Title, g.File.Constants})
	}
	return out
}

func listRefs(streams *ioStreams, p *printer, opts *globalOptions, set *latency.Set, groups []*reference.Group, session *estimate.Session) {
	w := streams.Out
	for gi, g := range refGroups(set, groups) {
		if opts.JSON {
			for _, c := range g.constants {
				j := constantJSON("", c, "")
				j.Group = g.name
				p.json(j)
			}
			continue
		}
		if gi > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintln(w, streams.style(styleBold, g.title))
		tab := newTable(streams, "  name", "value", "what")
		tab.right[1], tab.flexible = true, 2
		lastSource := ""
		for _, c := range g.constants {
			if src := yearFirst(c.Source, c.Year); src != lastSource {
				tab.addLine("  " + src)
				lastSource = src
			}
			tab.add("  "+c.Name, estimate.Format(c.Value, 4).Text, c.Description)
		}
		tab.write(w)
	}
	funcs := session.Functions()
	// In the order of their files, where related formulas sit together.
	sort.SliceStable(funcs, func(i, j int) bool {
		if funcs[i].File != funcs[j].File {
			return funcs[i].File < funcs[j].File
		}
		return funcs[i].Line < funcs[j].Line
	})
	if opts.JSON {
		for _, f := range funcs {
			p.json(functionJSON("formulas", f))
		}
		return
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, streams.style(styleBold, "Formulas (reference/formulas.napkin)"))
	tab := newTable(streams, "  function", "what")
	tab.flexible, tab.wrap = 1, true
	lastSource := ""
	for _, f := range funcs {
		switch {
		case f.Source == lastSource:
		case f.Source != "":
			tab.addLine("  " + yearFirst(f.Source, f.Year))
		default:
			tab.addLine("  [no source: arithmetic]")
		}
		lastSource = f.Source
		sig := f.Signature
		if utf8.RuneCountInString(sig) > maxListedSignature {
			sig = f.Name + "(…)" // napkin ref NAME shows the parameters
		}
		tab.add("  "+sig, f.Doc)
	}
	tab.write(w)
	fmt.Fprintln(w, streams.style(styleDim, "napkin ref NAME explains one; the builtin functions (ceil, harmonic, erlang_c, …) are in napkin help language."))
}

func explainRef(streams *ioStreams, p *printer, opts *globalOptions, set *latency.Set, groups []*reference.Group, session *estimate.Session, name string) error {
	w := streams.Out
	for _, f := range session.Functions() {
		if f.Name == name {
			if opts.JSON {
				p.json(functionJSON("", f))
				return nil
			}
			fmt.Fprintf(w, "%s = %s\n  %s\n", streams.style(styleBold, f.Signature), f.Body, f.Doc)
			if len(f.Domain) > 0 {
				fmt.Fprintf(w, "  takes: %s\n", strings.Join(f.Domain, "; "))
			}
			if f.Source != "" {
				fmt.Fprintf(w, "  %s\n", sourceLine(f.Source, f.Year))
			}
			return nil
		}
	}
	if doc, ok := estimate.BuiltinHelp(name); ok {
		if opts.JSON {
			p.json(struct {
				Name    string `json:"name"`
				Builtin bool   `json:"builtin"`
				Doc     string `json:"description"`
			}{name, true, doc})
			return nil
		}
		fmt.Fprintf(w, "%s  (builtin)\n", streams.style(styleBold, doc))
		return nil
	}
	var found *estimate.Constant
	for _, g := range refGroups(set, groups) {
		for _, c := range g.constants {
			if c.Name == name {
				found = c
			}
		}
	}
	if found == nil {
		// A qualified latency (dean2007.disk_seek) or a name of another set.
		if c, ok := set.Library().Lookup(name); ok {
			found = c
		}
	}
	if found == nil {
		var names []string
		for _, g := range refGroups(set, groups) {
			for _, c := range g.constants {
				names = append(names, c.Name)
			}
		}
		for _, f := range session.Functions() {
			names = append(names, f.Name)
		}
		hint := "napkin ref lists them all"
		if near := estimate.Suggest(name, names); near != "" {
			hint = fmt.Sprintf("did you mean %q?", near)
		}
		p.errorLine(fmt.Sprintf("no reference constant or formula is called %q", name))
		p.hintLine(hint)
		return &exitError{exitUsage} // an unknown name on the command line, as preset show and latency compare
	}
	if opts.JSON {
		p.json(constantJSON("", found, ""))
		return nil
	}
	d := estimate.Format(found.Value, 0)
	fmt.Fprintf(w, "%s = %s\n", streams.style(styleBold, found.Name), found.Expr)
	fmt.Fprintf(w, "  %s\n", found.Description)
	if found.Expr != d.Text {
		fmt.Fprintf(w, "  = %s  [%s]\n", d.Text, found.Value.Dimension())
	}
	fmt.Fprintf(w, "  %s\n", sourceLine(found.Source, found.Year))
	if found.Note != "" {
		fmt.Fprintf(w, "  note: %s\n", found.Note)
	}
	if others := otherSets(found.Name); len(others) > 0 {
		fmt.Fprintf(w, "  in other sets: %s\n", strings.Join(others, ", "))
	}
	return nil
}

// functionJSONObject is the JSON contract of a formula.
type functionJSONObject struct {
	Group     string `json:"group,omitempty"`
	Name      string `json:"name"`
	Signature string `json:"signature"`
	Body      string `json:"body"`
	Doc       string `json:"description"`
	Source    string `json:"source,omitempty"`
	Year      int    `json:"year,omitempty"`
	// Domain says what the parameters accept ("availability a probability
	// from 0 to 100%"); a call outside it is an error.
	Domain []string `json:"domain,omitempty"`
}

func functionJSON(group string, f estimate.FunctionInfo) functionJSONObject {
	return functionJSONObject{group, f.Name, f.Signature, f.Body, f.Doc, f.Source, f.Year, f.Domain}
}

// yearFirst is a source line that keeps its year when it is cut to fit.
func yearFirst(source string, year int) string {
	if year == 0 {
		return "[year unknown] " + source
	}
	return fmt.Sprintf("[%d] %s", year, source)
}

// otherSets lists a latency's value in every set that has it.
func otherSets(id string) []string {
	var out []string
	for _, info := range latency.Sets() {
		name := info.Name
		if name == "scott:YEAR" {
			name = "scott:2026"
		}
		s, err := latency.Get(name)
		if err != nil {
			continue
		}
		if c, ok := s.Entry(id); ok {
			out = append(out, s.Name+" "+estimate.FormatInline(c.Value, 4))
		}
	}
	return out
}

// tidy rounds away the last bits of float noise (8639.999999999998 is
// 8640; 1 - 99.999% is not exactly 1e-5) by keeping 10 significant
// digits, more than any table shows.
func tidy(v float64) float64 {
	t, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 10, 64), 64)
	return t
}
