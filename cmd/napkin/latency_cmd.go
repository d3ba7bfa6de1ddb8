package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/frontend"
	"github.com/napkin-calc/napkin/latency"
	"github.com/spf13/cobra"
)

type latencyOptions struct {
	set  string
	year int
}

func newLatencyCmd(streams *ioStreams, p *printer, opts *globalOptions) *cobra.Command {
	lo := &latencyOptions{}
	cmd := &cobra.Command{
		Use:   "latency",
		Short: "Latency numbers every programmer should know, with their sources",
		Long: `Show a set of latency numbers: each value on a log scale, and on a human
scale (if an L1 cache reference took 1 second, how long would the rest take).

The default set is the "~2012" list interviewers quote (dean2012). Every set
uses the same names for the same operations, and all of them can be used in
expressions: plainly for the set in scope (--latency), or qualified with the
set's name (dean2007.disk_seek, scott2020.ssd_random_read).`,
		Example: `  $ napkin latency
  $ napkin latency --set napkinmath2026
  $ napkin latency --year 2020
  $ napkin latency compare disk_seek ram_ref
  $ napkin 'dc_rtt * 2 + ssd_random_read * 3'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			set, err := lo.resolve(opts)
			if err != nil {
				return err
			}
			printLatencyTable(streams, p, opts, latency.NewTable(set))
			return nil
		},
	}
	cmd.PersistentFlags().StringVar(&lo.set, "set", "", "the set to show (default: the --latency set)")
	cmd.PersistentFlags().IntVar(&lo.year, "year", 0, "Colin Scott's model for this year, 1990 to 2030")
	cmd.AddCommand(newLatencyCompareCmd(streams, p, opts, lo), newLatencySetsCmd(streams, p, opts))
	return cmd
}

func (lo *latencyOptions) resolve(opts *globalOptions) (*latency.Set, error) {
	name := opts.Latency
	switch {
	case lo.year != 0 && lo.set != "":
		return nil, &usageError{"--set and --year both choose a set", "use one: --year 2020 is --set scott:2020"}
	case lo.year != 0:
		name = "scott:" + strconv.Itoa(lo.year)
	case lo.set != "":
		name = lo.set
	}
	set, err := latency.Get(name)
	if err != nil {
		return nil, &usageError{err.Error(), "napkin latency sets lists the sets"}
	}
	return set, nil
}

func printLatencyTable(streams *ioStreams, p *printer, opts *globalOptions, t *latency.Table) {
	if opts.JSON {
		for _, r := range append(append([]latency.Row{}, t.Rows...), t.Throughput...) {
			p.json(constantJSON(t.Set.Name, r.Constant, r.Human))
		}
		return
	}
	w := streams.Out
	fmt.Fprintf(w, "%s  [%s]\n", streams.style(styleBold, t.Set.Title), t.Set.Name)
	fmt.Fprintf(w, "%s\n\n", streams.style(styleDim, sourceLine(t.Set.Source, t.Set.Year)))
	var notes []string
	mark := func(c *estimate.Constant) string {
		if c.Note == "" {
			return c.Name
		}
		notes = append(notes, c.Name+": "+c.Note)
		return c.Name + "*"
	}
	if len(t.Rows) > 0 {
		fmt.Fprintf(w, "human scale: if %s (%s) took 1 second\n", t.Anchor.Name, strings.ToLower(t.Anchor.Description))
		tab := newTable(streams, "name", "latency", "log scale", "human", "operation")
		tab.right[1], tab.flexible = true, 4
		tab.styles[2] = styleCyan
		bar := "#"
		if streams.Color {
			bar = "█"
		}
		for _, r := range t.Rows {
			tab.add(mark(r.Constant), r.Display, strings.Repeat(bar, 1+int(math.Round(r.Scale*8))), r.Human, r.Description)
		}
		tab.write(w)
	}
	if len(t.Throughput) > 0 {
		fmt.Fprintln(w)
		tab := newTable(streams, "name", "rate", "throughput")
		tab.right[1], tab.flexible = true, 2
		for _, r := range t.Throughput {
			tab.add(mark(r.Constant), r.Display, r.Description)
		}
		tab.write(w)
	}
	if len(notes) > 0 {
		fmt.Fprintln(w)
		for _, n := range notes {
			fmt.Fprintln(w, streams.style(styleDim, "* "+n))
		}
	}
}

func sourceLine(source string, year int) string {
	if year == 0 {
		return "source: " + source + " (year unknown)"
	}
	return fmt.Sprintf("source: %s, %d", source, year)
}

// constantJSON is the JSON contract of a reference constant.
func constantJSON(set string, c *estimate.Constant, human string) frontend.Constant {
	return frontend.NewConstant(set, c, human)
}

func newLatencyCompareCmd(streams *ioStreams, p *printer, opts *globalOptions, lo *latencyOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "compare NAME NAME",
		Short: "Compare two latencies: their ratio and both values",
		Example: `  $ napkin latency compare disk_seek ram_ref
  $ napkin latency compare dean2007.disk_read_1mb disk_read_1mb`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			set, err := lo.resolve(opts)
			if err != nil {
				return err
			}
			c, err := latency.Compare(set, args[0], args[1])
			if err != nil {
				return &usageError{err.Error(), "napkin latency lists the names of the set"}
			}
			if opts.JSON {
				p.json(struct {
					A     frontend.Constant `json:"a"`
					B     frontend.Constant `json:"b"`
					Ratio float64           `json:"ratio"`
				}{constantJSON(set.Name, c.A, ""), constantJSON(set.Name, c.B, ""), c.Ratio})
				return nil
			}
			tab := newTable(streams, "name", "value", "operation")
			tab.right[1], tab.flexible = true, 2
			for _, x := range []*estimate.Constant{c.A, c.B} {
				tab.add(x.Name, estimate.FormatInline(x.Value, 4), x.Description)
			}
			tab.write(streams.Out)
			ratio := estimate.Format(estimate.Quantity{V: c.Ratio}, 4)
			verdict := fmt.Sprintf("%s = %s × %s", c.A.Name, ratio.Text, c.B.Name)
			if c.Ratio < 1 {
				inv := estimate.Format(estimate.Quantity{V: 1 / c.Ratio}, 4)
				verdict = fmt.Sprintf("%s = %s / %s", c.A.Name, c.B.Name, inv.Text)
			}
			fmt.Fprintln(streams.Out, streams.style(styleBold, verdict))
			return nil
		},
	}
}

func newLatencySetsCmd(streams *ioStreams, p *printer, opts *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "sets",
		Short: "List the latency sets",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.JSON {
				for _, s := range latency.Sets() {
					p.json(s)
				}
				return nil
			}
			tab := newTable(streams, "set", "title")
			tab.flexible = 1
			for _, s := range latency.Sets() {
				name := s.Name
				if name == latency.DefaultSet {
					name += " (default)"
				}
				tab.add(name, s.Title)
			}
			tab.write(streams.Out)
			return nil
		},
	}
}
