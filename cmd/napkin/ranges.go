package main

import (
	"fmt"
	"math"
	"strings"

	"github.com/napkin-calc/napkin/estimate"
	"github.com/napkin-calc/napkin/frontend"
)

// rangeOptions are the flags for results that are ranges.
type rangeOptions struct {
	Seed    uint64
	Samples int
	// MaxLive bounds the samples a session keeps in memory (a hidden
	// flag, for tests and experiments); 0 means the engine's default.
	MaxLive int
	Hist    bool
	Stats   bool
	Why     bool
}

const sparkBuckets = 20

// sparkline draws a distribution in one line of block characters.
func sparkline(d *estimate.Dist) string {
	_, counts := frontend.Bins(d, sparkBuckets)
	peak := 0
	for _, c := range counts {
		peak = max(peak, c)
	}
	blocks := []rune("▁▂▃▄▅▆▇█")
	var b strings.Builder
	for _, c := range counts {
		b.WriteRune(blocks[min(len(blocks)-1, c*len(blocks)/(peak+1))])
	}
	return b.String()
}

// histogram draws a distribution as rows of bars, one per bin.
func (p *printer) histogram(d *estimate.Dist) []string {
	edges, counts := frontend.Bins(d, sparkBuckets)
	peak := 0
	for _, c := range counts {
		peak = max(peak, c)
	}
	bar := "#"
	if p.io.Color {
		bar = "█"
	}
	var lines []string
	for i, c := range counts {
		label := estimate.FormatCompact(edges[i]) + " " + d.Unit
		lines = append(lines, fmt.Sprintf("  %12s  %s", strings.TrimSpace(label), strings.Repeat(bar, c*40/max(peak, 1))))
	}
	return lines
}

// stats is the --stats block of a range result.
func (p *printer) stats(d *estimate.Dist) []string {
	f := func(v float64) string { return estimate.FormatCompact(v) }
	unit := ""
	if u := strings.TrimSpace(d.Unit); u != "" {
		unit = "  (" + u + ")"
	}
	return []string{
		fmt.Sprintf("  p1 %s  p5 %s  p25 %s  p50 %s  p75 %s  p95 %s  p99 %s%s",
			f(d.P1), f(d.P5), f(d.P25), f(d.P50), f(d.P75), f(d.P95), f(d.P99), unit),
		fmt.Sprintf("  mean %s  sd %s", f(d.Mean), f(d.SD)),
	}
}

// why is the --why block: which inputs explain the spread.
func (p *printer) why(r *estimate.Result) []string {
	infl := r.Sensitivity()
	if len(infl) < 2 {
		return nil // one input explains all of it: nothing to rank
	}
	lines := []string{"  why it is wide (share of the spread each range explains):"}
	width := 0
	for _, in := range infl {
		width = max(width, len([]rune(in.Name)))
	}
	for _, in := range infl {
		bar := strings.Repeat("#", int(math.Round(in.Share*20)))
		if p.io.Color {
			bar = strings.Repeat("█", int(math.Round(in.Share*20)))
		}
		lines = append(lines, fmt.Sprintf("    %-*s  %5.1f%%  %s", width, in.Name, in.Share*100, bar))
	}
	return lines
}
