package main

import (
	"fmt"
	"math"
	"strings"

	"github.com/napkin-calc/napkin/estimate"
)

// rangeOptions are the flags for results that are ranges.
type rangeOptions struct {
	Seed    uint64
	Samples int
	Hist    bool
	Stats   bool
	Why     bool
}

const sparkBuckets = 20

// bins counts samples (sorted, in the display unit) into n bins spanning
// the 1st to 99th percentile, log-spaced when every value is positive.
func bins(d *estimate.Dist, n int) (edges []float64, counts []int) {
	lo, hi := d.P1, d.P99
	logScale := lo > 0
	if hi <= lo {
		hi = lo + 1
	}
	edge := func(i int) float64 {
		f := float64(i) / float64(n)
		if logScale {
			return math.Exp(math.Log(lo) + f*(math.Log(hi)-math.Log(lo)))
		}
		return lo + f*(hi-lo)
	}
	edges = make([]float64, n+1)
	for i := range edges {
		edges[i] = edge(i)
	}
	counts = make([]int, n)
	for _, v := range d.Samples {
		if v < lo || v > hi {
			continue
		}
		var f float64
		if logScale {
			f = (math.Log(v) - math.Log(lo)) / (math.Log(hi) - math.Log(lo))
		} else {
			f = (v - lo) / (hi - lo)
		}
		counts[min(n-1, int(f*float64(n)))]++
	}
	return edges, counts
}

// sparkline draws a distribution in one line of block characters.
func sparkline(d *estimate.Dist) string {
	_, counts := bins(d, sparkBuckets)
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
	edges, counts := bins(d, sparkBuckets)
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
	return []string{
		fmt.Sprintf("  p1 %s  p5 %s  p25 %s  p50 %s  p75 %s  p95 %s  p99 %s  (%s)",
			f(d.P1), f(d.P5), f(d.P25), f(d.P50), f(d.P75), f(d.P95), f(d.P99), strings.TrimSpace(d.Unit)),
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
